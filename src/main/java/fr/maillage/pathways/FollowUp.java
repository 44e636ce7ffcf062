package fr.maillage.pathways;

import fr.maillage.directory.AccountLinks;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who follows whom along the pathways, in counts only, for the organisation of chronic and fragile
 * patients in a crisis: per pathway, the patients followed (in an area or everywhere), and the
 * professionals of their care circles by role, with how many of them can be reached in Maillage.
 * No identity leaves the circles: a crisis asks the circles (see {@link Asked}), and each member
 * finds their own patients in their pathways.
 */
@Service
public class FollowUp {

	/** One pathway's follow-up: patients followed, the circles' members by role, those reachable in Maillage. */
	public record PerPathway(String pathway, long patients, Map<PathwayRole, Long> followersByRole, long followers, long reachable) {
	}

	/**
	 * A crisis asks the care circles of the patients living in its area to take news of them; the
	 * pathways module tells each member who has an account, once, with how many of their patients.
	 *
	 * @param cptsId the CPTS whose pathways
	 * @param communes the area (INSEE codes); empty: the whole territory
	 * @param label the crisis, as everyone sees it ("[EXERCICE] Canicule")
	 * @param message what the cell asks
	 */
	public record Asked(UUID cptsId, List<String> communes, String label, String message) {
	}

	private final JdbcClient jdbc;
	private final AccountLinks links;

	FollowUp(JdbcClient jdbc, AccountLinks links) {
		this.jdbc = jdbc;
		this.links = links;
	}

	/** The active pathways' follow-up in a CPTS, for patients living in {@code communes} (empty: everywhere); counts only. */
	@Transactional(readOnly = true)
	public List<PerPathway> of(UUID cptsId, Collection<String> communes) {
		String[] area = communes.toArray(String[]::new);
		Map<String, Long> patients = new LinkedHashMap<>();
		jdbc.sql("""
				select t.name, count(*) from pathway_template t
				join pathway_enrolment e on e.template_id = t.id and e.status = 'ACTIVE'
				join patient p on p.id = e.patient_id
				where t.cpts_id = :c and (cardinality(cast(:area as text[])) = 0 or p.commune_code = any(cast(:area as text[])))
				group by t.name order by t.name""")
			.param("c", cptsId).param("area", area)
			.query(rs -> {
				patients.put(rs.getString(1), rs.getLong(2));
			});
		record Follower(String pathway, PathwayRole role, UUID entry) {
		}
		List<Follower> followers = jdbc.sql("""
				select distinct t.name, m.role, coalesce(m.practitioner_id, m.organization_id)
				from pathway_template t
				join pathway_enrolment e on e.template_id = t.id and e.status = 'ACTIVE'
				join patient p on p.id = e.patient_id
				join pathway_circle_member m on m.enrolment_id = e.id and m.removed_at is null
				where t.cpts_id = :c and (cardinality(cast(:area as text[])) = 0 or p.commune_code = any(cast(:area as text[])))""")
			.param("c", cptsId).param("area", area)
			.query((rs, n) -> new Follower(rs.getString(1), PathwayRole.valueOf(rs.getString(2)), rs.getObject(3, UUID.class)))
			.list();
		Map<UUID, List<UUID>> accounts = links.accountsOf(followers.stream().map(Follower::entry).collect(Collectors.toSet()));
		return patients.entrySet().stream().map(p -> {
			List<Follower> of = followers.stream().filter(f -> f.pathway().equals(p.getKey())).toList();
			Map<PathwayRole, Long> byRole = new EnumMap<>(PathwayRole.class);
			of.stream().collect(Collectors.groupingBy(Follower::role, Collectors.mapping(Follower::entry, Collectors.toSet())))
				.forEach((role, entries) -> byRole.put(role, (long) entries.size()));
			Set<UUID> entries = of.stream().map(Follower::entry).collect(Collectors.toSet());
			long reachable = entries.stream().filter(e -> !accounts.getOrDefault(e, List.of()).isEmpty()).count();
			return new PerPathway(p.getKey(), p.getValue(), byRole, entries.size(), reachable);
		}).toList();
	}
}
