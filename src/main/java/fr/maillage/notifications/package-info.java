/**
 * Notifications: what a user sees in the application and receives by e-mail (or SMS), their
 * choices per kind, the durable outbox every delivery goes through (ordinary SMTP, MSSanté — the
 * only way a notice about a patient leaves with its content — and SMS), and live updates pushed
 * to browsers (server-sent events, across nodes through PostgreSQL LISTEN/NOTIFY).
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts"})
@NullMarked
package fr.maillage.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
