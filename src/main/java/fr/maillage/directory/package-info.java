/**
 * The directory of the installation: professionals (RPPS, ADELI or none), their activities and
 * practice sites, structures, partnerships, the imports (the RPPS extraction file, the Annuaire
 * Santé FHIR API, resumed after a crash), and who acts for whom
 * (user accounts linked to the professional they are and the structures they act for:
 * {@link fr.maillage.directory.AccountLinks}).
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference", "cpts", "notifications"})
@NullMarked
package fr.maillage.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
