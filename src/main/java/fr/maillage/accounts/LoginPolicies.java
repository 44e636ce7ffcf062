package fr.maillage.accounts;

import fr.maillage.audit.AuditLog;
import fr.maillage.platform.Problems;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roles a CPTS requires to sign in with Pro Santé Connect (its coordinators choose; those who
 * see patient data, typically). Someone holding such a role in such a CPTS who signed in with a
 * password reaches only the page that says so (and offers the PSC button), and gets no API token
 * by password.
 */
@Service
public class LoginPolicies {

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;
	private final fr.maillage.accounts.internal.ProSanteConnect psc;

	LoginPolicies(JdbcClient jdbc, CptsAccess access, AuditLog audit, fr.maillage.accounts.internal.ProSanteConnect psc) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.psc = psc;
	}

	@Transactional(readOnly = true)
	public Set<Role> pscRequired(UUID cptsId) {
		access.requireCoordinator(cptsId);
		return rolesOf(cptsId);
	}

	@Transactional
	public void requirePsc(UUID cptsId, @Nullable Set<Role> roles) {
		CurrentUser user = access.requireCoordinator(cptsId);
		Set<Role> wanted = roles == null ? Set.of() : roles;
		if (!wanted.isEmpty() && !psc.enabled()) {
			throw Problems.rejected("roles", "psc.policy.unavailable");
		}
		jdbc.sql("""
				insert into cpts_login_policy (cpts_id, psc_required_roles, updated_by) values (:c, :r, :u)
				on conflict (cpts_id) do update set psc_required_roles = :r, updated_by = :u, updated_at = now()""")
			.param("c", cptsId).param("r", wanted.stream().map(Role::name).sorted().toArray(String[]::new)).param("u", user.id()).update();
		audit.change("account.policy.psc", "cpts", cptsId.toString(), cptsId, String.join(",", wanted.stream().map(Role::name).sorted().toList()));
	}

	/** Whether this user holds, in one of their CPTS, a role that CPTS requires to sign in with PSC. */
	@Transactional(readOnly = true)
	public boolean pscRequiredFor(CurrentUser user) {
		Map<UUID, Set<Role>> roles = user.roles();
		if (roles.isEmpty()) {
			return false;
		}
		List<Map.Entry<UUID, Set<Role>>> policies = jdbc.sql("select cpts_id, psc_required_roles from cpts_login_policy where cpts_id = any(:c)")
			.param("c", roles.keySet().toArray(UUID[]::new))
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), toRoles((String[]) rs.getArray(2).getArray()))).list();
		return policies.stream().anyMatch(p -> roles.getOrDefault(p.getKey(), Set.of()).stream().anyMatch(p.getValue()::contains));
	}

	private Set<Role> rolesOf(UUID cptsId) {
		return jdbc.sql("select psc_required_roles from cpts_login_policy where cpts_id = :c").param("c", cptsId)
			.query((rs, n) -> toRoles((String[]) rs.getArray(1).getArray())).optional().orElse(EnumSet.noneOf(Role.class));
	}

	private static Set<Role> toRoles(String[] names) {
		Set<Role> out = EnumSet.noneOf(Role.class);
		for (String n : names) {
			out.add(Role.valueOf(n));
		}
		return out;
	}
}
