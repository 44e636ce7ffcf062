package fr.maillage.cpts;

import java.time.Instant;
import java.util.UUID;

/** A CPTS as shown and returned by the API. */
public record Cpts(UUID id, String name, LegalForm legalForm, String siret, String address, String email, String phone,
		String slug, Instant createdAt) {
}
