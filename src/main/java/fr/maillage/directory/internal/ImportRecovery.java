package fr.maillage.directory.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.maillage.audit.AuditLog;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports interrupted by a crash: an import from the Annuaire Santé API is taken over where it
 * stopped; any other still QUEUED or RUNNING whose lease nobody holds is marked FAILED with the reason and its author is told (at start, then every two minutes, on any
 * node); the uploaded files of imports that no longer run are removed from this node's folder.
 */
@Configuration
public class ImportRecovery {

	public static final String KIND = "directory.import";
	private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Notifications notifications;
	private final AuditLog audit;
	private final Messages messages;
	private final ImportFiles files;
	private final AnnuaireImporter annuaire;

	ImportRecovery(JdbcClient jdbc, TransactionTemplate transactions, Notifications notifications, AuditLog audit, Messages messages,
			ImportFiles files, AnnuaireImporter annuaire) {
		this.annuaire = annuaire;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.notifications = notifications;
		this.audit = audit;
		this.messages = messages;
		this.files = files;
	}

	@Bean
	RecurringTask<Void> importRecoveryTask() {
		return Tasks.recurring("directory-import-recovery", Schedules.fixedDelay(Duration.ofMinutes(2)))
			.execute((instance, context) -> {
				recover();
				removeLeftovers();
			});
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		recover();
		removeLeftovers();
	}

	/**
	 * Marks the interrupted imports failed, except those from the Annuaire Santé API, which this node
	 * takes over where they stopped (when it has the API key); answers how many failed.
	 */
	public int recover() {
		List<UUID> open = new java.util.ArrayList<>(jdbc.sql("select id from directory_import where status in ('QUEUED', 'RUNNING') and kind <> :k")
			.param("k", AnnuaireImporter.KIND).query(UUID.class).list());
		jdbc.sql("select id from directory_import where status = 'RUNNING' and kind = :k").param("k", AnnuaireImporter.KIND).query(UUID.class)
			.list().forEach(id -> {
				if (!annuaire.resumeIfOrphan(id)) {
					open.add(id); // run elsewhere (the lease says so), or no key here: failed if nobody holds it
				}
			});
		int failed = 0;
		for (UUID id : open) {
			Boolean done = transactions.execute(tx -> failIfOrphan(id));
			if (Boolean.TRUE.equals(done)) {
				failed++;
			}
		}
		return failed;
	}

	private boolean failIfOrphan(UUID id) {
		// the transaction-scoped lock is free only when no process holds the import's lease
		boolean free = jdbc.sql("select pg_try_advisory_xact_lock(:c, hashtext(:id))").param("c", ImportLease.LOCK_CLASS)
			.param("id", id.toString()).query(Boolean.class).single();
		if (!free) {
			return false;
		}
		record Open(@Nullable UUID cptsId, @Nullable UUID createdBy, String fileName) {
		}
		List<Open> row = jdbc.sql("""
				update directory_import set status = 'FAILED', problem = 'directory.import.interrupted', problem_args = '{}', finished_at = now()
				where id = :id and status in ('QUEUED', 'RUNNING') returning cpts_id, created_by, file_name""").param("id", id)
			.query((rs, i) -> new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3))).list();
		if (row.isEmpty()) {
			return false;
		}
		Open o = row.getFirst();
		log.warn("Import RPPS {} interrompu par un arrêt brutal : marqué en échec", id);
		audit.change("directory.import.interrupted", "directory_import", id.toString(), o.cptsId(), o.fileName());
		if (o.createdBy() != null) {
			notifications.send(List.of(Notice.of(o.createdBy(), o.cptsId(), KIND, messages.get("directory.import.notice.title"),
					messages.get("directory.import.notice.interrupted", o.fileName()), "/annuaire/imports/" + id)));
		}
		return true;
	}

	/** Uploaded files left in this node's folder by imports that no longer run (nobody holds their lease). */
	void removeLeftovers() {
		for (Path file : files.list()) {
			UUID id = ImportFiles.idOf(file);
			boolean running = id != null && Boolean.TRUE.equals(transactions.execute(tx -> !jdbc
				.sql("select pg_try_advisory_xact_lock(:c, hashtext(:id))").param("c", ImportLease.LOCK_CLASS).param("id", id.toString())
				.query(Boolean.class).single()));
			if (!running) {
				try {
					Files.deleteIfExists(file);
					log.info("Fichier d'import abandonné supprimé : {}", file);
				}
				catch (IOException ex) {
					log.warn("Fichier d'import abandonné impossible à supprimer : {}", file, ex);
				}
			}
		}
	}
}
