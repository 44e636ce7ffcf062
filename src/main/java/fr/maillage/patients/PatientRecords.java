package fr.maillage.patients;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a module holds about a patient (GP-access requests, pathways…), for the two rights a
 * patient exercises through the CPTS's coordinator: seeing what is held (access, portability) and
 * having it erased. Modules that keep patient data implement it; {@link Patients} asks them all.
 */
public interface PatientRecords {

	/** One thing held, in French for the coordinator and the export: "Demande de médecin traitant n° 12", its date, a detail. */
	record Held(String kind, String label, @Nullable LocalDate date, @Nullable String detail) {
	}

	/** What this module holds about the patient (its own reads are audited by the caller's record read). */
	List<Held> heldAbout(UUID patientId);

	/** The ids under which this module audits reads of what it holds about the patient (its records' ids). */
	default List<String> auditedIds(UUID patientId) {
		return List.of();
	}

	/**
	 * Removes what identifies the patient in this module's data (free text, notes, messages), ends
	 * what is still running, and keeps the rest anonymous for the indicators. Runs in the erasure's
	 * transaction: if one module fails, nothing is erased.
	 */
	void erase(UUID patientId);
}
