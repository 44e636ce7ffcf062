package fr.maillage.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Writes to the audit log. The actor and address come from the current request. */
public interface AuditLog {

	/** A change, recorded in the caller's transaction (so the change and its trace commit together). */
	void change(String action, String subjectType, @Nullable String subjectId, @Nullable UUID cptsId, @Nullable String details);

	/**
	 * A read of personal data, recorded in its own short transaction before the data is returned;
	 * throws if the row cannot be written, so the read fails.
	 */
	void read(String action, String subjectType, @Nullable String subjectId, @Nullable UUID cptsId, @Nullable String details);

	/**
	 * Something that happened outside any change of data (a login, a refused access), recorded at once
	 * in a short transaction of its own, whatever becomes of the caller's.
	 */
	void event(@Nullable UUID actorId, @Nullable String actorLabel, String action, String subjectType, @Nullable String subjectId,
			@Nullable UUID cptsId, @Nullable String details);

	/** A change made by the system or by someone not yet authenticated (setup, invitation acceptance). */
	void changeAs(@Nullable UUID actorId, String actorLabel, String action, String subjectType, @Nullable String subjectId,
			@Nullable UUID cptsId, @Nullable String details);
}
