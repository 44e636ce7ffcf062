/**
 * Read-only national reference data: communes (codes, names, postcodes, population, EPCI,
 * former codes and names, coordinates, contours for the maps), EPCI, départements and régions, and the resolution of
 * lists of communes typed by people; distances between communes ({@link fr.maillage.reference.CommuneDistance})
 * and French public holidays ({@link fr.maillage.reference.PublicHolidays}).
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit"})
@NullMarked
package fr.maillage.reference;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
