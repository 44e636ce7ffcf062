package fr.maillage.missions;

import java.util.UUID;

/** The association's side of the projet de santé, as the module that runs it tells (implemented there). */
public interface AssociationFacts {

	AssociationSummary summary(UUID cptsId, int year);
}
