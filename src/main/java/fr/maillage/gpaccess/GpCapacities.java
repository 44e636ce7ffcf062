package fr.maillage.gpaccess;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.AccountLinks;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Practitioner;
import fr.maillage.platform.Problems;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The capacity GPs declare: how many new patients per month or quarter, where (communes served
 * by name, or a radius around the practice), home visits, pauses. A GP records their own; a
 * coordinator records it for them after a phone call. What is left in the current period is
 * computed from the proposals made in it (a refused proposal gives its place back).
 */
@Service
public class GpCapacities {

	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	public enum Period {
		MONTH, QUARTER;

		public LocalDate start(LocalDate day) {
			return this == MONTH ? day.withDayOfMonth(1) : day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
		}

		public String labelKey() {
			return "gpaccess.period." + name();
		}
	}

	public record Form(@Nullable Integer newPatients, @Nullable Period period, @Nullable Double radiusKm, @Nullable List<String> communes,
			@Nullable Boolean homeVisits, @Nullable LocalDate pausedFrom, @Nullable LocalDate pausedUntil, @Nullable String note) {
	}

	/** A GP's capacity as declared, with what is used and left in the current period and where they practise. */
	public record Capacity(UUID practitionerId, String practitionerName, @Nullable String practiceCommune, @Nullable String practiceCommuneName,
			int newPatients, Period period, double radiusKm, List<String> communes, boolean homeVisits, @Nullable LocalDate pausedFrom,
			@Nullable LocalDate pausedUntil, @Nullable String note, Instant updatedAt, int used, boolean paused, int remaining) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;
	private final DirectorySearch directory;
	private final AccountLinks links;
	private final CommuneDirectory communes;
	private final CptsService cpts;

	GpCapacities(JdbcClient jdbc, CptsAccess access, AuditLog audit, DirectorySearch directory, AccountLinks links,
			CommuneDirectory communes, CptsService cpts) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.directory = directory;
		this.links = links;
		this.communes = communes;
		this.cpts = cpts;
	}

	/** The practitioner the current user is, if they are a GP. */
	public Optional<UUID> myPractitioner() {
		CurrentUser user = access.requireUser();
		return links.practitionerOf(user.id()).filter(directory::isGeneralPractitioner);
	}

	/** Records (or replaces) a GP's capacity: the GP themselves or a coordinator. */
	@Transactional
	public Capacity put(UUID cptsId, UUID practitionerId, Form form) {
		CurrentUser user = access.requireMember(cptsId);
		boolean self = links.practitionerOf(user.id()).map(practitionerId::equals).orElse(false);
		if (!self && !user.coordinates(cptsId)) {
			throw new org.springframework.security.access.AccessDeniedException("coordinator or the GP only");
		}
		if (directory.byIds(List.of(practitionerId)).isEmpty()) {
			throw new CptsAccess.NotVisibleException();
		}
		Problems problems = new Problems();
		if (!directory.isGeneralPractitioner(practitionerId)) {
			problems.reject("practitionerId", "gpaccess.capacity.notGp");
		}
		if (form.newPatients() == null) {
			problems.reject("newPatients", "gpaccess.capacity.newPatients.required");
		} else if (form.newPatients() < 0 || form.newPatients() > 500) {
			problems.reject("newPatients", "gpaccess.capacity.newPatients.range");
		}
		if (form.period() == null) {
			problems.reject("period", "gpaccess.capacity.period.required");
		}
		double radius = form.radiusKm() == null ? 15 : form.radiusKm();
		if (radius < 0 || radius > 200 || Double.isNaN(radius)) {
			problems.reject("radiusKm", "gpaccess.capacity.radius.range");
		}
		Set<String> served = new LinkedHashSet<>();
		for (String typed : form.communes() == null ? List.<String>of() : form.communes()) {
			if (typed == null || typed.isBlank()) {
				continue;
			}
			Optional<Commune> commune = communes.find(typed.strip());
			if (commune.isEmpty()) {
				commune = communes.search(typed.strip(), 1).stream().filter(c -> c.name().equalsIgnoreCase(typed.strip())).findFirst();
			}
			if (commune.isEmpty()) {
				problems.reject("communes", "gpaccess.capacity.commune.unknown", typed.strip());
			} else {
				served.add(commune.get().inseeCode());
			}
		}
		if (form.pausedFrom() != null && form.pausedUntil() != null && form.pausedUntil().isBefore(form.pausedFrom())) {
			problems.reject("pausedUntil", "gpaccess.capacity.pause.order");
		}
		if (form.note() != null && form.note().length() > 1000) {
			problems.reject("note", "patients.tooLong", 1000);
		}
		problems.throwIfAny();
		jdbc.sql("""
				insert into gp_capacity (cpts_id, practitioner_id, new_patients, period, radius_km, communes, home_visits, paused_from,
				  paused_until, note, updated_by)
				values (:c, :p, :n, :period, :r, :communes, :home, :from, :until, :note, :by)
				on conflict (cpts_id, practitioner_id) do update set new_patients = excluded.new_patients, period = excluded.period,
				  radius_km = excluded.radius_km, communes = excluded.communes, home_visits = excluded.home_visits,
				  paused_from = excluded.paused_from, paused_until = excluded.paused_until, note = excluded.note,
				  updated_by = excluded.updated_by, updated_at = now()""")
			.param("c", cptsId).param("p", practitionerId).param("n", form.newPatients()).param("period", form.period().name())
			.param("r", radius).param("communes", served.toArray(String[]::new)).param("home", Boolean.TRUE.equals(form.homeVisits()))
			.param("from", form.pausedFrom()).param("until", form.pausedUntil())
			.param("note", form.note() == null || form.note().isBlank() ? null : form.note().strip()).param("by", user.id()).update();
		audit.change("gp_capacity.put", "practitioner", practitionerId.toString(), cptsId,
				(self ? "par le médecin" : "par la coordination") + ": " + form.newPatients() + " / " + form.period());
		return of(cptsId, List.of(practitionerId)).getFirst();
	}

	/** A GP's capacity, for themselves or a coordinator. */
	@Transactional(readOnly = true)
	public Optional<Capacity> get(UUID cptsId, UUID practitionerId) {
		CurrentUser user = access.requireMember(cptsId);
		boolean self = links.practitionerOf(user.id()).map(practitionerId::equals).orElse(false);
		if (!self && !user.coordinates(cptsId)) {
			throw new CptsAccess.NotVisibleException();
		}
		return of(cptsId, List.of(practitionerId)).stream().findFirst();
	}

	/** Every declared capacity of the CPTS; coordinators only. */
	@Transactional(readOnly = true)
	public List<Capacity> all(UUID cptsId) {
		access.requireCoordinator(cptsId);
		return of(cptsId, null);
	}

	/** The GPs practising on the territory who have not declared a capacity yet, to call them. */
	@Transactional(readOnly = true)
	public List<Practitioner> undeclared(UUID cptsId) {
		access.requireCoordinator(cptsId);
		Set<UUID> declared = new HashSet<>(jdbc.sql("select practitioner_id from gp_capacity where cpts_id = :c").param("c", cptsId)
			.query(UUID.class).list());
		List<String> territory = cpts.territory(cptsId).communes().stream().map(c -> c.inseeCode()).toList();
		return directory.generalPractitionersIn(territory).stream().filter(p -> !declared.contains(p.id())).toList();
	}

	List<Capacity> of(UUID cptsId, @Nullable List<UUID> only) {
		LocalDate today = LocalDate.now(PARIS);
		List<Object[]> rows = jdbc.sql("""
				select c.*,
				  (select count(*) from gp_request r where r.cpts_id = c.cpts_id and r.practitioner_id = c.practitioner_id
				     and r.status in ('PROPOSED', 'ACCEPTED', 'DECLARED')
				     and r.proposed_at >= (case c.period when 'MONTH' then date_trunc('month', now() at time zone 'Europe/Paris')
				                           else date_trunc('quarter', now() at time zone 'Europe/Paris') end) at time zone 'Europe/Paris') as used
				from gp_capacity c where c.cpts_id = :c and (:all or c.practitioner_id = any(:ids))""")
			.param("c", cptsId).param("all", only == null).param("ids", only == null ? new UUID[0] : only.toArray(UUID[]::new))
			.query((rs, n) -> new Object[] {rs.getObject("practitioner_id", UUID.class), rs.getInt("new_patients"),
					Period.valueOf(rs.getString("period")), rs.getDouble("radius_km"), strings(rs.getArray("communes")),
					rs.getBoolean("home_visits"), rs.getObject("paused_from", LocalDate.class), rs.getObject("paused_until", LocalDate.class),
					rs.getString("note"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("used")})
			.list();
		Map<UUID, Practitioner> people = new HashMap<>();
		directory.byIds(rows.stream().map(r -> (UUID) r[0]).toList()).forEach(p -> people.put(p.id(), p));
		Set<String> territory = new HashSet<>(cpts.territory(cptsId).communes().stream().map(c -> c.inseeCode()).toList());
		List<Capacity> out = new ArrayList<>();
		for (Object[] r : rows) {
			Practitioner p = people.get((UUID) r[0]);
			if (p == null) {
				continue;
			}
			Practitioner.Activity site = practice(p, territory);
			LocalDate from = (LocalDate) r[6];
			LocalDate until = (LocalDate) r[7];
			boolean paused = (from != null || until != null) && (from == null || !today.isBefore(from)) && (until == null || !today.isAfter(until));
			out.add(new Capacity(p.id(), GpRequests.doctor(p), site == null ? null : site.communeCode(), site == null ? null : site.communeName(),
					(int) r[1], (Period) r[2], (double) r[3], (List<String>) r[4], (boolean) r[5], from, until, (String) r[8], (Instant) r[9],
					(int) r[10], paused, paused ? 0 : Math.max(0, (int) r[1] - (int) r[10])));
		}
		out.sort(java.util.Comparator.comparing(Capacity::practitionerName).thenComparing(c -> c.practitionerId().toString()));
		return out;
	}

	/** The practice site that locates a GP: an active one on the territory first, else any active one. */
	static Practitioner.@Nullable Activity practice(Practitioner p, Set<String> territory) {
		return p.activities().stream().filter(a -> a.active() && a.communeCode() != null)
			.sorted(java.util.Comparator.comparing((Practitioner.Activity a) -> !territory.contains(a.communeCode())).thenComparing(a -> a.communeCode()))
			.findFirst().orElse(null);
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
