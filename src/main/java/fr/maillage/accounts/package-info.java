/**
 * Users, roles (administrator; per CPTS: coordinator, member, partner), login with throttling
 * and optional TOTP, API tokens, invitations and password resets by e-mail, the table that
 * says who may call every route, and each person's calendar feed and agenda page (what modules
 * contribute as CalendarEntries: duties, booked slots, meetings).
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit"})
@NullMarked
package fr.maillage.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
