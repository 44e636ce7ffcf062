package fr.maillage.prevention.internal;

import fr.maillage.prevention.ConsultationOffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the prevention consultation offers and their monthly counts. */
@Repository
public class OfferStore {

	private final JdbcClient jdbc;

	OfferStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ConsultationOffer> byPractitioner(UUID practitionerId) {
		return jdbc.sql("select * from prevention_offer where practitioner_id = :p").param("p", practitionerId).query(OfferStore::offer).optional();
	}

	public void save(ConsultationOffer o, UUID by) {
		jdbc.sql("""
				insert into prevention_offer (id, practitioner_id, name, profession, ages, how_to_book, phone, booking_url, place, commune_code, commune_name,
				  active, declared_by)
				values (:id, :p, :n, :pro, :ages, :how, :phone, :url, :place, :c, :cn, true, :by)
				on conflict (practitioner_id) do update set name = excluded.name, profession = excluded.profession, ages = excluded.ages,
				  how_to_book = excluded.how_to_book, phone = excluded.phone, booking_url = excluded.booking_url, place = excluded.place,
				  commune_code = excluded.commune_code, commune_name = excluded.commune_name, active = true, declared_by = excluded.declared_by,
				  declared_at = now()""")
			.param("id", o.id()).param("p", o.practitionerId()).param("n", o.name()).param("pro", o.profession()).param("ages", o.ages().toArray(String[]::new))
			.param("how", o.howToBook()).param("phone", o.phone()).param("url", o.bookingUrl()).param("place", o.place()).param("c", o.communeCode())
			.param("cn", o.communeName()).param("by", by).update();
	}

	public void deactivate(UUID id) {
		jdbc.sql("update prevention_offer set active = false where id = :id").param("id", id).update();
	}

	/** The active offers of these communes, in the order of the communes given, at most {@code limit}. */
	public List<ConsultationOffer> activeNearestFirst(List<String> communeCodes, int limit) {
		if (communeCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select o.* from unnest(cast(:c as text[])) with ordinality as n(code, rank)
				join prevention_offer o on o.commune_code = n.code and o.active order by n.rank, o.name limit :l""")
			.param("c", communeCodes.toArray(String[]::new)).param("l", limit).query(OfferStore::offer).list();
	}

	public Map<YearMonth, Integer> months(UUID offerId) {
		Map<YearMonth, Integer> out = new LinkedHashMap<>();
		jdbc.sql("select month, done from prevention_offer_month where offer_id = :o order by month desc limit 24").param("o", offerId)
			.query(rs -> {
				out.put(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getInt("done"));
			});
		return out;
	}

	public void saveMonth(UUID offerId, LocalDate month, int done) {
		jdbc.sql("""
				insert into prevention_offer_month (offer_id, month, done) values (:o, :m, :d)
				on conflict (offer_id, month) do update set done = excluded.done""").param("o", offerId).param("m", month).param("d", done).update();
	}

	public long doneIn(List<String> communeCodes, LocalDate from, LocalDate to) {
		if (communeCodes.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				select coalesce(sum(m.done), 0) from prevention_offer_month m join prevention_offer o on o.id = m.offer_id
				where o.commune_code = any(:c) and m.month >= :f and m.month < :t""")
			.param("c", communeCodes.toArray(String[]::new)).param("f", from).param("t", to).query(Long.class).single();
	}

	static ConsultationOffer offer(ResultSet rs, int n) throws SQLException {
		return new ConsultationOffer(rs.getObject("id", UUID.class), rs.getObject("practitioner_id", UUID.class), rs.getString("name"),
				rs.getString("profession"), Arrays.asList((String[]) rs.getArray("ages").getArray()), rs.getString("how_to_book"), rs.getString("phone"),
				rs.getString("booking_url"), rs.getString("place"), rs.getString("commune_code"), rs.getString("commune_name"), rs.getBoolean("active"));
	}
}
