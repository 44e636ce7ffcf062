package fr.maillage.missions;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.missions.internal.BudgetStore;
import fr.maillage.platform.Messages;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the accountant's FEC into a year's budget: the file is checked whole first (separator,
 * dates, amounts, balanced entries, accounts of classes 6 and 7 all mapped to a mission), then
 * applied all or nothing, replacing the year's previous import; the same file again changes nothing.
 * The year is that of the file's last entry (the closing of the accounting year).
 */
@Service
public class FecImports {

	/** A line of the report, in French. */
	public record ReportLine(int line, String message) {
	}

	/** What the import found and did; {@code totals} per mission code then category, in cents. */
	public record Report(boolean applied, boolean unchanged, boolean dryRun, int lines, @Nullable Integer year, List<ReportLine> problems,
			Map<String, Map<BudgetCategory, Long>> totals) {
	}

	private final BudgetStore store;
	private final SteeringAccess steering;
	private final Messages messages;
	private final AuditLog audit;

	FecImports(BudgetStore store, SteeringAccess steering, Messages messages, AuditLog audit) {
		this.store = store;
		this.steering = steering;
		this.messages = messages;
		this.audit = audit;
	}

	@Transactional
	public Report load(UUID cptsId, byte[] content, @Nullable String fileName, boolean dryRun) {
		CurrentUser user = steering.require(cptsId);
		FecFile.Read read = FecFile.read(content);
		List<FecFile.Problem> problems = new ArrayList<>(read.problems());
		Integer year = read.lines().stream().map(l -> l.date().getYear()).max(Comparator.naturalOrder()).orElse(null);
		if (year != null && store.closed(cptsId, year)) {
			problems.add(new FecFile.Problem(0, "missions.budget.closed", List.of(year)));
		}
		List<FecMapping> mappings = store.mappings(cptsId);
		Map<String, Map<BudgetCategory, Long>> totals = new TreeMap<>();
		StringBuilder csv = new StringBuilder(read.lines().size() * 80);
		UUID importId = UUID.randomUUID();
		int kept = 0;
		for (FecFile.Line l : read.lines()) {
			char accountClass = l.account().charAt(0);
			if (accountClass != '6' && accountClass != '7') {
				continue;
			}
			FecMapping m = mapping(mappings, l);
			if (m == null) {
				problems.add(new FecFile.Problem(l.lineNo(), "missions.fec.unknownAccount", List.of(l.account(), l.accountLabel())));
				continue;
			}
			long net = m.category().income() ? l.creditCents() - l.debitCents() : l.debitCents() - l.creditCents();
			totals.computeIfAbsent(m.mission(), k -> new TreeMap<>()).merge(m.category(), net, Long::sum);
			csv.append(importId).append(',').append(l.lineNo()).append(',').append(l.date()).append(',').append(quote(l.journal())).append(',')
				.append(quote(l.entryNumber())).append(',').append(quote(l.account())).append(',').append(quote(l.label())).append(',')
				.append(l.debitCents()).append(',').append(l.creditCents()).append(',').append(quote(m.mission())).append(',').append(m.category().name())
				.append('\n');
			kept++;
		}
		problems.sort(Comparator.comparingInt(FecFile.Problem::line));
		List<ReportLine> report = problems.stream().map(p -> new ReportLine(p.line(), messages.get(p.key(), p.args().toArray()))).toList();
		int lines = read.lines().size();
		if (!report.isEmpty() || year == null) {
			return new Report(false, false, dryRun, lines, year, report, totals);
		}
		String sha = sha256(content);
		boolean same = store.fecImport(cptsId, year).map(f -> f.sha256().equals(sha)).orElse(false);
		if (dryRun || same) {
			return new Report(false, same, dryRun, lines, year, report, totals);
		}
		store.replaceImport(cptsId, new BudgetStore.FecImportRow(importId, year, sha, fileName, read.lines().size(), java.time.Instant.now()),
				user.id(), csv.toString());
		audit.change("missions.fec.imported", "fec_import", importId.toString(), cptsId,
				year + " : " + read.lines().size() + " lignes dont " + kept + " de charges et produits" + (fileName == null ? "" : ", " + fileName)
						+ " par " + user.email());
		return new Report(true, false, false, lines, year, report, totals);
	}

	/** The analytic code's mapping first, else the longest account prefix mapped. */
	static @Nullable FecMapping mapping(List<FecMapping> mappings, FecFile.Line l) {
		FecMapping best = null;
		for (FecMapping m : mappings) {
			if (m.kind() == FecMapping.Kind.ANALYTIC && l.analytic() != null && m.code().equalsIgnoreCase(l.analytic())) {
				return m;
			}
			if (m.kind() == FecMapping.Kind.ACCOUNT && l.account().toUpperCase(java.util.Locale.ROOT).startsWith(m.code())
					&& (best == null || m.code().length() > best.code().length())) {
				best = m;
			}
		}
		return best;
	}

	private static String quote(String s) {
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
