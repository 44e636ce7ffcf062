/**
 * The CPTS itself: identity (name, legal form, SIRET, contact, slug), its territory (communes
 * with zone flags, population, size class), its visual identity (CptsIdentity: colour and logo,
 * on the public page and as the letterhead of its documents), its public page, and the signed-in person's main
 * menu (web/Navigation: the entries of every module, for the CPTS they work in).
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference"})
@NullMarked
package fr.maillage.cpts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
