/**
 * Access to a médecin traitant: the registry of requests from inhabitants without one, the
 * capacity general practitioners declare, the optimal orientation (a minimum-cost flow that serves
 * the protocol's priorities first, then minimises travel), the follow-up of proposals until the
 * médecin traitant is declared, and the indicators of the mission.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference", "cpts", "directory", "notifications", "patients", "missions"})
@NullMarked
package fr.maillage.gpaccess;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
