/**
 * Care pathways: versioned templates of scheduled steps (with the shipped examples), enrolments of
 * patients with their consent, care circles, the schedule engine, tasks due, ruptures found by a
 * daily job, and the population indicators. A patient is seen only through their care circle or by
 * the CPTS's coordinators, every read audited.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference", "cpts", "directory", "notifications", "patients",
		"messaging", "missions"})
@NullMarked
package fr.maillage.pathways;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
