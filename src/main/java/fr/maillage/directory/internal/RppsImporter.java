package fr.maillage.directory.internal;

import fr.maillage.platform.CrashPoint;
import fr.maillage.shared.Luhn;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an RPPS extraction to the directory. File-level problems (not pipe-separated, required
 * columns missing, unreadable zip) refuse the file before anything changes. A file with no usable
 * line for the scope, or whose rejected lines pass {@code maillage.imports.max-rejected-percent}
 * of its lines, is refused whole after reading, with its report. Otherwise, in one
 * transaction: professionals and activities inside the scope (the CPTS's communes, or all) are
 * created or updated, unchanged lines are counted, and RPPS activities of the scope that the file
 * no longer holds are marked inactive. Nothing is deleted; a failure rolls everything back.
 */
@Component
public class RppsImporter {

	private static final Logger log = LoggerFactory.getLogger(RppsImporter.class);
	static final int BATCH = 2000;
	private static final Pattern RPPS_ID = Pattern.compile("8\\d{11}");

	private final TransactionTemplate transactions;
	private final ImportLedger ledger;
	private final ActivityWriter writer;

	RppsImporter(TransactionTemplate transactions, ImportLedger ledger, ActivityWriter writer) {
		this.transactions = transactions;
		this.ledger = ledger;
		this.writer = writer;
	}

	/** Runs the import recorded as {@code id}; {@code scope} is the set of INSEE codes, or null for all. */
	public void run(UUID id, Path file, @Nullable Set<String> scope) {
		try {
			RppsFile rpps = RppsFile.open(file);
			if (rpps == null) {
				ledger.refuse(id, "REFUSED", "directory.import.noActivityFile", List.of());
				return;
			}
			String[] header;
			try (BufferedReader reader = rpps.activities()) {
				String first = reader.readLine();
				header = first == null ? new String[0] : first.split("\\|", -1);
				if (first == null || first.isBlank()) {
					ledger.refuse(id, "REFUSED", "directory.import.empty", List.of());
					return;
				}
				if (header.length < 3) {
					String found = first.contains(";") ? ";" : first.contains("\t") ? "tabulation" : first.contains(",") ? "," : "?";
					ledger.refuse(id, "REFUSED", "directory.import.separator", List.of(found));
					return;
				}
			}
			List<String> missing = new ArrayList<>();
			Map<RppsColumns, Integer> columns = RppsColumns.map(trimTrailing(header), missing);
			if (!missing.isEmpty()) {
				ledger.refuse(id, "REFUSED", "directory.import.missingColumns", List.of(String.join(", ", missing)));
				return;
			}
			Map<String, String[]> skills = columns.containsKey(RppsColumns.SKILL_CODE) ? Map.of() : readSkills(rpps);
			ledger.progress(id, "RUNNING", 0, rpps.lines, rpps.charset.name());
			transactions.executeWithoutResult(tx -> apply(id, rpps, trimTrailing(header).length, columns, skills, scope));
		}
		catch (ActivityWriter.Refusal ex) {
			ledger.refuseWithReport(id, ex.problem, ex.args, ex.tally.remarks);
		}
		catch (Exception ex) {
			log.error("Import RPPS {} en échec", id, ex);
			ledger.refuse(id, "FAILED", "directory.import.failed", List.of());
		}
	}

	/** The trailing pipe of every line makes an empty last cell: not a column. */
	private static String[] trimTrailing(String[] header) {
		int n = header.length;
		while (n > 0 && header[n - 1].isBlank()) {
			n--;
		}
		return java.util.Arrays.copyOf(header, n);
	}

	/** National id → [code, label] from the SavoirFaire entry of a recent release's zip. */
	private static Map<String, String[]> readSkills(RppsFile rpps) throws IOException {
		Map<String, String[]> skills = new HashMap<>();
		try (BufferedReader reader = rpps.skills()) {
			if (reader == null) {
				return skills;
			}
			String first = reader.readLine();
			if (first == null) {
				return skills;
			}
			List<String> header = new ArrayList<>();
			for (String h : first.split("\\|", -1)) {
				header.add(RppsColumns.normalizeHeader(h));
			}
			int nid = header.indexOf("IDENTIFICATION NATIONALE PP");
			int code = header.indexOf("CODE SAVOIR FAIRE");
			int label = header.indexOf("LIBELLE SAVOIR FAIRE");
			if (nid < 0 || code < 0) {
				return skills;
			}
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] cells = line.split("\\|", -1);
				if (cells.length > Math.max(nid, code) && !cells[code].isBlank()) {
					skills.putIfAbsent(cells[nid].strip(), new String[] { cells[code].strip(),
							label >= 0 && label < cells.length ? cells[label].strip() : null });
				}
			}
		}
		return skills;
	}

	private void apply(UUID id, RppsFile rpps, int width, Map<RppsColumns, Integer> columns, Map<String, String[]> skills,
			@Nullable Set<String> scope) {
		writer.begin();
		ActivityWriter.Tally tally = new ActivityWriter.Tally();
		List<RppsRow> batch = new ArrayList<>(BATCH);
		long lineNo = 1;
		try (BufferedReader reader = rpps.activities()) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lineNo++;
				if (line.isBlank()) {
					continue;
				}
				String[] cells = line.split("\\|", -1);
				int cellCount = cells.length > 0 && cells[cells.length - 1].isEmpty() && cells.length > width ? cells.length - 1 : cells.length;
				if (cellCount < width) {
					tally.reject(lineNo, "directory.import.line.truncated", line, String.valueOf(cellCount), String.valueOf(width));
					continue;
				}
				if (cellCount > width) {
					tally.reject(lineNo, "directory.import.line.tooManyColumns", line, String.valueOf(cellCount), String.valueOf(width));
					continue;
				}
				RppsRow row = RppsRow.of(lineNo, cells, columns);
				if (row.nationalId().isEmpty() || row.lastName().isEmpty() || row.professionCode().isEmpty()) {
					tally.reject(lineNo, "directory.import.line.missingIdentity", line);
					continue;
				}
				if (scope != null && !scope.contains(row.communeCode())) {
					tally.outOfScope++;
					continue;
				}
				if (RPPS_ID.matcher(row.nationalId()).matches() && !Luhn.isValid(row.nationalId().substring(1))) {
					tally.warn(lineNo, "directory.import.line.rppsKey", line, row.nationalId().substring(1));
				}
				String[] skill = skills.get(row.nationalId());
				if (skill != null && row.skillCode() == null) {
					row = row.withSkill(skill[0], skill[1]);
				}
				batch.add(row);
				if (batch.size() >= BATCH) {
					writer.write(batch, tally);
					batch.clear();
					ledger.progress(id, "RUNNING", lineNo, rpps.lines, null);
					CrashPoint.reached("rpps.import.running");
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		if (!batch.isEmpty()) {
			writer.write(batch, tally);
		}
		// A file that would empty the territory, or whose rejected lines pass the documented share (a
		// truncated download, another file), is refused whole: the transaction rolls back.
		long dataLines = lineNo - 1;
		writer.refuseIfUnsafe(tally, dataLines, scope != null);
		tally.inactivated = writer.inactivate(scope);
		// lines read: the data lines, without the header
		ledger.finish(id, lineNo - 1, new ImportLedger.Counts(tally.created, tally.updated, tally.unchanged, tally.inactivated, tally.outOfScope,
				tally.rejected), tally.remarks);
	}

}
