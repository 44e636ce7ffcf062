/**
 * Health crisis, a socle mission of the CPTS: the crisis plan (its cell, the skills members declare,
 * local resources, reflex sheets per kind of crisis, communication, fragile patients, trainings and
 * exercises), versioned and exported; a crisis (or an exercise) activated, its cell convened, alerts
 * asking targeted professionals for their availability with a live board, and the crisis log.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference", "cpts", "directory", "notifications", "messaging",
		"missions", "pathways"})
@NullMarked
package fr.maillage.crisis;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
