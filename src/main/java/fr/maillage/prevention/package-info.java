/**
 * Prevention, a socle mission of the CPTS: events with registration (for its members, for
 * professionals, for the public) with capacity, waiting list, e-mails with an invitation,
 * attendance and the sign-in sheet, and the public agenda; campaigns from the national calendar with
 * their actions and results; prevention consultations at key ages and their public finder. Its
 * counts feed the contract's prevention indicators. Therapeutic education programmes: their ARS
 * authorisation, team, participants (enrolled through the patients module and followed on a
 * circle-only care pathway, seen by the team alone), group sessions with attendance, yearly counts.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference", "cpts", "directory", "notifications", "missions", "patients", "pathways", "association"})
@NullMarked
package fr.maillage.prevention;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
