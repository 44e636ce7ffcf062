package fr.maillage.prevention.internal;

import fr.maillage.prevention.PreventionEvent;
import fr.maillage.prevention.Registration;
import fr.maillage.shared.Secrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for events, their registrations and the registrants' link tokens. */
@Repository
public class EventStore {

	private final JdbcClient jdbc;

	EventStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(PreventionEvent e, @Nullable UUID by) {
		jdbc.sql("""
				insert into prevention_event (id, cpts_id, title, description, audience, starts_at, ends_at, place, address, commune_code, capacity, status, created_by)
				values (:id, :c, :t, :d, :a, :s, :e, :p, :addr, :com, :cap, :st, :by)""")
			.param("id", e.id()).param("c", e.cptsId()).param("t", e.title()).param("d", e.description()).param("a", e.audience().name())
			.param("s", Timestamp.from(e.startsAt())).param("e", Timestamp.from(e.endsAt())).param("p", e.place()).param("addr", e.address())
			.param("com", e.communeCode()).param("cap", e.capacity()).param("st", e.status().name()).param("by", by).update();
	}

	/** Writes the event; false when {@code expectedVersion} is not the stored one. */
	public boolean update(PreventionEvent e, int expectedVersion) {
		return jdbc.sql("""
				update prevention_event set title = :t, description = :d, audience = :a, starts_at = :s, ends_at = :e, place = :p, address = :addr,
				  commune_code = :com, capacity = :cap, status = :st, version = version + 1 where id = :id and version = :v""")
			.param("id", e.id()).param("t", e.title()).param("d", e.description()).param("a", e.audience().name())
			.param("s", Timestamp.from(e.startsAt())).param("e", Timestamp.from(e.endsAt())).param("p", e.place()).param("addr", e.address())
			.param("com", e.communeCode()).param("cap", e.capacity()).param("st", e.status().name()).param("v", expectedVersion).update() == 1;
	}

	public Optional<PreventionEvent> find(UUID id) {
		return jdbc.sql("select * from prevention_event where id = :id").param("id", id).query(EventStore::event).optional();
	}

	/** The event, its row locked until the transaction ends: registrations to one event go one at a time. */
	public Optional<PreventionEvent> lock(UUID id) {
		return jdbc.sql("select * from prevention_event where id = :id for update").param("id", id).query(EventStore::event).optional();
	}

	public List<PreventionEvent> ofCpts(UUID cptsId) {
		return jdbc.sql("select * from prevention_event where cpts_id = :c order by starts_at desc").param("c", cptsId).query(EventStore::event).list();
	}

	/** Public events of a CPTS not over yet, soonest first. */
	public List<PreventionEvent> upcomingPublic(UUID cptsId, Instant now) {
		return jdbc.sql("""
				select * from prevention_event where cpts_id = :c and audience = 'PUBLIC' and status <> 'CANCELLED' and ends_at > :now
				order by starts_at limit 50""").param("c", cptsId).param("now", Timestamp.from(now)).query(EventStore::event).list();
	}

	public record Counts(long registered, long waiting, long attended) {
	}

	public Counts counts(UUID eventId) {
		return jdbc.sql("""
				select count(*) filter (where status = 'REGISTERED'), count(*) filter (where status = 'WAITING'),
				  count(*) filter (where status = 'REGISTERED' and attended_at is not null) from event_registration where event_id = :e""")
			.param("e", eventId).query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
	}

	/** A position in the order of arrival, and whether a place came with it. */
	public record Seat(long position, boolean registered) {
	}

	/**
	 * Takes the next position of an open event, and a place while there is one. The event's row stays
	 * locked until the transaction ends: the caller does only the registration's insert afterwards.
	 * Empty when the event no longer takes registrations.
	 */
	public Optional<Seat> takeSeat(UUID eventId) {
		return jdbc.sql("""
				update prevention_event e set taken = e.taken + 1, registered = e.registered + case when e.registered < e.capacity then 1 else 0 end
				from (select registered from prevention_event where id = :id for update) before
				where e.id = :id and e.status = 'OPEN' and e.ends_at > now()
				returning e.taken, before.registered < e.capacity""")
			.param("id", eventId).query((rs, n) -> new Seat(rs.getLong(1), rs.getBoolean(2))).optional();
	}

	/** Places taken, the event's row locked (cancellations, promotions). */
	public int lockRegistered(UUID eventId) {
		return jdbc.sql("select registered from prevention_event where id = :id for update").param("id", eventId).query(Integer.class).single();
	}

	public void addRegistered(UUID eventId, int delta) {
		jdbc.sql("update prevention_event set registered = registered + :d where id = :id").param("d", delta).param("id", eventId).update();
	}

	public void insert(Registration r, Instant consentAt, @Nullable UUID userId) {
		jdbc.sql("""
				insert into event_registration (id, event_id, position, name, email, phone, profession, user_id, status, consent_at, registered_at)
				values (:id, :e, :pos, :n, :m, :p, :pro, :u, :s, :c, :at)""")
			.param("id", r.id()).param("e", r.eventId()).param("pos", r.position()).param("n", r.name()).param("m", r.email()).param("p", r.phone())
			.param("pro", r.profession())
			.param("u", userId).param("s", r.status().name()).param("c", Timestamp.from(consentAt)).param("at", Timestamp.from(r.registeredAt())).update();
	}

	public void update(Registration r) {
		jdbc.sql("""
				update event_registration set status = :s, promoted_at = :p, cancelled_at = :c, attended_at = :a where id = :id""")
			.param("id", r.id()).param("s", r.status().name()).param("p", ts(r.promotedAt())).param("c", ts(r.cancelledAt()))
			.param("a", ts(r.attendedAt())).update();
	}

	public Optional<Registration> registration(UUID id) {
		return jdbc.sql("select * from event_registration where id = :id").param("id", id).query(EventStore::registration).optional();
	}

	public List<Registration> registrations(UUID eventId) {
		return jdbc.sql("select * from event_registration where event_id = :e order by position").param("e", eventId).query(EventStore::registration)
			.list();
	}

	public boolean standing(UUID eventId, String email) {
		return jdbc.sql("select exists (select 1 from event_registration where event_id = :e and lower(email) = lower(:m) and status <> 'CANCELLED')")
			.param("e", eventId).param("m", email).query(Boolean.class).single();
	}

	public Optional<Registration> firstWaiting(UUID eventId) {
		return jdbc.sql("select * from event_registration where event_id = :e and status = 'WAITING' order by position limit 1").param("e", eventId)
			.query(EventStore::registration).optional();
	}

	/** How many wait before this one. */
	public long ahead(Registration r) {
		return jdbc.sql("select count(*) from event_registration where event_id = :e and status = 'WAITING' and position < :p")
			.param("e", r.eventId()).param("p", r.position()).query(Long.class).single();
	}

	public void addToken(UUID registrationId, String token) {
		jdbc.sql("insert into event_registration_token (token_hash, registration_id) values (:h, :r)").param("h", Secrets.sha256(token))
			.param("r", registrationId).update();
	}

	public boolean tokenMatches(UUID registrationId, String token) {
		return jdbc.sql("select exists (select 1 from event_registration_token where token_hash = :h and registration_id = :r)")
			.param("h", Secrets.sha256(token)).param("r", registrationId).query(Boolean.class).single();
	}

	/** Registered people of events starting between the two instants, not reminded yet; marks them reminded. */
	public List<UUID> claimReminders(Instant from, Instant to) {
		return jdbc.sql("""
				update event_registration r set reminded_at = now() from prevention_event e
				where e.id = r.event_id and e.status <> 'CANCELLED' and e.starts_at >= :f and e.starts_at < :t
				  and r.status = 'REGISTERED' and r.reminded_at is null returning r.id""")
			.param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).query(UUID.class).list();
	}

	private static @Nullable Timestamp ts(@Nullable Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static PreventionEvent event(ResultSet rs, int n) throws SQLException {
		return new PreventionEvent(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), rs.getString("title"), rs.getString("description"),
				PreventionEvent.Audience.valueOf(rs.getString("audience")), instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("place"),
				rs.getString("address"), rs.getString("commune_code"), rs.getInt("capacity"), PreventionEvent.Status.valueOf(rs.getString("status")),
				rs.getInt("version"));
	}

	static Registration registration(ResultSet rs, int n) throws SQLException {
		return new Registration(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), rs.getLong("position"), rs.getString("name"),
				rs.getString("email"), rs.getString("phone"), rs.getString("profession"), Registration.Status.valueOf(rs.getString("status")),
				instant(rs, "registered_at"), instant(rs, "promoted_at"), instant(rs, "cancelled_at"), instant(rs, "attended_at"));
	}
}
