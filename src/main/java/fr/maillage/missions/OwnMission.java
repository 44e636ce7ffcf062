package fr.maillage.missions;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A mission the CPTS runs beyond the ACI contract (a call for projects, an experiment), with what funds it. */
public record OwnMission(UUID id, UUID cptsId, String title, @Nullable String description, @Nullable String funding) {
}
