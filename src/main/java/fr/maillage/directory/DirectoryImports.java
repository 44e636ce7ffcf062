package fr.maillage.directory;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.CptsService;
import fr.maillage.cpts.Territory;
import fr.maillage.directory.internal.AnnuaireImporter;
import fr.maillage.directory.internal.ImportFiles;
import fr.maillage.directory.internal.ImportLease;
import fr.maillage.directory.internal.ImportLedger;
import fr.maillage.directory.internal.RppsImporter;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * RPPS imports: the upload is streamed to a file of the data folder ({@link ImportFiles}), the import runs in the background
 * and its progress and report are read by id. A coordinator imports for their CPTS (only the
 * professionals practising in its communes, and only those activities can be inactivated); an
 * administrator may import for the whole installation.
 */
@Service
public class DirectoryImports implements DisposableBean {

	/** The published national zip is a few hundred megabytes. */
	public static final long MAX_BYTES = 1024L * 1024 * 1024;

	private final CptsAccess access;
	private final CptsService cpts;
	private final ImportLedger ledger;
	private final RppsImporter importer;
	private final AuditLog audit;
	private final Messages messages;
	private final org.springframework.transaction.support.TransactionTemplate transactions;
	private final ImportLease leases;
	private final ImportFiles files;
	private final AnnuaireImporter annuaire;
	private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("import-rpps-", 0).factory());

	DirectoryImports(CptsAccess access, CptsService cpts, ImportLedger ledger, RppsImporter importer, AuditLog audit, Messages messages,
			org.springframework.transaction.support.TransactionTemplate transactions, ImportLease leases, ImportFiles files,
			AnnuaireImporter annuaire) {
		this.annuaire = annuaire;
		this.transactions = transactions;
		this.leases = leases;
		this.files = files;
		this.access = access;
		this.cpts = cpts;
		this.ledger = ledger;
		this.importer = importer;
		this.audit = audit;
		this.messages = messages;
	}

	/** Thrown when the upload exceeds {@link #MAX_BYTES}; nothing is kept. */
	public static class TooLargeException extends RuntimeException {
		public TooLargeException() {
			super("too large", null, false, false);
		}
	}

	/** Starts an import for a CPTS (its coordinators) or, with a null CPTS, for the whole installation (administrators). */
	public UUID startRpps(@Nullable UUID cptsId, String fileName, InputStream content) throws IOException {
		CurrentUser user = cptsId == null ? access.requireAdmin() : access.requireCoordinator(cptsId);
		Set<String> scope = scopeOf(cptsId);
		UUID id = UUID.randomUUID();
		// the lease first: while it is held, no node takes the file or the import for abandoned
		ImportLease.Held lease = leases.take(id);
		Path file;
		long size;
		try {
			file = files.fileFor(id);
			try (InputStream in = content) {
				size = copyAtMost(in, file, MAX_BYTES);
			}
			catch (TooLargeException | IOException ex) {
				Files.deleteIfExists(file);
				throw ex;
			}
			ledger.create(id, cptsId, "RPPS", fileName, size, user.id());
			auditStart(id, cptsId, fileName, size);
			if (scope != null && scope.isEmpty()) {
				ledger.refuse(id, "REFUSED", "directory.import.noTerritory", List.of());
				Files.deleteIfExists(file);
				lease.close();
				return id;
			}
		}
		catch (RuntimeException | IOException ex) {
			lease.close();
			throw ex;
		}
		Set<String> finalScope = scope;
		Path upload = file;
		executor.submit(() -> {
			try (lease) {
				try {
					importer.run(id, upload, finalScope);
				}
				finally {
					Files.deleteIfExists(upload);
				}
			}
			catch (IOException ignored) {
				// removed by the next sweep of abandoned files
			}
		});
		return id;
	}

	private @Nullable Set<String> scopeOf(@Nullable UUID cptsId) {
		if (cptsId == null) {
			return null;
		}
		Territory territory = cpts.territory(cptsId);
		Set<String> codes = new HashSet<>();
		territory.communes().forEach(c -> codes.add(c.inseeCode()));
		return codes;
	}

	/** Whether this installation has a key to the Annuaire Santé API. */
	public boolean annuaireAvailable() {
		return annuaire.configured();
	}

	/**
	 * Starts an import from the Annuaire Santé FHIR API for a CPTS (its coordinators: the activities
	 * of its communes) or, with a null CPTS, for the whole installation (administrators).
	 */
	public UUID startAnnuaire(@Nullable UUID cptsId) {
		CurrentUser user = cptsId == null ? access.requireAdmin() : access.requireCoordinator(cptsId);
		if (!annuaire.configured()) {
			throw fr.maillage.platform.Problems.rejected("source", "directory.import.annuaire.notConfigured");
		}
		Set<String> scope = scopeOf(cptsId);
		UUID id = UUID.randomUUID();
		ImportLease.Held lease = leases.take(id);
		try {
			String name = messages.get("directory.import.annuaire.name");
			try {
				ledger.create(id, cptsId, AnnuaireImporter.KIND, name, 0, user.id());
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				throw fr.maillage.platform.Problems.rejected("source", "directory.import.annuaire.running");
			}
			auditStart(id, cptsId, name, 0);
			if (scope != null && scope.isEmpty()) {
				ledger.refuse(id, "REFUSED", "directory.import.noTerritory", List.of());
				lease.close();
				return id;
			}
			annuaire.start(id, lease, scope);
			return id;
		}
		catch (RuntimeException ex) {
			lease.close();
			throw ex;
		}
	}

	private void auditStart(UUID id, @Nullable UUID cptsId, String fileName, long size) {
		transactions.executeWithoutResult(tx -> audit.change("directory.import.started", "directory_import", id.toString(), cptsId,
				fileName + " (" + size + " octets)"));
	}

	private static long copyAtMost(InputStream in, Path file, long max) throws IOException {
		long total = 0;
		byte[] buffer = new byte[1 << 16];
		try (var out = Files.newOutputStream(file)) {
			for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
				total += n;
				if (total > max) {
					throw new TooLargeException();
				}
				out.write(buffer, 0, n);
			}
		}
		return total;
	}

	/** The import's progress and report, for whoever could start it. */
	public ImportStatus status(UUID id) {
		ImportLedger.Row row = ledger.find(id).orElseThrow(NotFoundException::new);
		if (row.cptsId() == null) {
			access.requireAdmin();
		}
		else {
			access.requireCoordinator(row.cptsId());
		}
		int percent = row.status().equals("DONE") ? 100 : row.linesTotal() <= 0 ? 0 : (int) Math.min(99, row.linesRead() * 100 / row.linesTotal());
		List<ImportStatus.Remark> remarks = ledger.rejections(id, 200).stream()
			.map(r -> new ImportStatus.Remark(r.line(), r.reason(), messages.get(r.reason(), r.args().toArray()), r.excerpt())).toList();
		ImportLedger.Counts c = row.counts();
		return new ImportStatus(row.id(), row.cptsId(), row.fileName(), row.status(), percent, row.linesRead(), c.created(), c.updated(),
				c.unchanged(), c.inactivated(), c.outOfScope(), c.rejected(), row.encoding(),
				row.problem() == null ? null : messages.get(row.problem(), row.problemArgs().toArray()), remarks, row.startedAt(), row.finishedAt());
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
