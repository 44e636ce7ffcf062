package fr.maillage.missions;

import org.jspecify.annotations.Nullable;

/** A proof as it was sent (a CPAM figure, a sign-in sheet): its name and content. */
public record ProofFile(@Nullable String name, byte[] content) {
}
