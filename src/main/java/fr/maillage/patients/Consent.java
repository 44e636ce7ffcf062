package fr.maillage.patients;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A consent to a processing of the patient's data: what for, when, how, and who recorded it. */
public record Consent(String purpose, Instant givenAt, How how, @Nullable UUID recordedBy) {

	public enum How {
		FORMULAIRE_EN_LIGNE, ORAL, ECRIT, IMPORT
	}
}
