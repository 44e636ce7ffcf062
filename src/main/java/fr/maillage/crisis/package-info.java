/**
 * Health crisis, a socle mission of the CPTS: the crisis plan (its cell, the skills members declare,
 * local resources, reflex sheets per kind of crisis, communication, fragile patients, trainings and
 * exercises), versioned and exported; a crisis (or an exercise) activated, its cell convened, alerts
 * asking targeted professionals for their availability with a live board (answers through a
 * bulkhead), volunteer sites and shifts with their printed planning, the crisis log with its
 * attachments, and the organisation for fragile patients fed by the pathways in counts (the circles
 * are asked through an event the pathways module handles, never a patient's name here).
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference", "cpts", "directory", "notifications", "messaging",
		"missions", "pathways"})
@NullMarked
package fr.maillage.crisis;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
