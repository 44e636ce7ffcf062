package fr.maillage.association;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bodies of the association (bureau, conseil d'administration, working groups), the positions held
 * in them by members and the dated mandates, with their history; the quorum rule of each body; a
 * helper that proposes the seats to renew this year when a body renews by thirds.
 */
@Service
public class Governance {

	/** The kind of a body's conversation (messaging), known by the body's id. */
	public static final String CONVERSATION_KIND = "association-body";

	public enum Kind {
		BUREAU, CONSEIL, GROUPE
	}

	public enum Position {
		PRESIDENT, VICE_PRESIDENT, SECRETAIRE, SECRETAIRE_ADJOINT, TRESORIER, TRESORIER_ADJOINT, MEMBRE;

		public String labelKey() {
			return "association.position." + name();
		}
	}

	public record BodyForm(@Nullable String name, @Nullable Kind kind, @Nullable Boolean renewsByThirds, @Nullable Integer quorumNum,
			@Nullable Integer quorumDen, @Nullable Boolean proxiesCount, @Nullable Integer maxProxies) {
	}

	public record Body(UUID id, UUID cptsId, String name, Kind kind, boolean renewsByThirds, int quorumNum, int quorumDen, boolean proxiesCount,
			int maxProxies) {
	}

	public record MandateForm(@Nullable UUID memberId, @Nullable Position position, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
	}

	public record Mandate(UUID id, UUID bodyId, UUID memberId, String memberName, Position position, LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable String endNote) {

		public boolean currentOn(LocalDate day) {
			return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
		}
	}

	/** This year's renewal by thirds: how many seats, and which mandates come up (the longest held first). */
	public record Renewal(int year, int seats, int seatsHeld, List<Mandate> proposed) {
	}

	private final JdbcClient jdbc;
	private final Board board;
	private final CptsAccess access;
	private final Members members;
	private final AuditLog audit;
	private final EngagementSync sync;

	Governance(JdbcClient jdbc, Board board, CptsAccess access, Members members, AuditLog audit, EngagementSync sync) {
		this.sync = sync;
		this.jdbc = jdbc;
		this.board = board;
		this.access = access;
		this.members = members;
		this.audit = audit;
	}

	public List<Body> bodies(UUID cptsId) {
		access.requireMember(cptsId);
		return jdbc.sql("select * from body where cpts_id = :c order by case kind when 'BUREAU' then 0 when 'CONSEIL' then 1 else 2 end, name")
			.param("c", cptsId).query(Governance::mapBody).list();
	}

	public Body body(UUID id) {
		return jdbc.sql("select * from body where id = :id").param("id", id).query(Governance::mapBody).optional()
			.orElseThrow(NotFoundException::new);
	}

	@Transactional
	public Body createBody(UUID cptsId, BodyForm f) {
		board.require(cptsId);
		Problems problems = check(f);
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		int added = jdbc.sql("""
				insert into body (id, cpts_id, name, kind, renews_by_thirds, quorum_num, quorum_den, proxies_count, max_proxies)
				values (:id, :c, :n, :k, :t, :qn, :qd, :pc, :mp) on conflict do nothing""")
			.param("id", id).param("c", cptsId).param("n", f.name().strip()).param("k", f.kind().name()).param("t", Boolean.TRUE.equals(f.renewsByThirds()))
			.param("qn", f.quorumNum() == null ? 1 : f.quorumNum()).param("qd", f.quorumDen() == null ? 2 : f.quorumDen())
			.param("pc", f.proxiesCount() == null || f.proxiesCount()).param("mp", f.maxProxies() == null ? 1 : f.maxProxies()).update();
		if (added == 0) {
			throw Problems.rejected("name", "association.body.taken", f.name().strip());
		}
		audit.change("association.body.create", "body", id.toString(), cptsId, f.name().strip());
		return body(id);
	}

	private static Problems check(BodyForm f) {
		Problems problems = new Problems();
		if (f.name() == null || f.name().isBlank() || f.name().strip().length() > 100) {
			problems.reject("name", "association.body.name");
		}
		if (f.kind() == null) {
			problems.reject("kind", "association.body.kind");
		}
		int num = f.quorumNum() == null ? 1 : f.quorumNum();
		int den = f.quorumDen() == null ? 2 : f.quorumDen();
		if (num < 0 || den <= 0 || num > den) {
			problems.reject("quorumNum", "association.body.quorum");
		}
		if (f.maxProxies() != null && (f.maxProxies() < 0 || f.maxProxies() > 10)) {
			problems.reject("maxProxies", "association.body.maxProxiesRange");
		}
		return problems;
	}

	// ---- mandates

	public List<Mandate> mandates(UUID bodyId) {
		Body b = body(bodyId);
		access.requireMember(b.cptsId());
		List<Mandate> out = readMandates("m.body_id = :b", Map.of("b", bodyId));
		out.sort(Comparator.comparing((Mandate m) -> m.endsOn() != null && m.endsOn().isBefore(LocalDate.now(Board.PARIS)))
			.thenComparing(m -> m.position().ordinal()).thenComparing(Mandate::startsOn));
		return out;
	}

	/** The mandates of a body held today. */
	public List<Mandate> current(UUID bodyId) {
		LocalDate today = LocalDate.now(Board.PARIS);
		return mandates(bodyId).stream().filter(m -> m.currentOn(today)).toList();
	}

	@Transactional
	public Mandate appoint(UUID bodyId, MandateForm f) {
		Body b = body(bodyId);
		board.require(b.cptsId());
		Problems problems = new Problems();
		Members.Member m = null;
		if (f.memberId() == null) {
			problems.reject("memberId", "association.mandate.member");
		} else {
			m = members.get(f.memberId());
			if (!m.cptsId().equals(b.cptsId())) {
				problems.reject("memberId", "association.mandate.member");
			} else if (m.status() != Members.Status.ACTIVE) {
				problems.reject("memberId", "association.mandate.inactive", m.name());
			}
		}
		if (f.position() == null) {
			problems.reject("position", "association.mandate.position");
		}
		if (f.startsOn() == null) {
			problems.reject("startsOn", "association.mandate.startsOn");
		} else if (f.endsOn() != null && f.endsOn().isBefore(f.startsOn())) {
			problems.reject("endsOn", "association.mandate.endsBeforeStart");
		}
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("insert into mandate (id, body_id, member_id, position, starts_on, ends_on) values (:id, :b, :m, :p, :s, :e)")
				.param("id", id).param("b", bodyId).param("m", f.memberId()).param("p", f.position().name()).param("s", f.startsOn())
				.param("e", f.endsOn()).update();
		} catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMessage());
			if (message.contains("mandate_member_once")) {
				throw Problems.rejected("memberId", "association.mandate.overlap", m.name());
			}
			if (message.contains("mandate_office_once")) {
				throw Problems.rejected("position", "association.mandate.officeTaken");
			}
			throw ex;
		}
		sync.member(f.memberId());
		audit.change("association.mandate.appoint", "mandate", id.toString(), b.cptsId(), m.name() + " " + f.position() + " " + b.name());
		return readMandates("m.id = :id", Map.of("id", id)).getFirst();
	}

	/** Ends a mandate on a date (not before it started), with a note (resignation, renewal, end of term). */
	@Transactional
	public Mandate end(UUID mandateId, @Nullable LocalDate on, @Nullable String note) {
		List<Mandate> found = readMandates("m.id = :id", Map.of("id", mandateId));
		if (found.isEmpty()) {
			throw new NotFoundException();
		}
		Mandate mandate = found.getFirst();
		Body b = body(mandate.bodyId());
		board.require(b.cptsId());
		LocalDate end = on == null ? LocalDate.now(Board.PARIS) : on;
		if (end.isBefore(mandate.startsOn())) {
			throw Problems.rejected("endsOn", "association.mandate.endsBeforeStart");
		}
		if (note != null && note.strip().length() > 500) {
			throw Problems.rejected("note", "text.tooLong", 500);
		}
		jdbc.sql("update mandate set ends_on = :e, end_note = :n where id = :id").param("e", end)
			.param("n", note == null || note.isBlank() ? null : note.strip()).param("id", mandateId).update();
		sync.member(mandate.memberId());
		audit.change("association.mandate.end", "mandate", mandateId.toString(), b.cptsId(), end + (note == null ? "" : " " + note.strip()));
		return readMandates("m.id = :id", Map.of("id", mandateId)).getFirst();
	}

	/**
	 * For a body that renews by thirds: a third of its current seats (rounded up) come up this year,
	 * those whose term ends this year first, then those held longest; seats filled this year are not
	 * proposed again.
	 */
	public Renewal renewal(UUID bodyId, int year) {
		List<Mandate> held = current(bodyId).stream().filter(m -> m.startsOn().getYear() < year).toList();
		int total = current(bodyId).size();
		int seats = (total + 2) / 3;
		List<Mandate> sorted = new ArrayList<>(held);
		sorted.sort(Comparator.comparing((Mandate m) -> m.endsOn() == null || m.endsOn().getYear() > year).thenComparing(Mandate::startsOn)
			.thenComparing(Mandate::memberName));
		return new Renewal(year, seats, total, sorted.subList(0, Math.min(seats, sorted.size())));
	}

	/** Every mandate a member held or holds, across the bodies of the CPTS. */
	public List<Mandate> mandatesOfMember(UUID memberId) {
		return readMandates("m.member_id = :m", Map.of("m", memberId));
	}

	List<Mandate> readMandates(String where, Map<String, Object> params) {
		var spec = jdbc.sql("select m.id, m.body_id, m.member_id, m.position, m.starts_on, m.ends_on, m.end_note from mandate m where " + where
				+ " order by m.starts_on");
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		record Row(UUID id, UUID body, UUID member, String position, LocalDate starts, @Nullable LocalDate ends, @Nullable String note) {
		}
		List<Row> rows = spec.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7))).list();
		Map<UUID, Members.Member> people = members.byIds(rows.stream().map(Row::member).distinct().toList());
		List<Mandate> out = new ArrayList<>();
		for (Row r : rows) {
			out.add(new Mandate(r.id(), r.body(), r.member(), people.get(r.member()).name(),
					Position.valueOf(r.position()), r.starts(), r.ends(), r.note()));
		}
		return out;
	}

	private static Body mapBody(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Body(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), rs.getString("name"), Kind.valueOf(rs.getString("kind")),
				rs.getBoolean("renews_by_thirds"), rs.getInt("quorum_num"), rs.getInt("quorum_den"), rs.getBoolean("proxies_count"),
				rs.getInt("max_proxies"));
	}
}
