/**
 * The CPTS itself: identity (name, legal form, SIRET, contact, slug), its territory (communes
 * with zone flags, population, size class) and its public page.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference"})
@NullMarked
package fr.maillage.cpts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
