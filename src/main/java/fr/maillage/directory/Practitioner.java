package fr.maillage.directory;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A professional of the directory with their active practice sites. */
public record Practitioner(UUID id, @Nullable String nationalId, @Nullable String idKind, @Nullable String civility, String lastName,
		@Nullable String firstName, @Nullable String professionCode, @Nullable String professionLabel, @Nullable String mssante,
		@Nullable String phone, List<String> languages, @Nullable Boolean takesNewPatients, String source, List<Activity> activities) {

	/** As lists and rosters name them: "Dr Jeanne Martin" for a doctor, "Claire Fabre" otherwise. */
	public String displayName() {
		return ((civility != null && civility.startsWith("Doct") ? "Dr " : "") + (firstName == null ? "" : firstName + " ") + lastName).strip();
	}

	public record Activity(UUID id, @Nullable String modeLabel, @Nullable String roleLabel, @Nullable String skillCode,
			@Nullable String skillLabel, @Nullable String siteName, @Nullable String address, @Nullable String postcode,
			@Nullable String communeCode, @Nullable String communeName, @Nullable String phone, boolean active) {
	}
}
