package fr.maillage.gpaccess;

import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import org.jspecify.annotations.Nullable;

/**
 * A request as typed on the public form, by a professional, through the API or in an import line.
 * {@code maxKm} absent means the default (30 km); {@code consent} must be true.
 */
public record RequestForm(Identity identity, Contact contact, boolean ald, @Nullable Integer aldNumber, boolean c2s,
		@Nullable Situation situation, boolean homeVisit, @Nullable Double maxKm, @Nullable String notes, boolean consent) {

	public static final double DEFAULT_MAX_KM = 30;
}
