package fr.maillage.association;

import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Practitioner;
import fr.maillage.platform.Messages;
import fr.maillage.platform.PdfDocuments;
import fr.maillage.platform.Problems;
import fr.maillage.shared.Euros;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compensation of the professionals in private practice for the time they give to the CPTS (seed
 * 004: "une perte financière pour ceux en activité libérale"): the CPTS sets a rate per kind of
 * meeting, per hour or per meeting, from a date and for a mission of its budget; attendance taken
 * at held meetings produces each professional's yearly statement and the total per mission.
 * Honorary members give their time without compensation (seed 002), salaried-only professionals
 * are paid by their employer, structures are not compensated.
 */
@Service
public class Compensation {

	public enum Per {
		HEURE, REUNION
	}

	public record RateForm(Meetings.@Nullable Kind kind, @Nullable Per per, @Nullable String amount, @Nullable String mission, @Nullable LocalDate validFrom) {
	}

	public record Rate(UUID id, Meetings.Kind kind, Per per, long amountCents, @Nullable String mission, LocalDate validFrom) {
	}

	/** One meeting attended and what it is worth. */
	public record Line(UUID meetingId, String title, Meetings.Kind kind, Instant startsAt, int minutes, long amountCents, String mission) {
	}

	public record Statement(Members.Member member, int year, List<Line> lines, long totalCents, int minutes) {
	}

	public record Summary(int year, List<Statement> statements, Map<String, Long> byMission, long totalCents) {
	}

	private final JdbcClient jdbc;
	private final Board board;
	private final Members members;
	private final DirectorySearch directory;
	private final CptsService cpts;
	private final PdfDocuments pdf;
	private final Messages messages;
	private final AuditLog audit;

	Compensation(JdbcClient jdbc, Board board, Members members, DirectorySearch directory, CptsService cpts, PdfDocuments pdf, Messages messages,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.board = board;
		this.members = members;
		this.directory = directory;
		this.cpts = cpts;
		this.pdf = pdf;
		this.messages = messages;
		this.audit = audit;
	}

	public List<Rate> rates(UUID cptsId) {
		board.require(cptsId);
		return readRates(cptsId);
	}

	private List<Rate> readRates(UUID cptsId) {
		return jdbc.sql("select * from compensation_rate where cpts_id = :c order by kind, valid_from desc").param("c", cptsId)
			.query((rs, n) -> new Rate(rs.getObject("id", UUID.class), Meetings.Kind.valueOf(rs.getString("kind")), Per.valueOf(rs.getString("per")),
					rs.getLong("amount_cents"), rs.getString("mission"), rs.getObject("valid_from", LocalDate.class)))
			.list();
	}

	/** Sets a kind of meeting's rate from a date (the same kind and date again replaces it). */
	@Transactional
	public Rate setRate(UUID cptsId, RateForm f) {
		board.require(cptsId);
		Problems problems = new Problems();
		if (f.kind() == null) {
			problems.reject("kind", "association.meeting.kind");
		}
		if (f.per() == null) {
			problems.reject("per", "association.compensation.per");
		}
		Euros.Parsed amount = Euros.parse(f.amount());
		if (!amount.ok()) {
			problems.reject("amount", "association.amount." + amount.problem().name(), f.amount() == null ? "" : f.amount());
		}
		String mission = f.mission() == null || f.mission().isBlank() ? null : f.mission().strip();
		if (mission != null && mission.length() > 200) {
			problems.reject("mission", "association.tooLong", 200);
		}
		problems.throwIfAny();
		LocalDate from = f.validFrom() == null ? LocalDate.now(Board.PARIS).withDayOfYear(1) : f.validFrom();
		jdbc.sql("delete from compensation_rate where cpts_id = :c and kind = :k and valid_from = :d").param("c", cptsId).param("k", f.kind().name())
			.param("d", from).update();
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into compensation_rate (id, cpts_id, kind, per, amount_cents, mission, valid_from) values (:id, :c, :k, :p, :a, :m, :d)")
			.param("id", id).param("c", cptsId).param("k", f.kind().name()).param("p", f.per().name()).param("a", amount.cents()).param("m", mission)
			.param("d", from).update();
		audit.change("association.compensation.rate", "cpts", cptsId.toString(), cptsId, f.kind() + " " + f.per() + " " + Euros.plain(amount.cents())
				+ " depuis " + from);
		return readRates(cptsId).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
	}

	/** Every compensated professional's year, and the total per mission (the board). */
	public Summary summary(UUID cptsId, int year) {
		board.require(cptsId);
		return summarize(cptsId, year);
	}

	/**
	 * The year's total per mission only, no one's statement: what the contract's budget counts as
	 * actual expenses, for whoever may read that budget (the steering check is the budget's).
	 */
	public Map<String, Long> totalsByMission(UUID cptsId, int year) {
		return summarize(cptsId, year).byMission();
	}

	private Summary summarize(UUID cptsId, int year) {
		List<Statement> statements = new ArrayList<>();
		for (Members.Member m : members.list(cptsId, null, null)) {
			Statement s = compute(m, year);
			if (!s.lines().isEmpty()) {
				statements.add(s);
			}
		}
		statements.sort(Comparator.comparing((Statement s) -> s.member().name(), java.text.Collator.getInstance(Locale.FRENCH)));
		Map<String, Long> byMission = new LinkedHashMap<>();
		statements.forEach(s -> s.lines().forEach(l -> byMission.merge(l.mission(), l.amountCents(), Long::sum)));
		return new Summary(year, statements, byMission, statements.stream().mapToLong(Statement::totalCents).sum());
	}

	/** One member's year: for the board, or for the member themself. */
	public Statement statement(UUID memberId, int year) {
		Members.Member m = members.get(memberId);
		if (!board.may(m.cptsId()) && !members.myMemberIds(m.cptsId()).contains(memberId)) {
			throw new AccessDeniedException("own statement only");
		}
		return compute(m, year);
	}

	/** Whether a member is compensated: a professional, not honorary, with a practice that is not only salaried. */
	boolean compensated(Members.Member m) {
		if (m.practitionerId() == null || m.honorary()) {
			return false;
		}
		Practitioner p = directory.byId(m.practitionerId()).orElse(null);
		if (p == null) {
			return false;
		}
		List<String> modes = p.activities().stream().filter(Practitioner.Activity::active).map(Practitioner.Activity::modeLabel)
			.filter(java.util.Objects::nonNull).map(x -> x.toLowerCase(Locale.ROOT)).toList();
		return modes.isEmpty() || modes.stream().anyMatch(x -> x.contains("lib"));
	}

	Statement compute(Members.Member m, int year) {
		if (!compensated(m)) {
			return new Statement(m, year, List.of(), 0, 0);
		}
		List<Rate> rates = readRates(m.cptsId());
		record Row(UUID id, String title, String kind, Instant start, Instant end) {
		}
		List<Row> rows = jdbc.sql("""
				select x.id, x.title, x.kind, x.starts_at, x.ends_at from meeting x join meeting_invitee i on i.meeting_id = x.id
				where i.member_id = :m and i.attended and x.status = 'HELD' and extract(year from x.starts_at at time zone 'Europe/Paris') = :y
				order by x.starts_at""")
			.param("m", m.id()).param("y", year)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5).toInstant()))
			.list();
		List<Line> lines = new ArrayList<>();
		for (Row r : rows) {
			Meetings.Kind kind = Meetings.Kind.valueOf(r.kind());
			LocalDate day = LocalDate.ofInstant(r.start(), Board.PARIS);
			int minutes = (int) java.time.Duration.between(r.start(), r.end()).toMinutes();
			Rate rate = rates.stream().filter(x -> x.kind() == kind && !x.validFrom().isAfter(day)).max(Comparator.comparing(Rate::validFrom))
				.orElse(null);
			if (rate == null) {
				continue;
			}
			// per hour: the rate times the minutes, to the nearest cent (half up), never through a floating-point number
			long cents = rate.per() == Per.REUNION ? rate.amountCents() : (rate.amountCents() * minutes + 30) / 60;
			lines.add(new Line(r.id(), r.title(), kind, r.start(), minutes, cents, rate.mission() != null ? rate.mission() : messages.get(kind.labelKey())));
		}
		return new Statement(m, year, lines, lines.stream().mapToLong(Line::amountCents).sum(), lines.stream().mapToInt(Line::minutes).sum());
	}

	public byte[] statementPdf(Statement s) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Map<String, Object> model = new HashMap<>();
			model.put("cpts", cpts.get(s.member().cptsId()));
			model.put("s", s);
			pdf.render("association/compensation-pdf", model, out);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
