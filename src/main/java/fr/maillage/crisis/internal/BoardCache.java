package fr.maillage.crisis.internal;

import fr.maillage.crisis.CrisisAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * An alert's board as last computed: the counts and the first names of each answer. The pulse
 * recomputes it after answers (twice a second at most), so the cell's reads during a storm of
 * answers are served without aggregating every recipient; a board older than {@link #FRESH} (an
 * answer taken by another node, no pulse here) is computed again on read.
 */
@Component
public class BoardCache {

	static final Duration FRESH = Duration.ofSeconds(2);
	/** How stale a board may be served while answers keep coming (the pulse's period). */
	static final Duration LIVE = Duration.ofMillis(500);

	/** What the board shows of an alert, at a moment. */
	public record Snapshot(AlertStore.BoardCounts counts, List<AlertStore.Answered> now, List<AlertStore.Answered> within24h,
			List<AlertStore.Answered> silent, Instant at) {
	}

	static final int NAMES = 200;

	private final Map<UUID, Snapshot> boards = new ConcurrentHashMap<>();
	private final Map<UUID, Instant> changed = new ConcurrentHashMap<>();
	private final AlertStore store;

	BoardCache(AlertStore store) {
		this.store = store;
	}

	/**
	 * The board of an alert: as kept when nothing changed since (and it is younger than
	 * {@link #FRESH}), or when it is younger than {@link #LIVE} (answers are coming: the pulse
	 * brings the next one); computed again otherwise.
	 */
	public Snapshot of(UUID alertId) {
		Snapshot s = boards.get(alertId);
		Instant now = Instant.now();
		if (s != null && s.at().isAfter(now.minus(FRESH))) {
			Instant last = changed.get(alertId);
			if (last == null || s.at().isAfter(last) || s.at().isAfter(now.minus(LIVE))) {
				return s;
			}
		}
		return refresh(alertId);
	}

	/** An answer changed the alert's board. */
	public void changed(UUID alertId) {
		changed.put(alertId, Instant.now());
	}

	/** Computes the board now and keeps it. */
	public Snapshot refresh(UUID alertId) {
		Instant at = Instant.now();
		Snapshot s = new Snapshot(store.boardCounts(alertId), store.people(alertId, CrisisAlert.Answer.NOW, NAMES),
				store.people(alertId, CrisisAlert.Answer.WITHIN_24H, NAMES), store.people(alertId, null, NAMES), at);
		boards.merge(alertId, s, (old, fresh) -> fresh.at().isAfter(old.at()) ? fresh : old);
		return s;
	}

	/** Forgets a board (its alert closed: the next read shows the final state). */
	public void forget(UUID alertId) {
		boards.remove(alertId);
		changed.remove(alertId);
	}
}
