package fr.maillage.missions.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.maillage.missions.Contract;
import fr.maillage.missions.Indicator;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.Measure;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every night, each month of a contract that ended and has no snapshot yet gets one, for every
 * computed indicator of the CPTS's catalogue: the history stays what it was when the month closed,
 * whatever the data becomes. A month is measured once for all modules, then written in one
 * transaction per CPTS (cluster-safe through db-scheduler).
 */
@Configuration
public class IndicatorSnapshots {

	private static final Logger log = LoggerFactory.getLogger(IndicatorSnapshots.class);

	private final IndicatorStore store;
	private final IndicatorSources sources;
	private final TransactionTemplate tx;

	IndicatorSnapshots(IndicatorStore store, IndicatorSources sources, TransactionTemplate tx) {
		this.store = store;
		this.sources = sources;
		this.tx = tx;
	}

	@Bean
	RecurringTask<Void> indicatorSnapshotTask() {
		return Tasks.recurring("missions-indicator-snapshots", Schedules.daily(LocalTime.of(3, 17))).execute((instance, context) -> {
			int written = snapshotAll(LocalDate.now(IndicatorSource.PARIS));
			log.info("Contrat : {} valeurs mensuelles d'indicateurs enregistrées", written);
		});
	}

	/** Snapshots every ended month of every contract up to {@code today}; the number of values written. */
	public int snapshotAll(LocalDate today) {
		int written = 0;
		for (Map.Entry<UUID, LocalDate> e : store.contracted().entrySet()) {
			written += snapshot(e.getKey(), e.getValue(), today);
		}
		return written;
	}

	/** The ended months of one CPTS's contract (signed on {@code signedOn}) that lack a snapshot. */
	public int snapshot(UUID cptsId, LocalDate signedOn, LocalDate today) {
		Integer n = tx.execute(status -> {
			List<Indicator> computed = store.catalogue(cptsId).stream().filter(Indicator::computed).toList();
			if (computed.isEmpty()) {
				return 0;
			}
			Map<UUID, Set<LocalDate>> done = store.snapshotted(cptsId, signedOn);
			int count = 0;
			for (int year = 1; year <= Contract.YEARS; year++) {
				for (Contract.Month month : Contract.months(signedOn, year)) {
					if (month.end().isAfter(today)) {
						return count;
					}
					List<Indicator> missing = computed.stream().filter(i -> !done.getOrDefault(i.id(), Set.of()).contains(month.start())).toList();
					if (missing.isEmpty()) {
						continue;
					}
					Map<String, Measure> measured = sources.measure(cptsId, month.start(), month.end());
					for (Indicator i : missing) {
						Measure m = measured.get(i.sourceCode());
						if (m != null && store.snapshot(i.id(), month.start(), month.end(), m)) {
							count++;
						}
					}
				}
			}
			return count;
		});
		return n == null ? 0 : n;
	}
}
