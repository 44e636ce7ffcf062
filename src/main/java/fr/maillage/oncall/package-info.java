/**
 * On-call duty (gardes): rosters of pharmacies, nurses, doctors, dentists and physiotherapists by
 * sector, their shifts by month, swaps with both consents, gaps announced before they happen, the
 * public "qui est de garde ?" finder, the printable monthly planning and the duties in each
 * person's calendar feed.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference", "cpts", "directory", "notifications",
		"unscheduledcare", "missions"})
@NullMarked
package fr.maillage.oncall;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
