package fr.maillage.patients;

import org.jspecify.annotations.Nullable;

/** How to reach a patient and where they live (the commune is required: it drives orientation). */
public record Contact(@Nullable String email, @Nullable String phone, @Nullable String address, @Nullable String communeCode) {

	/** The contact as a form posts it (email, phone, address), with the commune already resolved from what was typed. */
	public static Contact fromForm(java.util.Map<String, String> p, @Nullable String communeCode) {
		return new Contact(p.get("email"), p.get("phone"), p.get("address"), communeCode);
	}
}
