package fr.maillage.unscheduledcare;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.platform.Problems;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published slots as an agenda consumer reads them (the national SAS platform through the FHIR
 * API): by the professionals or structures who offer them, over a window of at most
 * {@link Bookings#MAX_WINDOW_DAYS} days, free or booked, in the CPTS the caller belongs to. Withdrawn
 * slots are left out of searches. No patient detail is ever part of a slot.
 */
@Service
public class SlotFeed {

	/** The most owners one query may name (the SAS guide asks for 25 at a time). */
	public static final int MAX_OWNERS = 100;

	/** Free, booked or both ({@code null}). */
	public record Query(Collection<UUID> owners, @Nullable Instant from, @Nullable Instant to, @Nullable Boolean free, int limit, int offset) {
	}

	public record Page(List<Bookings.Slot> slots, long total) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final Bookings bookings;

	SlotFeed(JdbcClient jdbc, CptsAccess access, Bookings bookings) {
		this.jdbc = jdbc;
		this.access = access;
		this.bookings = bookings;
	}

	/** The slots of these owners (professionals or structures) starting in the window, in time order. */
	@Transactional(readOnly = true)
	public Page find(Query q) {
		CurrentUser user = access.requireUser();
		Problems problems = new Problems();
		if (q.from() == null) {
			problems.reject("start", "fhir.slot.start.required");
		}
		if (q.to() == null) {
			problems.reject("start", "fhir.slot.end.required");
		}
		if (q.from() != null && q.to() != null) {
			if (q.to().isBefore(q.from())) {
				problems.reject("start", "snp.search.window.order");
			} else if (Duration.between(q.from(), q.to()).toDays() > Bookings.MAX_WINDOW_DAYS) {
				problems.reject("start", "snp.search.window.tooLong", Bookings.MAX_WINDOW_DAYS);
			}
		}
		if (q.owners().size() > MAX_OWNERS) {
			problems.reject("schedule", "fhir.slot.owners.tooMany", MAX_OWNERS);
		}
		problems.throwIfAny();
		if (q.owners().isEmpty()) {
			return new Page(List.of(), 0);
		}
		UUID[] owners = q.owners().toArray(UUID[]::new);
		UUID[] mine = user.roles().keySet().toArray(UUID[]::new);
		// the owner's index (owner, starts_at) answers both the page and the count
		String where = """
				from snp_slot where (practitioner_id = any(:owners) or organization_id = any(:owners)) and starts_at >= :from and starts_at <= :to
				  and cancelled_at is null and cpts_id = any(:cpts)""" + (q.free() == null ? "" : " and booked = :booked");
		var count = jdbc.sql("select count(*) " + where).param("owners", owners).param("from", Timestamp.from(q.from()))
			.param("to", Timestamp.from(q.to())).param("cpts", mine);
		var select = jdbc.sql("select * " + where + " order by starts_at, id limit :limit offset :offset").param("owners", owners)
			.param("from", Timestamp.from(q.from())).param("to", Timestamp.from(q.to())).param("cpts", mine)
			.param("limit", q.limit()).param("offset", q.offset());
		if (q.free() != null) {
			count = count.param("booked", !q.free());
			select = select.param("booked", !q.free());
		}
		List<Bookings.Slot> slots = select.query(bookings::slot).list();
		long total = slots.size() < q.limit() && q.offset() == 0 ? slots.size() : count.query(Long.class).single();
		return new Page(slots, total);
	}

	/** One slot, withdrawn or not, for a member of its CPTS; empty otherwise. */
	@Transactional(readOnly = true)
	public Optional<Bookings.Slot> get(UUID id) {
		CurrentUser user = access.requireUser();
		return jdbc.sql("select * from snp_slot where id = :id").param("id", id).query(bookings::slot).optional()
			.filter(s -> user.roles().containsKey(s.cptsId()));
	}

	/** Whether a slot was withdrawn by its owner. */
	@Transactional(readOnly = true)
	public boolean withdrawn(UUID id) {
		return jdbc.sql("select cancelled_at is not null from snp_slot where id = :id").param("id", id).query(Boolean.class).optional().orElse(false);
	}

	/** Whether this owner (professional or structure) has published a slot the caller may see: their agenda exists for them. */
	@Transactional(readOnly = true)
	public boolean publishes(UUID owner) {
		CurrentUser user = access.requireUser();
		return jdbc.sql("""
				select exists (select 1 from snp_slot where (practitioner_id = :o or organization_id = :o) and cpts_id = any(:cpts))""")
			.param("o", owner).param("cpts", user.roles().keySet().toArray(UUID[]::new)).query(Boolean.class).single();
	}
}
