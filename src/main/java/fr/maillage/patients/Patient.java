package fr.maillage.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A patient as recorded, with validated identity and contact. */
public record Patient(UUID id, UUID cptsId, Identity identity, Contact contact, Instant createdAt, @Nullable Instant erasedAt) {

	/** Whether the patient's data was erased at their request (the row stays, anonymous, for the indicators). */
	public boolean erased() {
		return erasedAt != null;
	}

	public int ageOn(LocalDate day) {
		return identity.birthDate() == null ? 0 : Period.between(identity.birthDate(), day).getYears();
	}
}
