package fr.maillage.crisis.internal;

import fr.maillage.crisis.CrisisAlert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for a crisis's alerts, their recipients and answers, and the board's counts. */
@Repository
public class AlertStore {

	/** A recipient as the alert keeps them (their name, profession and commune when it was sent). */
	public record Recipient(UUID userId, String label, @Nullable String profession, @Nullable String communeCode, @Nullable String communeName) {
	}

	/** A row of the board: who, what they answered, when. */
	public record Answered(UUID userId, String label, @Nullable String profession, @Nullable String communeName, CrisisAlert.@Nullable Answer answer,
			@Nullable Instant answeredAt, @Nullable Instant remindedAt) {
	}

	/** Counts of a group (a profession, a commune, everyone). */
	public record Counts(String group, long recipients, long now, long within24h, long unavailable, long silent) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	AlertStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(CrisisAlert a, List<Recipient> recipients, UUID by) {
		jdbc.sql("""
				insert into crisis_alert (id, crisis_id, message, target, status, remind_after, recipients, created_by)
				values (:id, :c, :m, cast(:t as jsonb), 'OPEN', :r, :n, :by)""")
			.param("id", a.id()).param("c", a.crisisId()).param("m", a.message()).param("t", JSON.writeValueAsString(a.target()))
			.param("r", a.remindAfterMinutes()).param("n", recipients.size()).param("by", by).update();
		jdbc.sql("""
				insert into crisis_alert_recipient (alert_id, user_id, label, profession, commune_code, commune_name)
				select :a, r.u, r.l, r.p, r.c, r.n from unnest(:u, :l, :p, :c, :n) as r(u, l, p, c, n)""")
			.param("a", a.id()).param("u", recipients.stream().map(Recipient::userId).toArray(UUID[]::new))
			.param("l", recipients.stream().map(Recipient::label).toArray(String[]::new))
			.param("p", recipients.stream().map(Recipient::profession).toArray(String[]::new))
			.param("c", recipients.stream().map(Recipient::communeCode).toArray(String[]::new))
			.param("n", recipients.stream().map(Recipient::communeName).toArray(String[]::new)).update();
	}

	public Optional<CrisisAlert> find(UUID id) {
		return jdbc.sql("select * from crisis_alert where id = :id").param("id", id).query(AlertStore::alert).optional();
	}

	public List<CrisisAlert> ofCrisis(UUID crisisId) {
		return jdbc.sql("select * from crisis_alert where crisis_id = :c order by created_at desc").param("c", crisisId).query(AlertStore::alert).list();
	}

	static CrisisAlert alert(ResultSet rs, int n) throws SQLException {
		return new CrisisAlert(rs.getObject("id", UUID.class), rs.getObject("crisis_id", UUID.class), rs.getString("message"),
				JSON.readValue(rs.getString("target"), CrisisAlert.Target.class), CrisisAlert.Status.valueOf(rs.getString("status")), rs.getInt("remind_after"),
				rs.getInt("recipients"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant());
	}

	/** Claims up to {@code limit} recipients not yet notified, marking them notified (in the caller's transaction, with their notices). */
	public List<UUID> claimUnnotified(UUID alertId, int limit) {
		return jdbc.sql("""
				update crisis_alert_recipient r set notified_at = now() from (
				  select user_id from crisis_alert_recipient where alert_id = :a and notified_at is null limit :n for update skip locked) x
				where r.alert_id = :a and r.user_id = x.user_id returning r.user_id""")
			.param("a", alertId).param("n", limit).query(UUID.class).list();
	}

	public void delivered(UUID alertId) {
		jdbc.sql("update crisis_alert set delivered_at = coalesce(delivered_at, now()) where id = :a").param("a", alertId).update();
	}

	/**
	 * Records an answer in one statement while the alert is open; the crisis's id, or empty when the
	 * user was not asked or the alert is closed ({@link #answerOf} and {@link #find} then tell which).
	 */
	public Optional<UUID> answerIfOpen(UUID alertId, UUID userId, CrisisAlert.Answer answer) {
		return jdbc.sql("""
				update crisis_alert_recipient r set answer = :v, answered_at = now() from crisis_alert a
				where a.id = r.alert_id and r.alert_id = :a and r.user_id = :u and a.status = 'OPEN' returning a.crisis_id""")
			.param("v", answer.name()).param("a", alertId).param("u", userId).query(UUID.class).optional();
	}

	/** Records an answer; false when the user was not asked. */
	public boolean answer(UUID alertId, UUID userId, CrisisAlert.Answer answer) {
		return jdbc.sql("update crisis_alert_recipient set answer = :v, answered_at = now() where alert_id = :a and user_id = :u")
			.param("v", answer.name()).param("a", alertId).param("u", userId).update() == 1;
	}

	public Optional<CrisisAlert.Answer> answerOf(UUID alertId, UUID userId) {
		return jdbc.sql("select answer from crisis_alert_recipient where alert_id = :a and user_id = :u").param("a", alertId).param("u", userId)
			.query((rs, n) -> rs.getString(1) == null ? Optional.<CrisisAlert.Answer>empty() : Optional.of(CrisisAlert.Answer.valueOf(rs.getString(1))))
			.optional().orElseThrow(fr.maillage.platform.NotFoundException::new);
	}

	public void saveClosed(UUID alertId) {
		jdbc.sql("update crisis_alert set status = 'CLOSED', closed_at = now() where id = :a and status = 'OPEN'").param("a", alertId).update();
	}

	/** The board's counts in one pass: everyone, by profession, by commune (each group by number of recipients). */
	public record BoardCounts(Counts total, List<Counts> byProfession, List<Counts> byCommune) {
	}

	public BoardCounts boardCounts(UUID alertId) {
		List<Counts> professions = new java.util.ArrayList<>();
		List<Counts> communes = new java.util.ArrayList<>();
		Counts[] total = {new Counts("*", 0, 0, 0, 0, 0)};
		jdbc.sql("""
				select grouping(profession), grouping(commune_name), coalesce(profession, '—'), coalesce(commune_name, '—'), count(*),
				  count(*) filter (where answer = 'NOW'), count(*) filter (where answer = 'WITHIN_24H'),
				  count(*) filter (where answer = 'UNAVAILABLE'), count(*) filter (where answer is null)
				from crisis_alert_recipient where alert_id = :a group by grouping sets ((), (profession), (commune_name)) order by 5 desc, 3, 4""")
			.param("a", alertId).query((rs, n) -> {
				boolean byProfession = rs.getInt(1) == 0;
				boolean byCommune = rs.getInt(2) == 0;
				Counts c = new Counts(byProfession ? rs.getString(3) : byCommune ? rs.getString(4) : "*", rs.getLong(5), rs.getLong(6), rs.getLong(7),
						rs.getLong(8), rs.getLong(9));
				if (byProfession) {
					professions.add(c);
				} else if (byCommune) {
					communes.add(c);
				} else {
					total[0] = c;
				}
				return c;
			}).list();
		return new BoardCounts(total[0], professions, communes);
	}

	/** The people who answered {@code answer} (or who have not, when null), at most {@code limit}, by name. */
	public List<Answered> people(UUID alertId, CrisisAlert.@Nullable Answer answer, int limit) {
		return jdbc.sql("""
				select user_id, label, profession, commune_name, answer, answered_at, reminded_at from crisis_alert_recipient
				where alert_id = :a and (case when cast(:v as text) is null then answer is null else answer = :v end) order by label limit :n""")
			.param("a", alertId).param("v", answer == null ? null : answer.name()).param("n", limit)
			.query((rs, n) -> new Answered(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5) == null ? null : CrisisAlert.Answer.valueOf(rs.getString(5)), ts(rs, 6), ts(rs, 7)))
			.list();
	}

	/** Who answered available (now or within a day) to any alert of a crisis and is signed up for no shift of a site. */
	public List<UUID> availableNotSignedUp(UUID crisisId, UUID siteId) {
		return jdbc.sql("""
				select distinct r.user_id from crisis_alert_recipient r join crisis_alert a on a.id = r.alert_id
				where a.crisis_id = :c and r.answer in ('NOW', 'WITHIN_24H')
				  and not exists (select 1 from crisis_shift_signup g join crisis_shift s on s.id = g.shift_id
				                  where s.site_id = :s and g.user_id = r.user_id)""")
			.param("c", crisisId).param("s", siteId).query(UUID.class).list();
	}

	/** Claims, for reminding once, the silent recipients of open alerts older than their delay. */
	public List<Object[]> claimReminders(Instant now) {
		return jdbc.sql("""
				update crisis_alert_recipient r set reminded_at = :now from crisis_alert a
				where a.id = r.alert_id and a.status = 'OPEN' and r.answer is null and r.reminded_at is null and r.notified_at is not null
				  and a.created_at + make_interval(mins => a.remind_after) < :now
				returning r.alert_id, r.user_id""")
			.param("now", java.sql.Timestamp.from(now)).query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
	}

	/** The open alerts of crises to which this user was sent, newest first (their own alerts). */
	public List<CrisisAlert> openFor(UUID userId) {
		return jdbc.sql("""
				select a.* from crisis_alert a join crisis_alert_recipient r on r.alert_id = a.id
				where r.user_id = :u and a.status = 'OPEN' order by a.created_at desc limit 50""").param("u", userId).query(AlertStore::alert).list();
	}

	private static @Nullable Instant ts(ResultSet rs, int i) throws SQLException {
		return rs.getTimestamp(i) == null ? null : rs.getTimestamp(i).toInstant();
	}
}
