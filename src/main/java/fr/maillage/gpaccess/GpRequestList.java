package fr.maillage.gpaccess;

import fr.maillage.accounts.CptsAccess;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of the requests of a CPTS, for its coordinators: filtered by status, searched by
 * number or by the patient's names, sorted by a column, a page at a time or whole for an export.
 * Every patient read goes through {@code Patients}, which audits it with the reason given.
 */
@Service
public class GpRequestList {

	/** The columns a coordinator may sort by; ties fall back to the newest first. */
	public enum Sort {
		NUMBER("r.number"), PATIENT("lower(coalesce(p.used_name, p.birth_name))", "lower(p.first_names)"), FILED("r.filed_at"),
		STATUS("case r.status when 'PENDING' then 0 when 'PROPOSED' then 1 when 'ACCEPTED' then 2 when 'DECLARED' then 3 else 4 end");

		private final List<String> columns;

		Sort(String... columns) {
			this.columns = List.of(columns);
		}

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** What the coordinator asked for; {@code like} is an ilike pattern of the words typed, or null. */
	public record Query(@Nullable RequestStatus status, @Nullable String like, Sort sort, boolean desc) {

		public static Query newestFirst(@Nullable RequestStatus status) {
			return new Query(status, null, Sort.FILED, true);
		}
	}

	private static final int EXPORT_LIMIT = 20_000;

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final GpRequests requests;

	GpRequestList(JdbcClient jdbc, CptsAccess access, GpRequests requests) {
		this.jdbc = jdbc;
		this.access = access;
		this.requests = requests;
	}

	@Transactional
	public GpRequests.Page page(UUID cptsId, Query query, int page, int size) {
		access.requireCoordinatorForPatients(cptsId);
		int s = Math.clamp(size, 1, 500);
		int p = Math.max(page, 0);
		long total = bind(jdbc.sql("select count(*) from gp_request r join patient p on p.id = r.patient_id where " + WHERE), cptsId, query)
			.query(Long.class).single();
		List<GpRequests.Row> rows = bind(jdbc.sql("select r.* from gp_request r join patient p on p.id = r.patient_id where " + WHERE
				+ order(query) + " limit :l offset :o"), cptsId, query)
			.param("l", s).param("o", (long) p * s).query(GpRequests::row).list();
		return new GpRequests.Page(requests.withPatients(cptsId, rows, "liste des demandes"), total, p, s);
	}

	/** Every request that matches, in the asked order, at most 20,000, read (and audited) as an export. */
	@Transactional
	public void forEach(UUID cptsId, Query query, Consumer<GpRequest> each) {
		access.requireCoordinatorForPatients(cptsId);
		List<GpRequests.Row> rows = bind(jdbc.sql("select r.* from gp_request r join patient p on p.id = r.patient_id where " + WHERE
				+ order(query) + " limit " + EXPORT_LIMIT), cptsId, query).query(GpRequests::row).list();
		for (int from = 0; from < rows.size(); from += 500) {
			requests.withPatients(cptsId, rows.subList(from, Math.min(rows.size(), from + 500)), "export des demandes").forEach(each);
		}
	}

	private static final String WHERE = """
			r.cpts_id = :c and (:s::text is null or r.status = :s)
			and (:q::text is null or r.number::text = :exact or p.birth_name ilike :q or p.used_name ilike :q or p.first_names ilike :q
			     or (p.first_names || ' ' || coalesce(p.used_name, p.birth_name)) ilike :q or (coalesce(p.used_name, p.birth_name) || ' ' || p.first_names) ilike :q)""";

	private static String order(Query query) {
		String direction = query.desc() ? " desc" : " asc";
		return " order by " + String.join(", ", query.sort().columns.stream().map(c -> c + direction).toList()) + ", r.filed_at desc, r.number desc";
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UUID cptsId, Query query) {
		String exact = query.like() == null ? null : query.like().replace("%", "").replace("\\", "").strip().replaceFirst("^(?i)n°\\s*", "");
		return spec.param("c", cptsId).param("s", query.status() == null ? null : query.status().name()).param("q", query.like())
			.param("exact", exact);
	}
}
