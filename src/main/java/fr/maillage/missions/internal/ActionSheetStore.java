package fr.maillage.missions.internal;

import fr.maillage.missions.ActionSheet;
import fr.maillage.missions.OwnMission;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for action sheets, their validated versions and the CPTS's own missions. */
@Repository
public class ActionSheetStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<List<ActionSheet.Person>> PEOPLE = new TypeReference<>() {
	};
	private static final TypeReference<List<ActionSheet.Partner>> PARTNERS = new TypeReference<>() {
	};
	private static final TypeReference<List<ActionSheet.Milestone>> MILESTONES = new TypeReference<>() {
	};
	private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {
	};

	/** A validated version: its number, when and the sheet as it was. */
	public record Version(int number, Instant validatedAt, ActionSheet sheet) {
	}

	private final JdbcClient jdbc;

	ActionSheetStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ActionSheet> list(UUID cptsId, @Nullable Integer year) {
		return jdbc.sql("select * from action_sheet where cpts_id = :c and (:y::int is null or year = :y) order by year desc, mission, title")
			.param("c", cptsId).param("y", year).query(this::map).list();
	}

	public Optional<ActionSheet> find(UUID cptsId, UUID sheetId) {
		return jdbc.sql("select * from action_sheet where cpts_id = :c and id = :id").param("c", cptsId).param("id", sheetId).query(this::map).optional();
	}

	public void insert(ActionSheet s) {
		jdbc.sql("""
				insert into action_sheet (id, cpts_id, year, mission, title, context, objectives, target_population, actions, pilot, team, partners,
				  milestones, indicator_ids, status, copied_from)
				values (:id, :c, :y, :m, :t, :ctx, :o, :p, :a, cast(:pilot as jsonb), cast(:team as jsonb), cast(:partners as jsonb),
				  cast(:ms as jsonb), cast(:ind as jsonb), :s, :from)""")
			.params(params(s)).param("from", s.copiedFrom()).update();
	}

	/** Writes the sheet's content and status; false when {@code expectedVersion} is not the stored one. */
	public boolean update(ActionSheet s, int expectedVersion) {
		return jdbc.sql("""
				update action_sheet set year = :y, mission = :m, title = :t, context = :ctx, objectives = :o, target_population = :p, actions = :a,
				  pilot = cast(:pilot as jsonb), team = cast(:team as jsonb), partners = cast(:partners as jsonb), milestones = cast(:ms as jsonb),
				  indicator_ids = cast(:ind as jsonb), status = :s, version = version + 1, updated_at = now()
				where id = :id and cpts_id = :c and version = :v""")
			.params(params(s)).param("v", expectedVersion).update() == 1;
	}

	public int addVersion(ActionSheet s, UUID by) {
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from action_sheet_version where sheet_id = :s").param("s", s.id()).query(Integer.class).single();
		jdbc.sql("insert into action_sheet_version (sheet_id, number, content, validated_by) values (:s, :n, cast(:c as jsonb), :by)")
			.param("s", s.id()).param("n", number).param("c", JSON.writeValueAsString(s)).param("by", by).update();
		return number;
	}

	public List<Version> versions(UUID sheetId) {
		return jdbc.sql("select number, validated_at, content from action_sheet_version where sheet_id = :s order by number desc").param("s", sheetId)
			.query((rs, n) -> new Version(rs.getInt("number"), rs.getObject("validated_at", OffsetDateTime.class).toInstant(),
					JSON.readValue(rs.getString("content"), ActionSheet.class)))
			.list();
	}

	public List<OwnMission> ownMissions(UUID cptsId) {
		return jdbc.sql("select * from own_mission where cpts_id = :c order by title").param("c", cptsId)
			.query((rs, n) -> new OwnMission(rs.getObject("id", UUID.class), cptsId, rs.getString("title"), rs.getString("description"),
					rs.getString("funding")))
			.list();
	}

	public void insertOwnMission(OwnMission m) {
		jdbc.sql("insert into own_mission (id, cpts_id, title, description, funding) values (:id, :c, :t, :d, :f)").param("id", m.id())
			.param("c", m.cptsId()).param("t", m.title()).param("d", m.description()).param("f", m.funding()).update();
	}

	private java.util.Map<String, @Nullable Object> params(ActionSheet s) {
		java.util.Map<String, @Nullable Object> p = new java.util.HashMap<>();
		p.put("id", s.id());
		p.put("c", s.cptsId());
		p.put("y", s.year());
		p.put("m", s.mission());
		p.put("t", s.title());
		p.put("ctx", s.context());
		p.put("o", s.objectives());
		p.put("p", s.targetPopulation());
		p.put("a", s.actions());
		p.put("pilot", s.pilot() == null ? null : JSON.writeValueAsString(s.pilot()));
		p.put("team", JSON.writeValueAsString(s.team()));
		p.put("partners", JSON.writeValueAsString(s.partners()));
		p.put("ms", JSON.writeValueAsString(s.milestones()));
		p.put("ind", JSON.writeValueAsString(s.indicatorIds()));
		p.put("s", s.status().name());
		return p;
	}

	private ActionSheet map(ResultSet rs, int n) throws SQLException {
		String pilot = rs.getString("pilot");
		return new ActionSheet(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), rs.getInt("year"), rs.getString("mission"),
				rs.getString("title"), rs.getString("context"), rs.getString("objectives"), rs.getString("target_population"), rs.getString("actions"),
				pilot == null ? null : JSON.readValue(pilot, ActionSheet.Person.class), JSON.readValue(rs.getString("team"), PEOPLE),
				JSON.readValue(rs.getString("partners"), PARTNERS), JSON.readValue(rs.getString("milestones"), MILESTONES),
				JSON.readValue(rs.getString("indicator_ids"), IDS), ActionSheet.Status.valueOf(rs.getString("status")),
				rs.getObject("copied_from", UUID.class), rs.getInt("version"));
	}
}
