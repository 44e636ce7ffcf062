package fr.maillage.crisis;

import java.util.UUID;

/** What the crisis module announces, in the transaction that did it; listeners deliver after commit, replayed after a crash. */
public final class CrisisEvents {

	private CrisisEvents() {
	}

	/** A crisis (or an exercise) was activated: its cell is convened. */
	public record CrisisActivated(UUID crisisId) {
	}

	/** An alert was written with its recipients: each is to be notified once. */
	public record AlertSent(UUID alertId) {
	}

	/** A crisis was closed. */
	public record CrisisClosed(UUID crisisId) {
	}
}
