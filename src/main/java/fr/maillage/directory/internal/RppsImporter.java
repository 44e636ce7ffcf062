package fr.maillage.directory.internal;

import fr.maillage.platform.CrashPoint;
import fr.maillage.shared.FrenchText;
import fr.maillage.shared.Luhn;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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
	private static final int BATCH = 2000;
	private static final int MAX_REMARKS = 1000;
	private static final Pattern RPPS_ID = Pattern.compile("8\\d{11}");

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate transactions;
	private final ImportLedger ledger;

	private final double maxRejectedPercent;

	RppsImporter(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, ImportLedger ledger,
			@org.springframework.beans.factory.annotation.Value("${maillage.imports.max-rejected-percent:1}") double maxRejectedPercent) {
		this.maxRejectedPercent = maxRejectedPercent;
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.ledger = ledger;
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
		catch (Refusal ex) {
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
		// One RPPS import at a time: two different files overlapping (two coordinators, a national and a local
		// import) would race on activity keys; the next import waits, then works on committed data.
		jdbc.sql("select pg_advisory_xact_lock(4242003)").query().singleRow();
		jdbc.sql("create temporary table import_seen (activity_key text primary key) on commit drop").update();
		Tally tally = new Tally();
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
					write(batch, tally);
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
			write(batch, tally);
		}
		// A file that would empty the territory, or whose rejected lines pass the documented share (a
		// truncated download, another file), is refused whole: the transaction rolls back.
		long dataLines = lineNo - 1;
		refuseIfUnsafe(tally, dataLines, scope != null);
		tally.inactivated = inactivate(scope);
		// lines read: the data lines, without the header
		ledger.finish(id, lineNo - 1, new ImportLedger.Counts(tally.created, tally.updated, tally.unchanged, tally.inactivated, tally.outOfScope,
				tally.rejected), tally.remarks);
	}

	private void refuseIfUnsafe(Tally tally, long dataLines, boolean scoped) {
		if (tally.rejected * 100.0 > maxRejectedPercent * dataLines) {
			throw new Refusal("directory.import.tooManyRejected", tally, String.valueOf(tally.rejected), String.valueOf(dataLines),
					percent(maxRejectedPercent));
		}
		if (tally.created + tally.updated + tally.unchanged == 0) {
			throw new Refusal(dataLines == 0 ? "directory.import.noLine" : scoped ? "directory.import.noLineInScope" : "directory.import.noLine",
					tally, String.valueOf(dataLines));
		}
	}

	private static String percent(double p) {
		return java.text.NumberFormat.getNumberInstance(java.util.Locale.FRANCE).format(p);
	}

	/** Thrown inside the import's transaction to roll it back: the file is refused whole, with its report. */
	private static final class Refusal extends RuntimeException {
		final String problem;
		final List<String> args;
		final Tally tally;

		Refusal(String problem, Tally tally, String... args) {
			super(problem, null, false, false);
			this.problem = problem;
			this.args = List.of(args);
			this.tally = tally;
		}
	}

	private static final class Tally {
		int created;
		int updated;
		int unchanged;
		int inactivated;
		long outOfScope;
		int rejected;
		final List<ImportLedger.Rejection> remarks = new ArrayList<>();

		void reject(long line, String reason, String raw, String... args) {
			rejected++;
			remark(line, reason, raw, args);
		}

		void warn(long line, String reason, String raw, String... args) {
			remark(line, reason, raw, args);
		}

		private void remark(long line, String reason, String raw, String... args) {
			if (remarks.size() < MAX_REMARKS) {
				remarks.add(new ImportLedger.Rejection(line, reason, List.of(args), raw.length() > 200 ? raw.substring(0, 200) : raw));
			}
		}
	}

	private void write(List<RppsRow> rows, Tally tally) {
		// professionals: one per national id, identity from the RPPS, hand-entered fields untouched
		Map<String, RppsRow> people = new LinkedHashMap<>();
		rows.forEach(r -> people.putIfAbsent(r.nationalId(), r));
		template.batchUpdate("""
				insert into practitioner (id, national_id, id_kind, civility, last_name, first_name, profession_code, profession_label,
				  category_label, source, search_text)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RPPS', ?)
				on conflict (national_id) do update set id_kind = excluded.id_kind, civility = excluded.civility, last_name = excluded.last_name,
				  first_name = excluded.first_name, profession_code = excluded.profession_code, profession_label = excluded.profession_label,
				  category_label = excluded.category_label, search_text = excluded.search_text, updated_at = now()
				where (practitioner.id_kind, practitioner.civility, practitioner.last_name, practitioner.first_name, practitioner.profession_code,
				  practitioner.profession_label, practitioner.category_label)
				  is distinct from (excluded.id_kind, excluded.civility, excluded.last_name, excluded.first_name, excluded.profession_code,
				  excluded.profession_label, excluded.category_label)""",
				people.values().stream().map(r -> new Object[] { UUID.randomUUID(), r.nationalId(), kind(r), r.civility(), r.lastName(),
						r.firstName(), r.professionCode(), r.professionLabel(), r.categoryLabel(), searchText(r) }).toList());
		Map<String, UUID> ids = new HashMap<>();
		jdbc.sql("select national_id, id from practitioner where national_id = any(:ids)")
			.param("ids", people.keySet().toArray(String[]::new))
			.query((rs, i) -> ids.put(rs.getString(1), rs.getObject(2, UUID.class))).list();

		// activities: new, changed (or back after being inactive), or unchanged
		Map<String, RppsRow> byKey = new LinkedHashMap<>();
		rows.forEach(r -> byKey.putIfAbsent(r.activityKey(), r));
		record Existing(String hash, boolean active) {
		}
		Map<String, Existing> existing = new HashMap<>();
		jdbc.sql("select activity_key, content_hash, active from practitioner_activity where activity_key = any(:keys)")
			.param("keys", byKey.keySet().toArray(String[]::new))
			.query((rs, i) -> existing.put(rs.getString(1), new Existing(rs.getString(2), rs.getBoolean(3)))).list();
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (var e : byKey.entrySet()) {
			RppsRow r = e.getValue();
			String hash = r.contentHash();
			Existing before = existing.get(e.getKey());
			if (before == null) {
				inserts.add(new Object[] { UUID.randomUUID(), ids.get(r.nationalId()), e.getKey(), r.modeLabel(), r.sectorLabel(), r.roleLabel(),
						r.skillCode(), r.skillLabel(), r.siteName(), r.siret(), r.finess(), r.technicalId(), r.address(), r.postcode(),
						r.communeCode(), r.communeName(), r.phone(), r.email(), hash });
				tally.created++;
			}
			else if (!before.hash().equals(hash) || !before.active()) {
				updates.add(new Object[] { r.modeLabel(), r.sectorLabel(), r.roleLabel(), r.skillCode(), r.skillLabel(), r.siteName(), r.siret(),
						r.finess(), r.technicalId(), r.address(), r.postcode(), r.communeCode(), r.communeName(), r.phone(), r.email(), hash,
						e.getKey() });
				tally.updated++;
			}
			else {
				tally.unchanged++;
			}
		}
		tally.unchanged += rows.size() - byKey.size();
		if (!inserts.isEmpty()) {
			template.batchUpdate("""
					insert into practitioner_activity (id, practitioner_id, activity_key, mode_label, sector_label, role_label, skill_code,
					  skill_label, site_name, site_siret, site_finess, site_technical_id, address, postcode, commune_code, commune_name, phone,
					  email, content_hash, source)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RPPS')""", inserts);
		}
		if (!updates.isEmpty()) {
			template.batchUpdate("""
					update practitioner_activity set mode_label = ?, sector_label = ?, role_label = ?, skill_code = ?, skill_label = ?,
					  site_name = ?, site_siret = ?, site_finess = ?, site_technical_id = ?, address = ?, postcode = ?, commune_code = ?,
					  commune_name = ?, phone = ?, email = ?, content_hash = ?, active = true, inactive_since = null, updated_at = now()
					where activity_key = ?""", updates);
		}
		template.batchUpdate("insert into import_seen (activity_key) values (?) on conflict do nothing",
				byKey.keySet().stream().map(k -> new Object[] { k }).toList());
	}

	/** RPPS activities of the scope that the file no longer holds; hand-entered ones are never touched. */
	private int inactivate(@Nullable Set<String> scope) {
		String sql = """
				update practitioner_activity a set active = false, inactive_since = now(), updated_at = now()
				where a.active and a.source = 'RPPS' and not exists (select 1 from import_seen s where s.activity_key = a.activity_key)""";
		if (scope == null) {
			return jdbc.sql(sql).update();
		}
		return jdbc.sql(sql + " and a.commune_code = any(:scope)").param("scope", scope.toArray(String[]::new)).update();
	}

	private static String kind(RppsRow r) {
		if (r.idKind() != null) {
			return switch (r.idKind()) {
				case "8" -> "RPPS";
				case "0" -> "ADELI";
				default -> r.idKind();
			};
		}
		return r.nationalId().startsWith("8") ? "RPPS" : r.nationalId().startsWith("0") ? "ADELI" : "AUTRE";
	}

	static String searchText(RppsRow r) {
		return FrenchText.normalize(String.join(" ", r.lastName(), r.firstName() == null ? "" : r.firstName(),
				r.professionLabel() == null ? "" : r.professionLabel())).toLowerCase(java.util.Locale.ROOT);
	}

	static Set<String> setOf(java.util.Collection<String> codes) {
		return new HashSet<>(codes);
	}
}
