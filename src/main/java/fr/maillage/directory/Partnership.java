package fr.maillage.directory;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A CPTS's partnership with a structure: where it stands, who represents the structure, the signed convention. */
public record Partnership(UUID id, UUID cptsId, Organization organization, Status status, @Nullable String representative,
		@Nullable LocalDate metOn, @Nullable LocalDate signedOn, boolean governance, @Nullable String notes, @Nullable String documentName) {

	public enum Status {
		A_RENCONTRER, RENCONTRE, A_SIGNER, SIGNE, REFUSE
	}
}
