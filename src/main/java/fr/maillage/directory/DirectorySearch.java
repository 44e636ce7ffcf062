package fr.maillage.directory;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.shared.FrenchText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the directory of the whole installation (any signed-in user): by name words (case and
 * accents ignored), profession code or label, savoir-faire, structure (practice site name),
 * commune of an active practice site, or distance from a commune.
 */
@Service
public class DirectorySearch {

	/** The criteria of a search; {@code structure} matches words of a practice site's name (« MSP des Vannades »). */
	public record Query(@Nullable String q, @Nullable String profession, @Nullable String skill, @Nullable String structure,
			@Nullable String commune, @Nullable String near, @Nullable Double radiusKm, int page, int size) {
		public Query {
			page = Math.max(0, page);
			size = Math.clamp(size, 1, 200);
		}

		public Query(@Nullable String q, @Nullable String profession, @Nullable String skill, @Nullable String commune, int page, int size) {
			this(q, profession, skill, null, commune, null, null, page, size);
		}

		public Query page(int p, int s) {
			return new Query(q, profession, skill, structure, commune, near, radiusKm, p, s);
		}
	}

	public record Page(List<Practitioner> items, long total, int page, int size) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final fr.maillage.reference.CommuneDirectory communes;

	DirectorySearch(JdbcClient jdbc, CptsAccess access, fr.maillage.reference.CommuneDirectory communes) {
		this.jdbc = jdbc;
		this.access = access;
		this.communes = communes;
	}

	/** The orders a directory list offers; ties by name, then id, so that pages never overlap. */
	public enum Order {
		NAME("p.last_name %s, p.first_name %s"), PROFESSION("p.profession_label %s, p.last_name, p.first_name");

		private final String sql;

		Order(String sql) {
			this.sql = sql;
		}

		String sql(boolean desc) {
			String direction = desc ? "desc" : "asc";
			return sql.formatted(direction, direction) + ", p.id";
		}

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	@Transactional(readOnly = true)
	public Page practitioners(Query query) {
		return practitioners(query, Order.NAME, false);
	}

	@Transactional(readOnly = true)
	public Page practitioners(Query query, Order order, boolean desc) {
		access.requireUser();
		Condition c = condition(query);
		String condition = c.sql();
		Map<String, Object> params = c.params();
		var count = jdbc.sql("select count(*) from practitioner p where " + condition);
		var select = jdbc.sql("select * from practitioner p where " + condition + " order by " + order.sql(desc) + " limit :limit offset :offset");
		for (var e : params.entrySet()) {
			count = count.param(e.getKey(), e.getValue());
			select = select.param(e.getKey(), e.getValue());
		}
		long total = count.query(Long.class).single();
		List<Practitioner> people = select.param("limit", query.size()).param("offset", (long) query.page() * query.size())
			.query(DirectorySearch::person).list();
		return new Page(withActivities(people), total, query.page(), query.size());
	}

	/**
	 * How many practitioners that match work in each commune (a practitioner working in two
	 * communes counts in both): what the map of the results draws.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> countByCommune(Query query) {
		access.requireUser();
		Condition c = condition(query);
		var select = jdbc.sql("select a.commune_code, count(distinct p.id) as n from practitioner p join practitioner_activity a"
				+ " on a.practitioner_id = p.id and a.active and a.commune_code is not null where " + c.sql() + " group by a.commune_code");
		for (var e : c.params().entrySet()) {
			select = select.param(e.getKey(), e.getValue());
		}
		Map<String, Long> out = new LinkedHashMap<>();
		select.query((rs, i) -> out.put(rs.getString("commune_code"), rs.getLong("n"))).list();
		return out;
	}

	private record Condition(String sql, Map<String, Object> params) {
	}

	private Condition condition(Query query) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		String nationalId = query.q() == null ? null : nationalIdIn(query.q());
		if (nationalId != null) {
			where.add("p.national_id = :nid");
			params.put("nid", nationalId);
		}
		else if (query.q() != null && !query.q().isBlank()) {
			int i = 0;
			for (String word : FrenchText.normalize(query.q()).toLowerCase(Locale.ROOT).split(" ")) {
				where.add("p.search_text like :w" + i);
				params.put("w" + i, "%" + word + "%");
				i++;
			}
		}
		if (query.profession() != null && !query.profession().isBlank()) {
			where.add("(p.profession_code = :prof or lower(unaccent(p.profession_label)) like :profLike)");
			params.put("prof", query.profession().strip());
			params.put("profLike", "%" + FrenchText.normalize(query.profession()).toLowerCase(Locale.ROOT) + "%");
		}
		if (query.skill() != null && !query.skill().isBlank()) {
			where.add("exists (select 1 from practitioner_activity s where s.practitioner_id = p.id and s.active and (s.skill_code = :skill or lower(unaccent(s.skill_label)) like :skillLike))");
			params.put("skill", query.skill().strip());
			params.put("skillLike", "%" + FrenchText.normalize(query.skill()).toLowerCase(Locale.ROOT) + "%");
		}
		if (query.structure() != null && !query.structure().isBlank()) {
			int i = 0;
			for (String word : FrenchText.normalize(query.structure()).toLowerCase(Locale.ROOT).split(" ")) {
				where.add("exists (select 1 from practitioner_activity t where t.practitioner_id = p.id and t.active and lower(unaccent(t.site_name)) like :st" + i + ")");
				params.put("st" + i, "%" + word + "%");
				i++;
			}
		}
		if (query.near() != null && !query.near().isBlank()) {
			double radius = query.radiusKm() == null ? 10 : Math.clamp(query.radiusKm(), 0.5, 200);
			// without imported coordinates, the reckoning every module uses: same EPCI under 30 km, same département beyond (the page says so)
			List<String> codes = communes.within(query.near(), radius).or(() -> communes.find(query.near())
				.map(c -> communes.reachable(c.inseeCode(), radius))).orElseThrow(() -> new fr.maillage.platform.Problems.RejectedException(
					new fr.maillage.platform.Problems().reject("near", "directory.search.unknownCommune", query.near())));
			where.add("exists (select 1 from practitioner_activity n where n.practitioner_id = p.id and n.active and n.commune_code = any(:near))");
			params.put("near", codes.toArray(String[]::new));
		}
		if (query.commune() != null && !query.commune().isBlank()) {
			where.add("exists (select 1 from practitioner_activity c where c.practitioner_id = p.id and c.active and c.commune_code = :commune)");
			params.put("commune", query.commune().strip());
		}
		return new Condition(where.isEmpty() ? "true" : String.join(" and ", where), params);
	}

	/**
	 * A national practitioner id typed in the search box, in the national convention: an RPPS
	 * number (11 digits) becomes "8" + RPPS, an ADELI number (9 characters) "0" + ADELI; "8…" and
	 * "0…" ids are taken as they are. Null when the text is not one.
	 */
	static @Nullable String nationalIdIn(String q) {
		String s = q.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
		if (s.matches("8\\d{11}") || s.matches("0\\d[0-9AB]\\d{7}")) {
			return s;
		}
		if (s.matches("\\d{11}")) {
			return "8" + s;
		}
		if (s.matches("\\d[0-9AB]\\d{7}")) {
			return "0" + s;
		}
		return null;
	}

	@Transactional(readOnly = true)
	public java.util.Optional<Practitioner> byId(UUID id) {
		access.requireUser();
		List<Practitioner> found = jdbc.sql("select * from practitioner p where p.id = :id").param("id", id).query(DirectorySearch::person).list();
		return withActivities(found).stream().findFirst();
	}

	/** Several professionals at once, with their activities, in no particular order; unknown ids are left out. */
	@Transactional(readOnly = true)
	public List<Practitioner> byIds(java.util.Collection<UUID> ids) {
		access.requireUser();
		if (ids.isEmpty()) {
			return List.of();
		}
		return withActivities(jdbc.sql("select * from practitioner p where p.id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
			.query(DirectorySearch::person).list());
	}

	/** The professionals with these national ids ("8" + RPPS, "0" + ADELI), with their activities; unknown ids are left out. */
	@Transactional(readOnly = true)
	public List<Practitioner> byNationalIds(java.util.Collection<String> nationalIds) {
		access.requireUser();
		if (nationalIds.isEmpty()) {
			return List.of();
		}
		return withActivities(jdbc.sql("select * from practitioner p where p.national_id = any(:ids) order by p.id")
			.param("ids", nationalIds.toArray(String[]::new)).query(DirectorySearch::person).list());
	}

	/** The ids of the professionals with these national ids, in one indexed read (no activities); unknown ids are left out. */
	@Transactional(readOnly = true)
	public List<UUID> idsOf(java.util.Collection<String> nationalIds) {
		access.requireUser();
		if (nationalIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id from practitioner where national_id = any(:ids)").param("ids", nationalIds.toArray(String[]::new))
			.query(UUID.class).list();
	}

	/** The professional who practises at this activity (active or not), with their active activities. */
	@Transactional(readOnly = true)
	public java.util.Optional<Practitioner> byActivity(UUID activityId) {
		access.requireUser();
		return jdbc.sql("select practitioner_id from practitioner_activity where id = :id").param("id", activityId).query(UUID.class).optional()
			.flatMap(this::byId);
	}

	/**
	 * The profession codes of these professionals (public facts of the RPPS), for figures computed
	 * without a signed-in user (the contract's monthly snapshot); unknown ids are left out.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> professionCodes(java.util.Collection<UUID> ids) {
		Map<UUID, String> codes = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select id, profession_code from practitioner where id = any(:ids) and profession_code is not null")
				.param("ids", ids.toArray(UUID[]::new)).query(rs -> {
					codes.put(rs.getObject("id", UUID.class), rs.getString("profession_code"));
				});
		}
		return codes;
	}

	/** Whether the professional is a general practitioner (as the profession table counts them). */
	@Transactional(readOnly = true)
	public boolean isGeneralPractitioner(UUID id) {
		return jdbc.sql("select (" + ProfessionTable.GROUP_SQL + ") = 'GP' from practitioner p where p.id = :id").param("id", id)
			.query(Boolean.class).optional().orElse(false);
	}

	/** The general practitioners with an active practice site in these communes, by name. */
	@Transactional(readOnly = true)
	public List<Practitioner> generalPractitionersIn(java.util.Collection<String> communeCodes) {
		access.requireUser();
		if (communeCodes.isEmpty()) {
			return List.of();
		}
		return withActivities(jdbc.sql("select * from practitioner p where (" + ProfessionTable.GROUP_SQL + """
				) = 'GP' and exists (select 1 from practitioner_activity a where a.practitioner_id = p.id and a.active
				  and a.commune_code = any(:codes)) order by p.last_name, p.first_name limit 5000""")
			.param("codes", communeCodes.toArray(String[]::new)).query(DirectorySearch::person).list());
	}

	/** The professionals with an active practice site in these communes (a printed directory), at most 20,000. */
	@Transactional(readOnly = true)
	public List<Practitioner> practisingIn(java.util.Collection<String> communeCodes) {
		access.requireUser();
		if (communeCodes.isEmpty()) {
			return List.of();
		}
		String[] codes = communeCodes.toArray(String[]::new);
		List<Practitioner> people = jdbc.sql("""
				select * from practitioner p where exists (select 1 from practitioner_activity a where a.practitioner_id = p.id and a.active
				  and a.commune_code = any(:codes)) order by p.profession_label, p.last_name, p.first_name limit 20000""")
			.param("codes", codes).query(DirectorySearch::person).list();
		java.util.Set<String> inside = java.util.Set.of(codes);
		return withActivities(people).stream().map(p -> new Practitioner(p.id(), p.nationalId(), p.idKind(), p.civility(), p.lastName(),
				p.firstName(), p.professionCode(), p.professionLabel(), p.mssante(), p.phone(), p.languages(), p.takesNewPatients(), p.source(),
				p.activities().stream().filter(a -> a.communeCode() != null && inside.contains(a.communeCode())).toList())).toList();
	}

	/** Every professional matching, page after page, for exports (at most 200,000). */
	@Transactional(readOnly = true)
	public void forEach(Query query, java.util.function.Consumer<Practitioner> consumer) {
		forEach(query, Order.NAME, false, consumer);
	}

	/** Every practitioner that matches, in the order asked, 200 at a time: what an export writes. */
	public void forEach(Query query, Order order, boolean desc, java.util.function.Consumer<Practitioner> consumer) {
		for (int page = 0; page < 1000; page++) {
			Page p = practitioners(query.page(page, 200), order, desc);
			p.items().forEach(consumer);
			if ((long) (page + 1) * p.size() >= p.total()) {
				return;
			}
		}
	}

	private List<Practitioner> withActivities(List<Practitioner> people) {
		if (people.isEmpty()) {
			return people;
		}
		Map<UUID, List<Practitioner.Activity>> activities = new LinkedHashMap<>();
		jdbc.sql("select * from practitioner_activity where practitioner_id = any(:ids) and active order by commune_name, site_name")
			.param("ids", people.stream().map(Practitioner::id).toArray(UUID[]::new))
			.query((rs, i) -> activities.computeIfAbsent(rs.getObject("practitioner_id", UUID.class), k -> new ArrayList<>()).add(activity(rs)))
			.list();
		return people.stream().map(p -> new Practitioner(p.id(), p.nationalId(), p.idKind(), p.civility(), p.lastName(), p.firstName(),
				p.professionCode(), p.professionLabel(), p.mssante(), p.phone(), p.languages(), p.takesNewPatients(), p.source(),
				activities.getOrDefault(p.id(), List.of()))).toList();
	}

	private static Practitioner person(ResultSet rs, int row) throws SQLException {
		return new Practitioner(rs.getObject("id", UUID.class), rs.getString("national_id"), rs.getString("id_kind"), rs.getString("civility"),
				rs.getString("last_name"), rs.getString("first_name"), rs.getString("profession_code"), rs.getString("profession_label"),
				rs.getString("mssante"), rs.getString("phone"), List.of((String[]) rs.getArray("languages").getArray()),
				(Boolean) rs.getObject("takes_new_patients"), rs.getString("source"), List.of());
	}

	private static Practitioner.Activity activity(ResultSet rs) throws SQLException {
		return new Practitioner.Activity(rs.getObject("id", UUID.class), rs.getString("mode_label"), rs.getString("role_label"),
				rs.getString("skill_code"), rs.getString("skill_label"), rs.getString("site_name"), rs.getString("address"),
				rs.getString("postcode"), rs.getString("commune_code"), rs.getString("commune_name"), rs.getString("phone"), rs.getBoolean("active"));
	}
}
