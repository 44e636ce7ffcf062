package fr.maillage.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

/** A patient as recorded, with validated identity and contact. */
public record Patient(UUID id, UUID cptsId, Identity identity, Contact contact, Instant createdAt) {

	public int ageOn(LocalDate day) {
		return identity.birthDate() == null ? 0 : Period.between(identity.birthDate(), day).getYears();
	}
}
