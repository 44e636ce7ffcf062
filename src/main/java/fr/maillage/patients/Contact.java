package fr.maillage.patients;

import org.jspecify.annotations.Nullable;

/** How to reach a patient and where they live (the commune is required: it drives orientation). */
public record Contact(@Nullable String email, @Nullable String phone, @Nullable String address, @Nullable String communeCode) {
}
