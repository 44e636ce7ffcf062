package fr.maillage.crisis.internal;

import fr.maillage.crisis.Shift;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for a crisis's sites, their shifts and sign-ups. */
@Repository
public class ShiftStore {

	/** A site the crisis opened. */
	public record Site(UUID id, UUID crisisId, String name, String kind, @Nullable String address, @Nullable String communeCode) {
	}

	/** Someone signed up for a shift. */
	public record Signup(UUID shiftId, UUID userId, Shift.Role role, String label, boolean swapAsked) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<Map<Shift.Role, Integer>> NEEDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	ShiftStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertSite(Site s, UUID by) {
		jdbc.sql("insert into crisis_site (id, crisis_id, name, kind, address, commune_code, created_by) values (:id, :c, :n, :k, :a, :com, :by)")
			.param("id", s.id()).param("c", s.crisisId()).param("n", s.name()).param("k", s.kind()).param("a", s.address()).param("com", s.communeCode())
			.param("by", by).update();
	}

	public Optional<Site> site(UUID id) {
		return jdbc.sql("select * from crisis_site where id = :id").param("id", id).query((rs, n) -> new Site(rs.getObject("id", UUID.class),
				rs.getObject("crisis_id", UUID.class), rs.getString("name"), rs.getString("kind"), rs.getString("address"), rs.getString("commune_code")))
			.optional();
	}

	public List<Site> sites(UUID crisisId) {
		return jdbc.sql("select * from crisis_site where crisis_id = :c order by created_at").param("c", crisisId)
			.query((rs, n) -> new Site(rs.getObject("id", UUID.class), rs.getObject("crisis_id", UUID.class), rs.getString("name"), rs.getString("kind"),
					rs.getString("address"), rs.getString("commune_code")))
			.list();
	}

	public void insertShift(UUID id, UUID siteId, Instant from, Instant to, Map<Shift.Role, Integer> needs) {
		jdbc.sql("insert into crisis_shift (id, site_id, starts_at, ends_at, needs) values (:id, :s, :f, :t, cast(:n as jsonb))").param("id", id)
			.param("s", siteId).param("f", java.sql.Timestamp.from(from)).param("t", java.sql.Timestamp.from(to)).param("n", JSON.writeValueAsString(needs))
			.update();
	}

	/** The shifts of a site in order, with how many signed up per role (two queries, whatever the number of shifts). */
	public List<Shift> shifts(UUID siteId) {
		Map<UUID, Map<Shift.Role, Integer>> filled = new java.util.HashMap<>();
		jdbc.sql("""
				select g.shift_id, g.role, count(*) from crisis_shift_signup g join crisis_shift s on s.id = g.shift_id
				where s.site_id = :s group by g.shift_id, g.role""").param("s", siteId)
			.query(rs -> {
				filled.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(Shift.Role.class)).put(Shift.Role.valueOf(rs.getString(2)),
						rs.getInt(3));
			});
		return jdbc.sql("select * from crisis_shift where site_id = :s order by starts_at").param("s", siteId)
			.query((rs, n) -> shift(rs, filled.getOrDefault(rs.getObject("id", UUID.class), new EnumMap<>(Shift.Role.class)))).list();
	}

	/** A shift, its row locked until the transaction ends when {@code lock} (sign-ups are decided one at a time per shift). */
	public Optional<Shift> shift(UUID id, boolean lock) {
		return jdbc.sql("select * from crisis_shift where id = :id" + (lock ? " for update" : "")).param("id", id).query((rs, n) -> {
			Map<Shift.Role, Integer> filled = new EnumMap<>(Shift.Role.class);
			jdbc.sql("select role, count(*) from crisis_shift_signup where shift_id = :s group by role").param("s", id)
				.query(r -> {
					filled.put(Shift.Role.valueOf(r.getString(1)), r.getInt(2));
				});
			return shift(rs, filled);
		}).optional();
	}

	private static Shift shift(java.sql.ResultSet rs, Map<Shift.Role, Integer> filled) throws java.sql.SQLException {
		return new Shift(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), needs(rs.getString("needs")), filled, (Integer) rs.getObject("doses"),
				(Integer) rs.getObject("consultations"));
	}

	private static Map<Shift.Role, Integer> needs(String json) {
		Map<Shift.Role, Integer> out = new EnumMap<>(Shift.Role.class);
		out.putAll(JSON.readValue(json, NEEDS));
		return out;
	}

	/** Signs up; false when already signed up. */
	public boolean signUp(UUID shiftId, UUID userId, Shift.Role role, String label) {
		return jdbc.sql("""
				insert into crisis_shift_signup (shift_id, user_id, role, label) values (:s, :u, :r, :l) on conflict do nothing""")
			.param("s", shiftId).param("u", userId).param("r", role.name()).param("l", label).update() == 1;
	}

	public boolean withdraw(UUID shiftId, UUID userId) {
		return jdbc.sql("delete from crisis_shift_signup where shift_id = :s and user_id = :u").param("s", shiftId).param("u", userId).update() == 1;
	}

	public List<Signup> signups(UUID siteId) {
		return jdbc.sql("""
				select g.shift_id, g.user_id, g.role, g.label, g.swap_asked_at is not null from crisis_shift_signup g join crisis_shift s on s.id = g.shift_id
				where s.site_id = :s order by s.starts_at, g.role, g.label""").param("s", siteId)
			.query((rs, n) -> new Signup(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Shift.Role.valueOf(rs.getString(3)), rs.getString(4),
					rs.getBoolean(5)))
			.list();
	}

	/** Marks (or unmarks) one's place as offered; false when not signed up. */
	public boolean askSwap(UUID shiftId, UUID userId, boolean asked) {
		return jdbc.sql("update crisis_shift_signup set swap_asked_at = case when :a then now() end where shift_id = :s and user_id = :u")
			.param("a", asked).param("s", shiftId).param("u", userId).update() == 1;
	}

	/** Hands an offered place to someone else (same role), in the caller's transaction under the shift's lock; the former holder, or empty. */
	public Optional<Signup> takeOffered(UUID shiftId, UUID from, UUID to, String label) {
		Optional<Signup> offered = jdbc.sql("""
				delete from crisis_shift_signup where shift_id = :s and user_id = :f and swap_asked_at is not null
				returning shift_id, user_id, role, label""").param("s", shiftId).param("f", from)
			.query((rs, n) -> new Signup(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Shift.Role.valueOf(rs.getString(3)), rs.getString(4), true))
			.optional();
		offered.ifPresent(o -> signUp(shiftId, to, o.role(), label));
		return offered;
	}

	/** Claims the shifts starting before {@code until} not yet reminded, with their sign-ups' users. */
	public List<Object[]> claimReminders(Instant now, Instant until) {
		return jdbc.sql("""
				with due as (update crisis_shift set reminded_at = :now where reminded_at is null and starts_at > :now and starts_at <= :until returning id)
				select g.user_id, s.id, s.starts_at, x.name, k.cpts_id from due join crisis_shift s on s.id = due.id
				join crisis_shift_signup g on g.shift_id = s.id join crisis_site x on x.id = s.site_id join crisis k on k.id = x.crisis_id""")
			.param("now", java.sql.Timestamp.from(now)).param("until", java.sql.Timestamp.from(until))
			.query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(), rs.getString(4),
					rs.getObject(5, UUID.class)})
			.list();
	}

	public UUID siteOf(UUID shiftId) {
		return jdbc.sql("select site_id from crisis_shift where id = :s").param("s", shiftId).query(UUID.class).single();
	}

	public void saveCounts(UUID shiftId, @Nullable Integer doses, @Nullable Integer consultations, UUID by) {
		jdbc.sql("update crisis_shift set doses = :d, consultations = :c, counted_by = :by, counted_at = now() where id = :id").param("d", doses)
			.param("c", consultations).param("by", by).param("id", shiftId).update();
	}
}
