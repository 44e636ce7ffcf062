package fr.maillage.crisis.internal;

import fr.maillage.notifications.LiveUpdates;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Tells the cell's browsers that a crisis's board changed, at most every half second per crisis: a
 * storm of answers (thousands a second) becomes two computations a second of each open board (kept
 * in {@link BoardCache}) and two refreshes of each open page, the last answer always shown (the
 * pulse fires after it).
 */
@Component
public class BoardPulse implements DisposableBean {

	static final long PERIOD_MS = 500;

	private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
	private final CrisisStore crises;
	private final Cells cells;
	private final LiveUpdates live;
	private final AlertStore alerts;
	private final BoardCache boards;

	BoardPulse(CrisisStore crises, Cells cells, LiveUpdates live, AlertStore alerts, BoardCache boards) {
		this.crises = crises;
		this.cells = cells;
		this.live = live;
		this.alerts = alerts;
		this.boards = boards;
	}

	/** The board of this crisis changed (call after the change committed, or from its transaction: the pulse comes later anyway). */
	public void changed(UUID crisisId) {
		if (pending.add(crisisId)) {
			timer.schedule(() -> {
				pending.remove(crisisId);
				try {
					// the boards the cell will fetch are computed once here, not by each reader
					alerts.ofCrisis(crisisId).stream().filter(a -> a.status() == fr.maillage.crisis.CrisisAlert.Status.OPEN).forEach(a -> boards.refresh(a.id()));
					crises.find(crisisId).ifPresent(c -> live.publish(cells.of(c), "crisis-board"));
				} catch (RuntimeException ex) {
					org.slf4j.LoggerFactory.getLogger(BoardPulse.class).warn("crisis board pulse failed for {}", crisisId, ex);
				}
			}, PERIOD_MS, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}
}
