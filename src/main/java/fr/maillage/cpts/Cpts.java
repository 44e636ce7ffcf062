package fr.maillage.cpts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A CPTS as shown and returned by the API; {@code finess}: its FINESS number, once its coordinators give it (the SAS needs it). */
public record Cpts(UUID id, String name, LegalForm legalForm, String siret, String address, String email, String phone,
		String slug, Instant createdAt, @Nullable String finess) {
}
