package fr.maillage.oncall;

import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import fr.maillage.reference.CommuneDistance;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Qui est de garde ?", for anyone without an account: the turns running at a moment (or during a
 * day) on the active rosters of a CPTS, nearest first from a commune, with the address, phone and
 * hours the roster publishes; a roster with nobody says so and gives its public number. Also the
 * month's planning as printed. Only what a CPTS publishes anyway is shown.
 */
@Service
public class OnDuty {

	/** One turn as the public sees it; {@code assignee} null when nobody is on duty. */
	public record Entry(RosterKind kind, String roster, @Nullable String assignee, @Nullable String address, @Nullable String communeName,
			@Nullable String phone, Instant startsAt, Instant endsAt, @Nullable Double distanceKm, boolean inSector, @Nullable String publicPhone,
			@Nullable String publicNote, CommuneDistance.@Nullable Basis distanceBasis, @Nullable Double latitude, @Nullable Double longitude) {
	}

	/** A roster's turns of a month, for the printed planning. */
	public record PlannedRoster(Rosters.Roster roster, List<Rosters.Shift> shifts) {
	}

	private final JdbcClient jdbc;
	private final CommuneDirectory communes;

	OnDuty(JdbcClient jdbc, CommuneDirectory communes) {
		this.jdbc = jdbc;
		this.communes = communes;
	}

	/** The turns running at {@code at}, grouped by kind, nearest the commune first (when one is given). */
	@Transactional(readOnly = true)
	public Map<RosterKind, List<Entry>> at(UUID cptsId, Instant at, @Nullable String communeCode) {
		return during(cptsId, at, at.plusMillis(1), communeCode);
	}

	/** The turns that run at some point of a day (Paris time). */
	@Transactional(readOnly = true)
	public Map<RosterKind, List<Entry>> onDay(UUID cptsId, LocalDate day, @Nullable String communeCode) {
		return during(cptsId, day.atStartOfDay(RosterPattern.PARIS).toInstant(), day.plusDays(1).atStartOfDay(RosterPattern.PARIS).toInstant(),
				communeCode);
	}

	private Map<RosterKind, List<Entry>> during(UUID cptsId, Instant from, Instant to, @Nullable String communeCode) {
		Optional<Commune> near = communeCode == null ? Optional.empty() : communes.find(communeCode);
		Map<String, Optional<Commune>> known = new HashMap<>();
		List<Entry> entries = new ArrayList<>();
		// turns last at most a week (weekly rosters), so a bounded range of the start index is read
		jdbc.sql("""
				select r.kind, r.name, r.sector_communes, r.public_phone, r.public_note, s.* from oncall_shift s join oncall_roster r on r.id = s.roster_id
				where r.cpts_id = :c and r.active and s.starts_at < :to and s.starts_at > :earliest and s.ends_at > :from
				order by s.starts_at""")
			.param("c", cptsId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.param("earliest", Timestamp.from(from.minusSeconds(8 * 86_400L))).query((rs, n) -> {
				String[] sector = (String[]) rs.getArray("sector_communes").getArray();
				String where = rs.getString("assignee_commune");
				Optional<Commune> place = where == null ? Optional.empty() : known.computeIfAbsent(where, communes::find);
				CommuneDistance.Estimate km = near.isPresent() && place.isPresent() ? CommuneDistance.estimate(near.get(), place.get()).orElse(null) : null;
				boolean inSector = near.isPresent() && (sector.length == 0 || Arrays.asList(sector).contains(near.get().inseeCode()));
				return entries.add(new Entry(RosterKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("assignee_label"),
						rs.getString("assignee_address"), place.map(Commune::name).orElse(null), rs.getString("assignee_phone"),
						rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), km == null ? null : km.km(), inSector,
						rs.getString("public_phone"), rs.getString("public_note"), km == null ? null : km.basis(),
						place.map(Commune::latitude).orElse(null), place.map(Commune::longitude).orElse(null)));
			}).list();
		entries.sort(Comparator.comparing((Entry e) -> !e.inSector()).thenComparing(e -> e.distanceKm() == null ? Double.MAX_VALUE : e.distanceKm())
			.thenComparing(Entry::startsAt).thenComparing(Entry::roster));
		Map<RosterKind, List<Entry>> byKind = new LinkedHashMap<>();
		for (RosterKind k : RosterKind.values()) {
			List<Entry> of = entries.stream().filter(e -> e.kind() == k).toList();
			if (!of.isEmpty()) {
				byKind.put(k, of);
			}
		}
		return byKind;
	}

	/** Every active roster's turns of a month, as the printed planning lists them. */
	@Transactional(readOnly = true)
	public List<PlannedRoster> planning(UUID cptsId, YearMonth month) {
		List<Rosters.Roster> rosters = jdbc.sql("select * from oncall_roster where cpts_id = :c and active order by kind, name").param("c", cptsId)
			.query(Rosters::roster).list();
		List<PlannedRoster> out = new ArrayList<>();
		for (Rosters.Roster r : rosters) {
			out.add(new PlannedRoster(r, jdbc.sql("select * from oncall_shift where roster_id = :r and starts_at >= :f and starts_at < :t order by starts_at")
				.param("r", r.id()).param("f", Timestamp.from(Rosters.monthStart(month))).param("t", Timestamp.from(Rosters.monthEnd(month)))
				.query(Rosters::shift).list()));
		}
		return out;
	}
}
