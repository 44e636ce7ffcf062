/**
 * The association (loi 1901) that runs the CPTS: colleges and members (registered by a
 * coordinator, or applying from the public page), yearly fees and their payments with receipts,
 * reminders and statements, governance bodies with their positions and mandates (board access
 * derives from a current mandate in the bureau or the council), meetings from convocation to
 * published minutes (replies, proxies, attendance, quorum, resolutions and ballots), and the
 * compensation of professionals for the time they give.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "accounts", "reference", "cpts", "directory", "notifications",
		"messaging", "missions"})
@NullMarked
package fr.maillage.association;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
