package fr.maillage.association;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.CptsService;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.PdfDocuments;
import fr.maillage.platform.Problems;
import fr.maillage.shared.Euros;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership fees: the yearly amount of each college and of honorary members (who pay once, the
 * year they join, as seed 002's statutes say), payments with a numbered receipt (PDF, e-mailed),
 * reminders to those who have not paid, the yearly statement per college and the accountant's
 * export. Amounts are whole cents. The board and coordinators see everyone's fees; a member sees
 * their own.
 */
@Service
public class Fees {

	public enum Method {
		VIREMENT, CHEQUE, ESPECES, CARTE, PRELEVEMENT, EN_LIGNE;

		public String labelKey() {
			return "association.fee.method." + name();
		}
	}

	public record Rate(@Nullable UUID collegeId, String label, boolean honorary, long amountCents) {
	}

	public record PaymentForm(@Nullable Integer year, @Nullable String amount, @Nullable LocalDate paidOn, @Nullable Method method,
			@Nullable String reference) {
	}

	public record Payment(UUID id, UUID cptsId, UUID memberId, String memberName, int year, long amountCents, LocalDate paidOn, Method method,
			@Nullable String reference, String receiptNumber, Instant recordedAt, @Nullable Instant cancelledAt, @Nullable String cancelReason) {
	}

	/** Where a member stands for a year: what is expected of them and what they paid. */
	public record Standing(Members.Member member, long dueCents, long paidCents) {
		public long balanceCents() {
			return dueCents - paidCents;
		}

		public boolean paid() {
			return paidCents >= dueCents;
		}
	}

	public record CollegeLine(String college, int members, int paidMembers, long expectedCents, long collectedCents) {
	}

	public record Statement(int year, List<CollegeLine> colleges, long expectedCents, long collectedCents, int payments) {
	}

	private final JdbcClient jdbc;
	private final Board board;
	private final CptsAccess access;
	private final Members members;
	private final Colleges colleges;
	private final CptsService cpts;
	private final Notifications notifications;
	private final PdfDocuments pdf;
	private final Messages messages;
	private final AuditLog audit;

	Fees(JdbcClient jdbc, Board board, CptsAccess access, Members members, Colleges colleges, CptsService cpts, Notifications notifications,
			PdfDocuments pdf, Messages messages, AuditLog audit) {
		this.jdbc = jdbc;
		this.board = board;
		this.access = access;
		this.members = members;
		this.colleges = colleges;
		this.cpts = cpts;
		this.notifications = notifications;
		this.pdf = pdf;
		this.messages = messages;
		this.audit = audit;
	}

	// ---- rates

	/** The year's rates: every college (0 when not set) and honorary members. */
	public List<Rate> rates(UUID cptsId, int year) {
		access.requireMember(cptsId);
		Map<String, Long> set = new HashMap<>();
		jdbc.sql("select college_id, honorary, amount_cents from fee_rate where cpts_id = :c and year = :y").param("c", cptsId).param("y", year)
			.query((rs, n) -> set.put(rs.getBoolean(2) ? "honorary" : rs.getString(1), rs.getLong(3))).list();
		List<Rate> out = new ArrayList<>();
		for (Colleges.College c : colleges.ensure(cptsId)) {
			out.add(new Rate(c.id(), c.name(), false, set.getOrDefault(c.id().toString(), 0L)));
		}
		out.add(new Rate(null, messages.get("association.fee.honorary"), true, set.getOrDefault("honorary", 0L)));
		return out;
	}

	/** Sets the year's rates: amounts as typed by college id ("honorary" for honorary members); all or nothing. */
	@Transactional
	public List<Rate> setRates(UUID cptsId, @Nullable Integer year, Map<String, String> typed) {
		board.require(cptsId);
		Problems problems = new Problems();
		int y = checkYear(year, problems);
		Map<String, Long> amounts = new LinkedHashMap<>();
		List<String> known = new ArrayList<>(colleges.ensure(cptsId).stream().map(c -> c.id().toString()).toList());
		known.add("honorary");
		for (var e : typed.entrySet()) {
			if (!known.contains(e.getKey())) {
				problems.reject("rate-" + e.getKey(), "association.fee.rate.unknown");
				continue;
			}
			if (e.getValue() == null || e.getValue().isBlank()) {
				continue;
			}
			Euros.Parsed p = Euros.parse(e.getValue());
			if (!p.ok()) {
				problems.reject("rate-" + e.getKey(), "association.amount." + p.problem().name(), e.getValue());
			} else {
				amounts.put(e.getKey(), p.cents());
			}
		}
		problems.throwIfAny();
		for (var e : amounts.entrySet()) {
			boolean honorary = e.getKey().equals("honorary");
			jdbc.sql("delete from fee_rate where cpts_id = :c and year = :y and " + (honorary ? "honorary" : "college_id = :college"))
				.param("c", cptsId).param("y", y).param("college", honorary ? null : UUID.fromString(e.getKey())).update();
			jdbc.sql("insert into fee_rate (id, cpts_id, year, college_id, honorary, amount_cents) values (:id, :c, :y, :college, :h, :a)")
				.param("id", UUID.randomUUID()).param("c", cptsId).param("y", y).param("college", honorary ? null : UUID.fromString(e.getKey()))
				.param("h", honorary).param("a", e.getValue()).update();
		}
		audit.change("association.fee.rates", "cpts", cptsId.toString(), cptsId, y + " : " + amounts);
		return rates(cptsId, y);
	}

	// ---- payments

	/** Records a payment and writes its receipt number; the member is e-mailed the receipt. */
	@Transactional
	public Payment record(UUID memberId, PaymentForm f) {
		Members.Member m = members.get(memberId);
		CurrentUser user = board.require(m.cptsId());
		Problems problems = new Problems();
		int year = checkYear(f.year(), problems);
		Euros.Parsed amount = Euros.parse(f.amount());
		if (!amount.ok()) {
			problems.reject("amount", "association.amount." + amount.problem().name(), f.amount() == null ? "" : f.amount());
		} else if (amount.cents() == 0) {
			problems.reject("amount", "association.amount.ZERO");
		}
		LocalDate today = LocalDate.now(Board.PARIS);
		if (f.paidOn() == null) {
			problems.reject("paidOn", "association.fee.paidOn.required");
		} else if (f.paidOn().isAfter(today)) {
			problems.reject("paidOn", "association.fee.paidOn.future");
		}
		if (f.method() == null) {
			problems.reject("method", "association.fee.method.required");
		}
		String reference = f.reference() == null || f.reference().isBlank() ? null : f.reference().strip();
		if (reference != null && reference.length() > 100) {
			problems.reject("reference", "association.tooLong", 100);
		}
		problems.throwIfAny();
		// receipts are numbered without gaps per CPTS and year: one writer at a time for that pair
		jdbc.sql("select pg_advisory_xact_lock(hashtext('fee-receipt:' || :c || ':' || :y))").param("c", m.cptsId().toString()).param("y", year)
			.query().singleRow();
		int number = jdbc.sql("select coalesce(max(receipt_number), 0) + 1 from fee_payment where cpts_id = :c and year = :y")
			.param("c", m.cptsId()).param("y", year).query(Integer.class).single();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into fee_payment (id, cpts_id, member_id, year, amount_cents, paid_on, method, reference, receipt_number, recorded_by)
				values (:id, :c, :m, :y, :a, :d, :method, :r, :n, :by)""")
			.param("id", id).param("c", m.cptsId()).param("m", memberId).param("y", year).param("a", amount.cents()).param("d", f.paidOn())
			.param("method", f.method().name()).param("r", reference).param("n", number).param("by", user.id()).update();
		audit.change("association.fee.payment", "fee_payment", id.toString(), m.cptsId(),
				m.name() + " " + year + " " + Euros.plain(amount.cents()) + " " + f.method());
		Payment p = payment(id);
		sendReceipt(p, m);
		return p;
	}

	/** Cancels a payment recorded by mistake (its receipt number stays used); a reason is required. */
	@Transactional
	public Payment cancel(UUID paymentId, @Nullable String reason) {
		Payment p = payment(paymentId);
		board.require(p.cptsId());
		if (reason == null || reason.isBlank()) {
			throw Problems.rejected("reason", "association.fee.cancel.reason");
		}
		if (reason.strip().length() > 500) {
			throw Problems.rejected("reason", "text.tooLong", 500);
		}
		if (p.cancelledAt() != null) {
			throw Problems.rejected("reason", "association.fee.cancel.already");
		}
		jdbc.sql("update fee_payment set cancelled_at = now(), cancel_reason = :r where id = :id").param("r", reason.strip()).param("id", paymentId)
			.update();
		audit.change("association.fee.cancel", "fee_payment", paymentId.toString(), p.cptsId(), reason.strip());
		return payment(paymentId);
	}

	public Payment payment(UUID id) {
		List<Payment> found = payments("p.id = :id", Map.of("id", id));
		if (found.isEmpty()) {
			throw new NotFoundException();
		}
		return found.getFirst();
	}

	/** A payment for whoever may see it: the board, or the member it is about. */
	public Payment visiblePayment(UUID id) {
		Payment p = payment(id);
		if (!board.may(p.cptsId()) && !members.myMemberIds(p.cptsId()).contains(p.memberId())) {
			throw new NotFoundException();
		}
		audit.read("association.fee.payment.read", "fee_payment", id.toString(), p.cptsId(), null);
		return p;
	}

	public List<Payment> paymentsOf(UUID memberId) {
		Members.Member m = members.get(memberId);
		if (!board.may(m.cptsId()) && !members.myMemberIds(m.cptsId()).contains(memberId)) {
			throw new AccessDeniedException("own fees only");
		}
		audit.read("association.fee.payments.read", "member", memberId.toString(), m.cptsId(), null);
		return payments("p.member_id = :m", Map.of("m", memberId));
	}

	public List<Payment> paymentsOfYear(UUID cptsId, int year) {
		board.require(cptsId);
		audit.read("association.fee.year.read", "cpts", cptsId.toString(), cptsId, String.valueOf(year));
		return payments("p.cpts_id = :c and p.year = :y", Map.of("c", cptsId, "y", year));
	}

	private List<Payment> payments(String where, Map<String, Object> params) {
		var spec = jdbc.sql("""
				select p.id, p.cpts_id, p.member_id, p.year, p.amount_cents, p.paid_on, p.method, p.reference, p.receipt_number, p.recorded_at,
				  p.cancelled_at, p.cancel_reason from fee_payment p where""" + " " + where + " order by p.year desc, p.receipt_number desc");
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		record Row(UUID id, UUID cpts, UUID member, int year, long cents, LocalDate on, String method, @Nullable String ref, int number,
				Instant at, @Nullable Instant cancelled, @Nullable String reason) {
		}
		List<Row> rows = spec.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getInt(4), rs.getLong(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getInt(9),
				rs.getTimestamp(10).toInstant(), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getString(12))).list();
		Map<UUID, Members.Member> people = members.byIds(rows.stream().map(Row::member).distinct().toList());
		return rows.stream().map(r -> new Payment(r.id(), r.cpts(), r.member(), people.get(r.member()).name(),
				r.year(), r.cents(), r.on(), Method.valueOf(r.method()), r.ref(), receiptNumber(r.year(), r.number()), r.at(), r.cancelled(),
				r.reason())).toList();
	}

	static String receiptNumber(int year, int number) {
		return year + "-" + String.format("%04d", number);
	}

	/** The receipt of a payment, as a PDF. */
	public byte[] receipt(Payment p) {
		Members.Member m = members.get(p.memberId());
		Cpts c = cpts.get(p.cptsId());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			pdf.render("association/receipt-pdf", Map.of("cpts", c, "p", p, "m", m, "amount", Euros.format(p.amountCents()),
					"method", messages.get(p.method().labelKey())), out);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private void sendReceipt(Payment p, Members.Member m) {
		Cpts c = cpts.get(p.cptsId());
		Notifications.File file = new Notifications.File("recu-cotisation-" + p.receiptNumber() + ".pdf", "application/pdf", receipt(p));
		String title = messages.get("association.receipt.title", p.receiptNumber(), c.name());
		String body = messages.get("association.receipt.body", Euros.format(p.amountCents()), p.year(), c.name());
		List<UUID> accounts = members.accountsOf(List.of(m)).getOrDefault(m.id(), List.of());
		if (!accounts.isEmpty()) {
			notifications.sendFormal(accounts.stream().map(u -> Notice.of(u, p.cptsId(), "association.receipt", title, body, "/adhesion")).toList(),
					n -> List.of(file));
		} else if (m.email() != null) {
			notifications.emailTo(m.email(), title, body, List.of(file));
		}
	}

	// ---- standing, reminders, statement

	/** What each member (active or lapsed, registered by then) owes for the year and has paid. */
	public List<Standing> standings(UUID cptsId, int year) {
		board.require(cptsId);
		return computeStandings(cptsId, year);
	}

	List<Standing> computeStandings(UUID cptsId, int year) {
		Map<String, Long> rates = new HashMap<>();
		jdbc.sql("select college_id, honorary, amount_cents from fee_rate where cpts_id = :c and year = :y").param("c", cptsId).param("y", year)
			.query((rs, n) -> rates.put(rs.getBoolean(2) ? "honorary" : rs.getString(1), rs.getLong(3))).list();
		Map<UUID, Long> paid = new HashMap<>();
		jdbc.sql("select member_id, sum(amount_cents) from fee_payment where cpts_id = :c and year = :y and cancelled_at is null group by member_id")
			.param("c", cptsId).param("y", year).query((rs, n) -> paid.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
		List<Standing> out = new ArrayList<>();
		for (Members.Member m : members.list(cptsId, null, null)) {
			boolean counted = (m.status() == Members.Status.ACTIVE || m.status() == Members.Status.LAPSED) && m.since().getYear() <= year;
			long due = !counted ? 0 : m.honorary() ? (m.since().getYear() == year ? rates.getOrDefault("honorary", 0L) : 0)
					: rates.getOrDefault(m.collegeId().toString(), 0L);
			long p = paid.getOrDefault(m.id(), 0L);
			if (counted || p > 0) {
				out.add(new Standing(m, due, p));
			}
		}
		return out;
	}

	/**
	 * E-mails a reminder to each member who owes something for the year, at most once a week per
	 * member; answers how many were reminded.
	 */
	@Transactional
	public int remind(UUID cptsId, int year) {
		board.require(cptsId);
		Cpts c = cpts.get(cptsId);
		List<Standing> owing = computeStandings(cptsId, year).stream().filter(s -> s.balanceCents() > 0 && s.member().status() == Members.Status.ACTIVE)
			.toList();
		int sent = 0;
		for (Standing s : owing) {
			boolean recent = jdbc.sql("select exists (select 1 from fee_reminder where member_id = :m and year = :y and sent_at > now() - interval '7 days')")
				.param("m", s.member().id()).param("y", year).query(Boolean.class).single();
			if (recent) {
				continue;
			}
			String title = messages.get("association.reminder.title", year, c.name());
			String body = messages.get("association.reminder.body", Euros.format(s.balanceCents()), year, c.name());
			List<UUID> accounts = members.accountsOf(List.of(s.member())).getOrDefault(s.member().id(), List.of());
			if (!accounts.isEmpty()) {
				notifications.sendFormal(accounts.stream().map(u -> Notice.of(u, cptsId, "association.reminder", title, body, "/adhesion")).toList(),
						n -> List.of());
			} else if (s.member().email() != null) {
				notifications.emailTo(s.member().email(), title, body, List.of());
			} else {
				continue;
			}
			jdbc.sql("insert into fee_reminder (member_id, year) values (:m, :y)").param("m", s.member().id()).param("y", year).update();
			sent++;
		}
		audit.change("association.fee.remind", "cpts", cptsId.toString(), cptsId, year + " : " + sent);
		return sent;
	}

	/**
	 * The year's fees expected and collected, {expected, collected} in cents, in two sums (the home's
	 * card): the rule of {@link #computeStandings}, members active or lapsed who had joined by then,
	 * an honorary member owing the honorary rate in the year they joined only.
	 */
	public long[] totals(UUID cptsId, int year) {
		board.require(cptsId);
		return jdbc.sql("""
				select coalesce((select sum(case when m.honorary then case when extract(year from m.since) = :y then coalesce(h.amount_cents, 0) else 0 end
				                  else coalesce(r.amount_cents, 0) end)
				   from member m left join fee_rate r on r.cpts_id = m.cpts_id and r.year = :y and r.college_id = m.college_id
				   left join fee_rate h on h.cpts_id = m.cpts_id and h.year = :y and h.honorary
				   where m.cpts_id = :c and m.status in ('ACTIVE', 'LAPSED') and extract(year from m.since) <= :y), 0),
				  coalesce((select sum(amount_cents) from fee_payment where cpts_id = :c and year = :y and cancelled_at is null), 0)""")
			.param("c", cptsId).param("y", year).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
	}

	/** The year per college: members expected to pay, those who paid, amounts expected and collected. */
	public Statement statement(UUID cptsId, int year) {
		board.require(cptsId);
		Map<String, long[]> byCollege = new LinkedHashMap<>();
		colleges.ensure(cptsId).forEach(c -> byCollege.put(c.name(), new long[4]));
		for (Standing s : computeStandings(cptsId, year)) {
			long[] line = byCollege.computeIfAbsent(s.member().collegeName(), k -> new long[4]);
			line[0]++;
			if (s.paidCents() > 0 && s.paid()) {
				line[1]++;
			}
			line[2] += s.dueCents();
			line[3] += s.paidCents();
		}
		List<CollegeLine> lines = byCollege.entrySet().stream()
			.map(e -> new CollegeLine(e.getKey(), (int) e.getValue()[0], (int) e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
		int count = jdbc.sql("select count(*) from fee_payment where cpts_id = :c and year = :y and cancelled_at is null").param("c", cptsId)
			.param("y", year).query(Integer.class).single();
		return new Statement(year, lines, lines.stream().mapToLong(CollegeLine::expectedCents).sum(),
				lines.stream().mapToLong(CollegeLine::collectedCents).sum(), count);
	}

	private static int checkYear(@Nullable Integer year, Problems problems) {
		if (year == null || year < 2000 || year > 2200) {
			problems.reject("year", "association.fee.year");
			return LocalDate.now(Board.PARIS).getYear();
		}
		return year;
	}
}
