package fr.maillage.gpaccess;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.Problems;
import java.sql.Array;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The priority protocol of a CPTS: criteria in order. A request takes the rank of the first one it
 * meets; those meeting none come last; within a rank, the longest waiting first. By default, as in
 * the contracts: ALD, then C2S, then aged 70 and over.
 */
@Service
public class GpProtocol {

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;

	GpProtocol(JdbcClient jdbc, CptsAccess access, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Criterion> criteria(UUID cptsId) {
		access.requireMember(cptsId);
		return jdbc.sql("select criteria from gp_protocol where cpts_id = :c").param("c", cptsId)
			.query((rs, n) -> toList(rs.getArray("criteria"))).optional().orElse(Criterion.DEFAULT_PROTOCOL);
	}

	@Transactional
	public List<Criterion> replace(UUID cptsId, List<Criterion> criteria) {
		CurrentUser user = access.requireCoordinator(cptsId);
		if (new HashSet<>(criteria).size() != criteria.size()) {
			throw Problems.rejected("criteria", "gpaccess.protocol.repeated");
		}
		jdbc.sql("""
				insert into gp_protocol (cpts_id, criteria, updated_by) values (:c, :k, :by)
				on conflict (cpts_id) do update set criteria = excluded.criteria, updated_by = excluded.updated_by, updated_at = now()""")
			.param("c", cptsId).param("k", criteria.stream().map(Enum::name).toArray(String[]::new)).param("by", user.id()).update();
		audit.change("gp_protocol.replace", "cpts", cptsId.toString(), cptsId, criteria.toString());
		return List.copyOf(criteria);
	}

	private static List<Criterion> toList(Array array) throws java.sql.SQLException {
		return Arrays.stream((String[]) array.getArray()).map(Criterion::valueOf).toList();
	}
}
