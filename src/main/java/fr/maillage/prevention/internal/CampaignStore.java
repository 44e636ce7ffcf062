package fr.maillage.prevention.internal;

import fr.maillage.prevention.Campaign;
import fr.maillage.prevention.CampaignAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the national calendar, the campaigns and their actions. */
@Repository
public class CampaignStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<List<Campaign.Named>> NAMED = new TypeReference<>() {
	};

	/** A theme of the national calendar: its usual period as month and day. */
	public record Theme(String code, String name, @Nullable String description, @Nullable String target, int fromMonth, int fromDay, int toMonth,
			int toDay) {

		/** The period of the campaign that starts in {@code year} (to the next year when it crosses the new year). */
		public LocalDate[] period(int year) {
			LocalDate from = LocalDate.of(year, fromMonth, Math.min(fromDay, java.time.YearMonth.of(year, fromMonth).lengthOfMonth()));
			int toYear = toMonth < fromMonth || (toMonth == fromMonth && toDay < fromDay) ? year + 1 : year;
			LocalDate to = LocalDate.of(toYear, toMonth, Math.min(toDay, java.time.YearMonth.of(toYear, toMonth).lengthOfMonth()));
			return new LocalDate[] { from, to };
		}
	}

	private final JdbcClient jdbc;

	CampaignStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Theme> themes() {
		return jdbc.sql("select * from campaign_theme order by position, name").query((rs, n) -> new Theme(rs.getString("code"), rs.getString("name"),
				rs.getString("description"), rs.getString("target"), rs.getInt("from_month"), rs.getInt("from_day"), rs.getInt("to_month"),
				rs.getInt("to_day"))).list();
	}

	public void saveTheme(Theme t) {
		jdbc.sql("""
				insert into campaign_theme (code, name, description, target, from_month, from_day, to_month, to_day, position)
				values (:c, :n, :d, :t, :fm, :fd, :tm, :td, (select coalesce(max(position), 0) + 1 from campaign_theme))
				on conflict (code) do update set name = excluded.name, description = excluded.description, target = excluded.target,
				  from_month = excluded.from_month, from_day = excluded.from_day, to_month = excluded.to_month, to_day = excluded.to_day""")
			.param("c", t.code()).param("n", t.name()).param("d", t.description()).param("t", t.target()).param("fm", t.fromMonth())
			.param("fd", t.fromDay()).param("tm", t.toMonth()).param("td", t.toDay()).update();
	}

	public void insert(Campaign c, UUID by) {
		jdbc.sql("""
				insert into campaign (id, cpts_id, theme_code, title, starts_on, ends_on, target_ages, target_sex, target_communes, qpv, objectives,
				  partners, professionals, created_by)
				values (:id, :c, :th, :t, :s, :e, :ages, :sex, :com, :qpv, :o, cast(:p as jsonb), cast(:pro as jsonb), :by)""")
			.param("id", c.id()).param("c", c.cptsId()).param("th", c.themeCode()).param("t", c.title()).param("s", c.startsOn()).param("e", c.endsOn())
			.param("ages", c.targetAges()).param("sex", c.targetSex().name()).param("com", c.targetCommunes().toArray(String[]::new)).param("qpv", c.qpv())
			.param("o", c.objectives()).param("p", JSON.writeValueAsString(c.partners())).param("pro", JSON.writeValueAsString(c.professionals()))
			.param("by", by).update();
	}

	public List<Campaign> ofCpts(UUID cptsId) {
		return jdbc.sql("select * from campaign where cpts_id = :c order by starts_on desc").param("c", cptsId).query(CampaignStore::campaign).list();
	}

	public Optional<Campaign> find(UUID id) {
		return jdbc.sql("select * from campaign where id = :id").param("id", id).query(CampaignStore::campaign).optional();
	}

	public void save(CampaignAction a) {
		CampaignAction.Results r = a.results();
		jdbc.sql("""
				insert into campaign_action (id, campaign_id, kind, title, place, on_date, who, done, people_reached, screenings_offered, screenings_done,
				  vaccinations, leaflets, note)
				values (:id, :c, :k, :t, :p, :d, :w, :done, :pr, :so, :sd, :v, :l, :n)
				on conflict (id) do update set done = excluded.done, people_reached = excluded.people_reached,
				  screenings_offered = excluded.screenings_offered, screenings_done = excluded.screenings_done, vaccinations = excluded.vaccinations,
				  leaflets = excluded.leaflets, note = excluded.note""")
			.param("id", a.id()).param("c", a.campaignId()).param("k", a.kind().name()).param("t", a.title()).param("p", a.place()).param("d", a.onDate())
			.param("w", a.who()).param("done", a.done()).param("pr", r == null ? null : r.peopleReached())
			.param("so", r == null ? null : r.screeningsOffered()).param("sd", r == null ? null : r.screeningsDone())
			.param("v", r == null ? null : r.vaccinations()).param("l", r == null ? null : r.leaflets()).param("n", r == null ? null : r.note()).update();
	}

	public List<CampaignAction> actions(UUID campaignId) {
		return jdbc.sql("select * from campaign_action where campaign_id = :c order by on_date, created_at").param("c", campaignId)
			.query(CampaignStore::action).list();
	}

	public Optional<CampaignAction> action(UUID actionId) {
		return jdbc.sql("select * from campaign_action where id = :id").param("id", actionId).query(CampaignStore::action).optional();
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	static CampaignAction action(ResultSet rs, int n) throws SQLException {
		boolean done = rs.getBoolean("done");
		return new CampaignAction(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class), CampaignAction.Kind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getString("place"), rs.getObject("on_date", LocalDate.class), rs.getString("who"), done,
				done ? new CampaignAction.Results(integer(rs, "people_reached"), integer(rs, "screenings_offered"), integer(rs, "screenings_done"),
						integer(rs, "vaccinations"), integer(rs, "leaflets"), rs.getString("note")) : null);
	}

	static Campaign campaign(ResultSet rs, int n) throws SQLException {
		java.sql.Array communes = rs.getArray("target_communes");
		return new Campaign(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), rs.getString("theme_code"), rs.getString("title"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("target_ages"),
				Campaign.TargetSex.valueOf(rs.getString("target_sex")), communes == null ? List.of() : Arrays.asList((String[]) communes.getArray()),
				rs.getBoolean("qpv"), rs.getString("objectives"), JSON.readValue(rs.getString("partners"), NAMED),
				JSON.readValue(rs.getString("professionals"), NAMED));
	}

	public List<Campaign.Named> materials(UUID campaignId) {
		return jdbc.sql("select document_id, title from campaign_material where campaign_id = :c order by added_at, title").param("c", campaignId)
			.query((rs, n) -> new Campaign.Named(rs.getObject(1, UUID.class), rs.getString(2))).list();
	}

	public void addMaterial(UUID campaignId, Campaign.Named document, UUID by) {
		jdbc.sql("""
				insert into campaign_material (campaign_id, document_id, title, added_by) values (:c, :d, :t, :by)
				on conflict (campaign_id, document_id) do update set title = excluded.title""")
			.param("c", campaignId).param("d", document.id()).param("t", document.name()).param("by", by).update();
	}

	public boolean removeMaterial(UUID campaignId, UUID documentId) {
		return jdbc.sql("delete from campaign_material where campaign_id = :c and document_id = :d").param("c", campaignId).param("d", documentId)
			.update() == 1;
	}
}
