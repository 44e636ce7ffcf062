/**
 * Secure messaging: direct and group conversations, and conversations whose participants another
 * module supplies (a care circle, a governance body) through {@link fr.maillage.messaging.ParticipantSource};
 * messages, attachments checked from their content, read receipts, unread counts, search in one's
 * own conversations, urgent requests for advice. Live display and notifications go through the
 * notifications module.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "notifications", "missions"})
@NullMarked
package fr.maillage.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
