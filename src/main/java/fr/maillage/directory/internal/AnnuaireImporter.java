package fr.maillage.directory.internal;

import fr.maillage.platform.CrashPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A directory import from the Annuaire Santé FHIR API, in two stages. The download follows the
 * bundles' {@code next} links; each page's activities (those of the scope), its rejected situations
 * and the address of the next page are committed together, so a run killed in the middle resumes
 * at the page where it stopped, on any node ({@link ImportRecovery}). Then the staged activities
 * are applied in one transaction, as an extraction file is: all or nothing.
 */
@Component
public class AnnuaireImporter implements DisposableBean {

	public static final String KIND = "ANNUAIRE";
	private static final Logger log = LoggerFactory.getLogger(AnnuaireImporter.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ImportLedger ledger;
	private final ImportLease leases;
	private final ActivityWriter writer;
	private final AnnuaireClient client;
	private final JsonMapper json = JsonMapper.builder().build();
	private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("import-annuaire-", 0).factory());

	AnnuaireImporter(JdbcClient jdbc, TransactionTemplate transactions, ImportLedger ledger, ImportLease leases, ActivityWriter writer,
			AnnuaireClient client) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.ledger = ledger;
		this.leases = leases;
		this.writer = writer;
		this.client = client;
	}

	public boolean configured() {
		return client.configured();
	}

	/** Starts the recorded import {@code id} in the background; the lease, taken by the caller, is released when it ends. */
	public void start(UUID id, ImportLease.Held lease, @Nullable Set<String> scope) {
		jdbc.sql("update directory_import set cursor = :c, status = 'RUNNING', encoding = 'FHIR R4, JSON', scope = :s where id = :id")
			.param("c", client.firstPage()).param("s", scope == null ? null : scope.toArray(String[]::new)).param("id", id).update();
		executor.submit(() -> {
			try (lease) {
				run(id);
			}
		});
	}

	/** Takes over an interrupted import nobody runs any more; false when someone does, or when this node has no API key. */
	boolean resumeIfOrphan(UUID id) {
		if (!client.configured()) {
			return false;
		}
		Optional<ImportLease.Held> lease = leases.tryTake(id);
		if (lease.isEmpty()) {
			return false;
		}
		log.warn("Import de l'Annuaire Santé {} interrompu : repris là où il s'était arrêté", id);
		executor.submit(() -> {
			try (ImportLease.Held held = lease.get()) {
				run(id);
			}
		});
		return true;
	}

	private record State(@Nullable Set<String> scope, @Nullable String cursor, int pages, long linesRead, long outOfScope, int rejected, String status) {
	}

	private State state(UUID id) {
		return jdbc.sql("select scope, cursor, pages, lines_read, out_of_scope, rejected, status from directory_import where id = :id")
			.param("id", id).query((rs, i) -> new State(rs.getArray(1) == null ? null : Set.of((String[]) rs.getArray(1).getArray()), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
					rs.getInt(6), rs.getString(7)))
			.single();
	}

	void run(UUID id) {
		try {
			State s = state(id);
			Set<String> scope = s.scope();
			while (s.status().equals("RUNNING") && s.cursor() != null) {
				AnnuairePage page;
				try {
					page = AnnuairePage.read(client.get(s.cursor()), s.linesRead());
				}
				catch (AnnuaireClient.Failure f) {
					if (f.gone && s.pages() > 0) {
						log.warn("Import de l'Annuaire Santé {} : l'adresse de la page {} a expiré, téléchargement recommencé", id, s.pages() + 1);
						restart(id);
						s = state(id);
						continue;
					}
					fail(id, "FAILED", f.problem, f.args);
					return;
				}
				stage(id, page, scope);
				CrashPoint.reached("annuaire.import.page." + (s.pages() + 1));
				s = state(id);
			}
			if (s.status().equals("RUNNING")) {
				apply(id, s, scope);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ActivityWriter.Refusal ex) {
			fail(id, "REFUSED", ex.problem, ex.args);
		}
		catch (RuntimeException ex) {
			log.error("Import de l'Annuaire Santé {} en échec", id, ex);
			fail(id, "FAILED", "directory.import.failed", List.of());
		}
	}

	/** One page: its activities of the scope, its rejections and the next address, committed together. */
	private void stage(UUID id, AnnuairePage page, @Nullable Set<String> scope) {
		transactions.executeWithoutResult(tx -> {
			long outOfScope = 0;
			for (RppsRow row : page.rows()) {
				if (scope != null && !scope.contains(row.communeCode())) {
					outOfScope++;
					continue;
				}
				jdbc.sql("insert into directory_import_staged (import_id, seq, row) values (:id, :s, :r::jsonb) on conflict do nothing")
					.param("id", id).param("s", row.line()).param("r", json.writeValueAsString(row)).update();
			}
			for (ImportLedger.Rejection r : page.rejections()) {
				jdbc.sql("insert into directory_import_rejection (import_id, line_no, reason, args, excerpt) values (:id, :l, :r, :a, :e) on conflict do nothing")
					.param("id", id).param("l", r.line()).param("r", r.reason()).param("a", r.args().toArray(String[]::new)).param("e", r.excerpt())
					.update();
			}
			jdbc.sql("""
					update directory_import set cursor = :next, pages = pages + 1, lines_read = lines_read + :n,
					  lines_total = greatest(coalesce(:total, 0), lines_read + :n), out_of_scope = out_of_scope + :o, rejected = rejected + :r where id = :id""")
				.param("next", page.next()).param("n", (long) page.situations()).param("total", page.total()).param("o", outOfScope)
				.param("r", page.rejections().size()).param("id", id).update();
		});
	}

	/** The staged activities applied in one transaction, the report with them; a refusal rolls it all back. */
	private void apply(UUID id, State s, @Nullable Set<String> scope) {
		transactions.executeWithoutResult(tx -> {
			writer.begin();
			ActivityWriter.Tally tally = new ActivityWriter.Tally();
			tally.outOfScope = s.outOfScope();
			tally.rejected = s.rejected();
			long after = -1;
			while (true) {
				List<Long> seqs = new ArrayList<>();
				List<RppsRow> batch = new ArrayList<>();
				jdbc.sql("select seq, row::text from directory_import_staged where import_id = :id and seq > :a order by seq limit :n").param("id", id)
					.param("a", after).param("n", RppsImporter.BATCH).query((rs, i) -> {
						seqs.add(rs.getLong(1));
						return batch.add(json.readValue(rs.getString(2), RppsRow.class));
					}).list();
				if (batch.isEmpty()) {
					break;
				}
				writer.write(batch, tally);
				after = seqs.getLast();
			}
			writer.refuseIfUnsafe(tally, s.linesRead(), scope != null);
			tally.inactivated = writer.inactivate(scope);
			ledger.finish(id, s.linesRead(), new ImportLedger.Counts(tally.created, tally.updated, tally.unchanged, tally.inactivated,
					tally.outOfScope, tally.rejected), List.of());
			jdbc.sql("delete from directory_import_staged where import_id = :id").param("id", id).update();
		});
	}

	/** The next address expired (the API keeps its pages a while): everything read is dropped and the download starts over. */
	private void restart(UUID id) {
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("delete from directory_import_staged where import_id = :id").param("id", id).update();
			jdbc.sql("delete from directory_import_rejection where import_id = :id").param("id", id).update();
			jdbc.sql("""
					update directory_import set cursor = :c, pages = 0, lines_read = 0, lines_total = 0, out_of_scope = 0, rejected = 0
					where id = :id""").param("c", client.firstPage()).param("id", id).update();
		});
	}

	private void fail(UUID id, String status, String problem, List<String> args) {
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("delete from directory_import_staged where import_id = :id").param("id", id).update();
			jdbc.sql("update directory_import set cursor = null where id = :id").param("id", id).update();
		});
		ledger.refuse(id, status, problem, args);
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
