package fr.maillage.directory.internal;

import fr.maillage.shared.FrenchText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every directory import does with the rows it read, whatever their source (the RPPS
 * extraction file, the Annuaire Santé API), inside the import's one transaction: professionals and
 * activities created or updated (hand-entered fields untouched; an MSSanté address the national
 * directory gives only where none was entered), unchanged ones counted, those of the scope no
 * longer present marked inactive, and the run refused whole when it is not safe.
 */
@Component
class ActivityWriter {

	static final int MAX_REMARKS = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final double maxRejectedPercent;

	ActivityWriter(JdbcClient jdbc, JdbcTemplate template, @Value("${maillage.imports.max-rejected-percent:1}") double maxRejectedPercent) {
		this.jdbc = jdbc;
		this.template = template;
		this.maxRejectedPercent = maxRejectedPercent;
	}

	/** Serialises the imports (one at a time) and opens the table of activities seen by this run; in the import's transaction. */
	void begin() {
		// Two imports overlapping (two coordinators, a national and a local import) would race on activity keys;
		// the next import waits, then works on committed data.
		jdbc.sql("select pg_advisory_xact_lock(4242003)").query().singleRow();
		jdbc.sql("create temporary table import_seen (activity_key text primary key) on commit drop").update();
	}

	/** Refuses (rolls back) a run whose rejected lines pass the documented share, or that keeps no line at all. */
	void refuseIfUnsafe(Tally tally, long dataLines, boolean scoped) {
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
	static final class Refusal extends RuntimeException {
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

	static final class Tally {
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

	/** Creates or updates the professionals and activities of these rows, and marks them seen (table import_seen). */
	void write(List<RppsRow> rows, Tally tally) {
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
		// the national directory's MSSanté address, where nobody entered one
		List<Object[]> mailboxes = people.values().stream().filter(r -> r.mssante() != null).map(r -> new Object[] { r.mssante(), r.nationalId() })
			.toList();
		if (!mailboxes.isEmpty()) {
			template.batchUpdate("update practitioner set mssante = ?, updated_at = now() where national_id = ? and mssante is null", mailboxes);
		}
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
	int inactivate(@Nullable Set<String> scope) {
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
