/**
 * The directory of the installation: professionals (RPPS, ADELI or none), their activities and
 * practice sites, structures, partnerships, and the RPPS extraction import.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference", "cpts"})
@NullMarked
package fr.maillage.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
