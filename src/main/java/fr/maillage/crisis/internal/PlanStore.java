package fr.maillage.crisis.internal;

import fr.maillage.crisis.CrisisKind;
import fr.maillage.crisis.CrisisPlan;
import fr.maillage.crisis.Skill;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the crisis plan's versions and the skills members declare. */
@Repository
public class PlanStore {

	/** One saved version of the plan. */
	public record Version(UUID cptsId, int version, CrisisPlan plan, @Nullable String note, Instant createdAt, @Nullable String createdBy) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	PlanStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the next version (the primary key keeps two saves from taking the same number). */
	public int insert(UUID cptsId, CrisisPlan plan, @Nullable String note, UUID by) {
		return jdbc.sql("""
				insert into crisis_plan_version (cpts_id, version, content, note, created_by)
				values (:c, (select coalesce(max(version), 0) + 1 from crisis_plan_version where cpts_id = :c), cast(:p as jsonb), :n, :by)
				returning version""")
			.param("c", cptsId).param("p", JSON.writeValueAsString(plan)).param("n", note).param("by", by).query(Integer.class).single();
	}

	public Optional<Version> current(UUID cptsId) {
		return version(cptsId, null);
	}

	public Optional<Version> version(UUID cptsId, @Nullable Integer version) {
		return jdbc.sql("""
				select v.version, v.content::text, v.note, v.created_at, u.display_name from crisis_plan_version v
				left join user_account u on u.id = v.created_by
				where v.cpts_id = :c and v.version = coalesce(:v, (select max(version) from crisis_plan_version where cpts_id = :c))""")
			.param("c", cptsId).param("v", version)
			.query((rs, n) -> new Version(cptsId, rs.getInt(1), JSON.readValue(rs.getString(2), CrisisPlan.class), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.optional();
	}

	/** The versions, newest first, without their content. */
	public List<Version> versions(UUID cptsId) {
		return jdbc.sql("""
				select v.version, v.note, v.created_at, u.display_name from crisis_plan_version v left join user_account u on u.id = v.created_by
				where v.cpts_id = :c order by v.version desc""")
			.param("c", cptsId)
			.query((rs, n) -> new Version(cptsId, rs.getInt(1), CrisisPlan.empty(), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.list();
	}

	public Set<Skill> skills(UUID cptsId, UUID userId) {
		return jdbc.sql("select skills from crisis_skill where cpts_id = :c and user_id = :u").param("c", cptsId).param("u", userId)
			.query((rs, n) -> skillSet((String[]) rs.getArray(1).getArray())).optional().orElse(EnumSet.noneOf(Skill.class));
	}

	/** Every declared skill of the CPTS's people, by user. */
	public Map<UUID, Set<Skill>> skills(UUID cptsId) {
		return jdbc.sql("select user_id, skills from crisis_skill where cpts_id = :c").param("c", cptsId)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), skillSet((String[]) rs.getArray(2).getArray()))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public void saveSkills(UUID cptsId, UUID userId, Set<Skill> skills) {
		jdbc.sql("""
				insert into crisis_skill (cpts_id, user_id, skills) values (:c, :u, :s)
				on conflict (cpts_id, user_id) do update set skills = excluded.skills, updated_at = now()""")
			.param("c", cptsId).param("u", userId).param("s", skills.stream().map(Enum::name).sorted().toArray(String[]::new)).update();
	}

	private static Set<Skill> skillSet(String[] names) {
		Set<Skill> out = EnumSet.noneOf(Skill.class);
		Arrays.stream(names).forEach(n -> {
			try {
				out.add(Skill.valueOf(n));
			} catch (IllegalArgumentException ex) {
				// a skill no longer offered
			}
		});
		return out;
	}

	/** The CPTS whose plan's latest version is older than {@code before} and that were not reminded since {@code since}. */
	public List<UUID> dueForReview(Instant before, Instant since) {
		return jdbc.sql("""
				select v.cpts_id from crisis_plan_version v group by v.cpts_id
				having max(v.created_at) < :b and not exists (select 1 from crisis_plan_review r where r.cpts_id = v.cpts_id and r.reminded_at > :s)""")
			.param("b", java.sql.Timestamp.from(before)).param("s", java.sql.Timestamp.from(since)).query(UUID.class).list();
	}

	public void reminded(UUID cptsId, Instant at) {
		jdbc.sql("""
				insert into crisis_plan_review (cpts_id, reminded_at) values (:c, :at)
				on conflict (cpts_id) do update set reminded_at = excluded.reminded_at""").param("c", cptsId).param("at", java.sql.Timestamp.from(at)).update();
	}

}
