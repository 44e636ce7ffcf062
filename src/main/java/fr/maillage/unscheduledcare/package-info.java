/**
 * Unscheduled care: slots that professionals and structures publish (single, or recurring rules
 * materialised over a rolling horizon, public holidays and absences removed), the search of the
 * earliest slots near a commune, bookings for a patient (one per slot, enforced by the database),
 * cancellations and outcomes, and the indicators the ACI review counts (with the on-call coverage
 * another module reports through {@link fr.maillage.unscheduledcare.OnCallCoverage}).
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference", "cpts", "directory", "notifications", "missions"})
@NullMarked
package fr.maillage.unscheduledcare;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
