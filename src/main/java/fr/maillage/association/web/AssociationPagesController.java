package fr.maillage.association.web;

import fr.maillage.association.Applications;
import fr.maillage.association.Board;
import fr.maillage.association.Colleges;
import fr.maillage.association.Fees;
import fr.maillage.association.Governance;
import fr.maillage.association.Meetings;
import fr.maillage.association.Members;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TabularExport;
import fr.maillage.platform.TypedValues;
import fr.maillage.platform.Upload;
import fr.maillage.platform.web.Flash;
import fr.maillage.shared.Euros;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The association in the browser: members and applications, fees, bodies and mandates, meetings, one's own membership. */
@Controller
class AssociationPagesController {

	private final Members members;
	private final Colleges colleges;
	private final Applications applications;
	private final Fees fees;
	private final Governance governance;
	private final Meetings meetings;
	private final Board board;
	private final CptsService cpts;
	private final DirectorySearch directory;
	private final Messages messages;
	private final fr.maillage.messaging.Conversations conversations;
	private final fr.maillage.association.Dashboard dashboard;
	private final fr.maillage.association.Compensation compensation;
	private final fr.maillage.association.Documents documents;

	AssociationPagesController(fr.maillage.association.Documents documents, Members members, Colleges colleges, Applications applications, Fees fees, Governance governance, Meetings meetings,
			Board board, CptsService cpts, DirectorySearch directory, Messages messages, fr.maillage.messaging.Conversations conversations,
			fr.maillage.association.Dashboard dashboard, fr.maillage.association.Compensation compensation) {
		this.dashboard = dashboard;
		this.compensation = compensation;
		this.documents = documents;
		this.conversations = conversations;
		this.members = members;
		this.colleges = colleges;
		this.applications = applications;
		this.fees = fees;
		this.governance = governance;
		this.meetings = meetings;
		this.board = board;
		this.cpts = cpts;
		this.directory = directory;
		this.messages = messages;
	}

	private static int thisYear() {
		return LocalDate.now(Board.PARIS).getYear();
	}

	// ---- members (the list: AssociationListsController)

	@PostMapping("/cpts/{id}/adherents")
	String register(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID practitionerId,
			@RequestParam(required = false) @Nullable UUID collegeId, @RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String honorary, @RequestParam(required = false) @Nullable UUID applicationId,
			RedirectAttributes redirect) {
		Members.MemberForm form = new Members.MemberForm(practitionerId, null, collegeId, TypedValues.date(since), TypedValues.yes(honorary));
		Flash.run(messages, redirect, () -> {
			if (applicationId != null) {
				applications.accept(applicationId, form);
			} else {
				members.register(id, form);
			}
		}, "association.member.registered");
		return "redirect:/cpts/" + id + "/adherents";
	}

	@PostMapping("/cpts/{id}/adhesions/{applicationId}/refus")
	String refuse(@PathVariable UUID id, @PathVariable UUID applicationId, @RequestParam(required = false) @Nullable String note,
			RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> applications.refuse(applicationId, note), "association.application.refused");
		return "redirect:/cpts/" + id + "/adherents";
	}

	@GetMapping("/cpts/{id}/adherents/{memberId}")
	String member(@PathVariable UUID id, @PathVariable UUID memberId, Model model) {
		Members.Member m = members.get(memberId);
		if (!m.cptsId().equals(id)) {
			throw new fr.maillage.platform.NotFoundException();
		}
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("m", m);
		model.addAttribute("manage", board.may(id));
		model.addAttribute("payments", fees.paymentsOf(memberId));
		model.addAttribute("mandates", governance.mandatesOfMember(memberId));
		model.addAttribute("colleges", colleges.list(id));
		model.addAttribute("statuses", Members.Status.values());
		model.addAttribute("methods", Fees.Method.values());
		model.addAttribute("year", thisYear());
		model.addAttribute("today", LocalDate.now(Board.PARIS));
		if (!model.containsAttribute("payment")) {
			model.addAttribute("payment", Map.of());
			model.addAttribute("problems", Map.of());
		}
		return "association/member";
	}

	@PostMapping("/cpts/{id}/adherents/{memberId}")
	String updateMember(@PathVariable UUID id, @PathVariable UUID memberId, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID collegeId, @RequestParam(required = false) @Nullable String honorary,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> members.update(memberId, TypedValues.enumOf(Members.Status.class, status), collegeId,
				TypedValues.yes(honorary), note), "association.member.updated");
		return "redirect:/cpts/" + id + "/adherents/" + memberId;
	}

	@PostMapping("/cpts/{id}/adherents/{memberId}/paiements")
	String pay(@PathVariable UUID id, @PathVariable UUID memberId, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
		try {
			Fees.Payment done = fees.record(memberId, new Fees.PaymentForm(TypedValues.integer(p.get("year")), p.get("amount"),
					TypedValues.date(p.get("paidOn")), TypedValues.enumOf(Fees.Method.class, p.get("method")), p.get("reference")));
			redirect.addFlashAttribute("success", messages.get("association.payment.recorded", done.receiptNumber()));
		} catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get("association.payment.failed"));
			redirect.addFlashAttribute("payment", p);
			redirect.addFlashAttribute("problems", messages.byField(ex.problems()));
		}
		return "redirect:/cpts/" + id + "/adherents/" + memberId;
	}

	@PostMapping("/cpts/{id}/paiements/{paymentId}/annulation")
	String cancelPayment(@PathVariable UUID id, @PathVariable UUID paymentId, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		Fees.Payment p = fees.payment(paymentId);
		Flash.run(messages, redirect, () -> fees.cancel(paymentId, reason), "association.payment.cancelled");
		return "redirect:/cpts/" + id + "/adherents/" + p.memberId();
	}

	@GetMapping("/recus/{paymentId}.pdf")
	ResponseEntity<byte[]> receipt(@PathVariable UUID paymentId) {
		Fees.Payment p = fees.visiblePayment(paymentId);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("recu-" + p.receiptNumber() + ".pdf").build().toString())
			.body(fees.receipt(p));
	}

	// ---- fees (who paid: AssociationListsController)

	@PostMapping("/cpts/{id}/cotisations/tarifs")
	String setRates(@PathVariable UUID id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
		Integer year = TypedValues.integer(p.get("year"));
		Map<String, String> amounts = new LinkedHashMap<>();
		p.forEach((k, v) -> {
			if (k.startsWith("rate-")) {
				amounts.put(k.substring(5), v);
			}
		});
		Flash.run(messages, redirect, () -> fees.setRates(id, year, amounts), "association.rates.saved");
		return "redirect:/cpts/" + id + "/cotisations?annee=" + (year == null ? thisYear() : year);
	}

	@PostMapping("/cpts/{id}/cotisations/relances")
	String remind(@PathVariable UUID id, @RequestParam int year, RedirectAttributes redirect) {
		Flash.say(messages, redirect, () -> messages.get("association.reminders.sent", fees.remind(id, year)));
		return "redirect:/cpts/" + id + "/cotisations?annee=" + year;
	}

	@GetMapping("/cpts/{id}/cotisations/export")
	void export(@PathVariable UUID id, @RequestParam int year, @RequestParam(defaultValue = "CSV") String format, HttpServletResponse response)
			throws IOException {
		List<Fees.Payment> payments = fees.paymentsOfYear(id, year);
		Map<UUID, Members.Member> byId = new HashMap<>();
		TabularExport.write(response, "XLSX".equals(format) ? TabularExport.Format.XLSX : TabularExport.Format.CSV, "cotisations-" + year,
				messages.get("association.export.sheet"), List.of(messages.get("association.export.receipt"), messages.get("association.export.member"),
						messages.get("association.export.college"), messages.get("association.export.year"), messages.get("association.export.amount"),
						messages.get("association.export.paidOn"), messages.get("association.export.method"), messages.get("association.export.reference"),
						messages.get("association.export.cancelled")),
				sink -> payments.forEach(p -> {
					Members.Member m = byId.computeIfAbsent(p.memberId(), members::get);
					sink.accept(List.of(p.receiptNumber(), m.name(), m.collegeName(), p.year(), Euros.plain(p.amountCents()), p.paidOn().toString(),
							messages.get(p.method().labelKey()), p.reference() == null ? "" : p.reference(), p.cancelReason() == null ? "" : p.cancelReason()));
				}));
	}

	// ---- bodies and mandates

	@GetMapping("/cpts/{id}/instances")
	String bodies(@PathVariable UUID id, Model model) {
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("bodies", governance.bodies(id));
		model.addAttribute("manage", board.may(id));
		model.addAttribute("kinds", Governance.Kind.values());
		return "association/bodies";
	}

	@PostMapping("/cpts/{id}/instances")
	String createBody(@PathVariable UUID id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> governance.createBody(id, new Governance.BodyForm(p.get("name"),
				TypedValues.enumOf(Governance.Kind.class, p.get("kind")), TypedValues.yes(p.get("renewsByThirds")), TypedValues.integer(p.get("quorumNum")),
				TypedValues.integer(p.get("quorumDen")), true, TypedValues.integer(p.get("maxProxies")))), "association.body.created");
		return "redirect:/cpts/" + id + "/instances";
	}

	@GetMapping("/cpts/{id}/instances/{bodyId}")
	String body(@PathVariable UUID id, @PathVariable UUID bodyId, Model model) {
		Governance.Body b = governance.body(bodyId);
		if (!b.cptsId().equals(id)) {
			throw new fr.maillage.platform.NotFoundException();
		}
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("b", b);
		model.addAttribute("mandates", governance.mandates(bodyId));
		model.addAttribute("today", LocalDate.now(Board.PARIS));
		model.addAttribute("manage", board.may(id));
		model.addAttribute("members", members.list(id, Members.Status.ACTIVE, null));
		model.addAttribute("positions", Governance.Position.values());
		model.addAttribute("renewal", b.renewsByThirds() ? governance.renewal(bodyId, thisYear()) : null);
		List<UUID> mine = members.myMemberIds(id);
		model.addAttribute("sits", governance.current(bodyId).stream().anyMatch(x -> mine.contains(x.memberId())));
		return "association/body";
	}

	@PostMapping("/cpts/{id}/instances/{bodyId}/mandats")
	String appoint(@PathVariable UUID id, @PathVariable UUID bodyId, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
		UUID member = TypedValues.uuid(p.get("memberId"));
		Flash.run(messages, redirect, () -> governance.appoint(bodyId, new Governance.MandateForm(member,
				TypedValues.enumOf(Governance.Position.class, p.get("position")), TypedValues.date(p.get("startsOn")), TypedValues.date(p.get("endsOn")))),
				"association.mandate.appointed");
		return "redirect:/cpts/" + id + "/instances/" + bodyId;
	}

	/** The body's conversation (its current members only). */
	@PostMapping("/cpts/{id}/instances/{bodyId}/conversation")
	String conversation(@PathVariable UUID id, @PathVariable UUID bodyId) {
		Governance.Body b = governance.body(bodyId);
		if (!b.cptsId().equals(id)) {
			throw new fr.maillage.platform.NotFoundException();
		}
		return "redirect:/messages/" + conversations.forSource(Governance.CONVERSATION_KIND, bodyId.toString(), id, b.name());
	}

	@PostMapping("/cpts/{id}/mandats/{mandateId}/fin")
	String endMandate(@PathVariable UUID id, @PathVariable UUID mandateId, @RequestParam UUID bodyId, @RequestParam(required = false) @Nullable String endsOn,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> governance.end(mandateId, TypedValues.date(endsOn), note), "association.mandate.ended");
		return "redirect:/cpts/" + id + "/instances/" + bodyId;
	}

	// ---- meetings

	@GetMapping("/cpts/{id}/reunions")
	String meetings(@PathVariable UUID id, Model model) {
		model.addAttribute("cpts", cpts.get(id));
		List<Meetings.Meeting> list = meetings.list(id);
		model.addAttribute("meetings", list);
		// the calendar opens on the month of the next meeting
		java.time.Instant now = java.time.Instant.now();
		model.addAttribute("nextMeetingMonth", list.stream().filter(m -> m.startsAt().isAfter(now)).map(Meetings.Meeting::startsAt).min(java.util.Comparator.naturalOrder())
			.map(t -> fr.maillage.platform.web.CalendarEvents.View.day(t).withDayOfMonth(1)).orElse(null));
		boolean manage = board.may(id);
		model.addAttribute("manage", manage);
		model.addAttribute("kinds", Meetings.Kind.values());
		model.addAttribute("bodies", governance.bodies(id));
		if (!model.containsAttribute("meeting")) {
			model.addAttribute("meeting", Map.of());
			model.addAttribute("problems", Map.of());
		}
		return "association/meetings";
	}

	@PostMapping("/cpts/{id}/reunions")
	String createMeeting(@PathVariable UUID id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
		try {
			UUID body = TypedValues.uuid(p.get("bodyId"));
			Meetings.Meeting m = meetings.create(id, new Meetings.MeetingForm(TypedValues.enumOf(Meetings.Kind.class, p.get("kind")), body, p.get("title"),
					TypedValues.dateTime(p.get("startsAt")), TypedValues.integer(p.get("durationMinutes")), p.get("place"), p.get("videoLink"),
					p.get("agenda"), null, null));
			redirect.addFlashAttribute("success", messages.get("association.meeting.created"));
			return "redirect:/reunions/" + m.id();
		} catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get("association.meeting.failed"));
			redirect.addFlashAttribute("meeting", p);
			redirect.addFlashAttribute("problems", messages.byField(ex.problems()));
			return "redirect:/cpts/" + id + "/reunions";
		}
	}

	@GetMapping("/reunions/{meetingId}")
	String meeting(@PathVariable UUID meetingId, Model model) {
		Meetings.Attendance a = meetings.attendance(meetingId);
		UUID cptsId = a.meeting().cptsId();
		boolean manage = board.may(cptsId);
		model.addAttribute("cpts", cpts.get(cptsId));
		model.addAttribute("a", a);
		model.addAttribute("m", a.meeting());
		model.addAttribute("manage", manage);
		model.addAttribute("mine", members.myMemberIds(cptsId));
		model.addAttribute("resolutions", meetings.resolutions(meetingId));
		model.addAttribute("past", a.meeting().startsAt().isBefore(java.time.Instant.now()));
		if (manage) {
			model.addAttribute("bodies", governance.bodies(cptsId));
			model.addAttribute("colleges", colleges.list(cptsId));
			model.addAttribute("members", members.list(cptsId, Members.Status.ACTIVE, null));
		}
		model.addAttribute("attached", documents.ofMeeting(meetingId));
		if (manage) {
			model.addAttribute("library", documents.visible(cptsId));
		}
		List<Meetings.Invitee> voters = new ArrayList<>(a.invitees().stream().filter(Meetings.Invitee::voting).toList());
		model.addAttribute("voters", voters);
		return "association/meeting";
	}

	@PostMapping("/reunions/{meetingId}/invites")
	String invite(@PathVariable UUID meetingId, @RequestParam Map<String, String> p, @RequestParam(required = false) @Nullable List<UUID> memberIds,
			RedirectAttributes redirect) {
		UUID body = TypedValues.uuid(p.get("bodyId"));
		UUID college = TypedValues.uuid(p.get("collegeId"));
		Flash.run(messages, redirect, () -> meetings.invite(meetingId, new Meetings.Invitees(body, college, TypedValues.yes(p.get("allMembers")),
				memberIds == null ? List.of() : memberIds)), "association.meeting.invited");
		return "redirect:/reunions/" + meetingId;
	}

	@PostMapping("/reunions/{meetingId}/documents")
	String attach(@PathVariable UUID meetingId, @RequestParam(required = false) @Nullable UUID documentId, RedirectAttributes redirect) {
		Meetings.Meeting m = meetings.get(meetingId);
		Flash.run(messages, redirect, () -> documents.attach(meetingId, m.cptsId(), documentId), "association.document.attached");
		return "redirect:/reunions/" + meetingId;
	}

	@PostMapping("/reunions/{meetingId}/convocation")
	String convene(@PathVariable UUID meetingId, @RequestParam(required = false) @Nullable String confirmPast, RedirectAttributes redirect) {
		Flash.say(messages, redirect, () -> messages.get("association.meeting.convened", meetings.convene(meetingId, TypedValues.yes(confirmPast))));
		return "redirect:/reunions/" + meetingId;
	}

	@PostMapping("/reunions/{meetingId}/reponses")
	String reply(@PathVariable UUID meetingId, @RequestParam UUID memberId, @RequestParam(required = false) @Nullable String reply,
			@RequestParam(required = false) @Nullable UUID proxyTo, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> meetings.reply(meetingId, memberId, TypedValues.enumOf(Meetings.Reply.class, reply), proxyTo),
				"association.reply.saved");
		return "redirect:/reunions/" + meetingId;
	}

	@PostMapping("/reunions/{meetingId}/presences")
	String attendance(@PathVariable UUID meetingId, @RequestParam(required = false) @Nullable List<UUID> present, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> meetings.takeAttendance(meetingId, present == null ? List.of() : present), "association.attendance.saved");
		return "redirect:/reunions/" + meetingId;
	}

	@PostMapping("/reunions/{meetingId}/resolutions")
	String addResolution(@PathVariable UUID meetingId, @RequestParam(required = false) @Nullable String text, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> meetings.addResolution(meetingId, text), "association.resolution.added");
		return "redirect:/reunions/" + meetingId;
	}

	@PostMapping("/reunions/{meetingId}/resolutions/{resolutionId}/votes")
	String vote(@PathVariable UUID meetingId, @PathVariable UUID resolutionId, @RequestParam(required = false) @Nullable UUID voterId,
			@RequestParam(required = false) @Nullable String choice, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> {
			if (voterId == null) {
				throw Problems.rejected("voterId", "association.vote.notInvited");
			}
			meetings.vote(resolutionId, voterId, TypedValues.enumOf(Meetings.Choice.class, choice));
		}, "association.vote.recorded");
		return "redirect:/reunions/" + meetingId;
	}

	@PostMapping("/reunions/{meetingId}/proces-verbal")
	String minutes(@PathVariable UUID meetingId, @RequestParam(required = false) @Nullable String minutes,
			@RequestParam(required = false) @Nullable String publish, RedirectAttributes redirect) {
		Flash.say(messages, redirect, () -> {
			meetings.saveMinutes(meetingId, minutes);
			return TypedValues.yes(publish) ? messages.get("association.minutes.published", meetings.publishMinutes(meetingId))
					: messages.get("association.minutes.saved");
		});
		return "redirect:/reunions/" + meetingId;
	}

	@GetMapping("/reunions/{meetingId}/proces-verbal.pdf")
	ResponseEntity<byte[]> minutesPdf(@PathVariable UUID meetingId) {
		Meetings.Meeting m = meetings.visible(meetingId);
		if (m.minutesPublishedAt() == null && !board.may(m.cptsId())) {
			throw new fr.maillage.platform.NotFoundException();
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("proces-verbal.pdf").build().toString())
			.body(meetings.minutesPdf(m));
	}

	// ---- the board's dashboard and the compensation

	@GetMapping("/cpts/{id}/association")
	String dashboard(@PathVariable UUID id, Model model) {
		fr.maillage.association.Dashboard.View v = dashboard.view(id);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("manage", true);
		model.addAttribute("v", v);
		List<String> palette = List.of("#1976d2", "#2e7d32", "#c62828", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#546e7a");
		List<fr.maillage.platform.BarChart.Series> series = new ArrayList<>();
		int k = 0;
		for (var e : v.growth().byProfession().entrySet()) {
			series.add(new fr.maillage.platform.BarChart.Series(e.getKey(), e.getValue(), palette.get(k++ % palette.size())));
		}
		model.addAttribute("chart", new fr.maillage.platform.BarChart(v.growth().years().stream().map(String::valueOf).toList(), series).json());
		return "association/dashboard";
	}

	@GetMapping("/cpts/{id}/indemnisations")
	String compensation(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer annee, Model model) {
		int year = annee == null ? thisYear() : annee;
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("manage", true);
		model.addAttribute("year", year);
		model.addAttribute("summary", compensation.summary(id, year));
		model.addAttribute("rates", compensation.rates(id));
		model.addAttribute("kinds", Meetings.Kind.values());
		model.addAttribute("today", LocalDate.now(Board.PARIS));
		return "association/compensation";
	}

	@PostMapping("/cpts/{id}/indemnisations/tarifs")
	String setCompensationRate(@PathVariable UUID id, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
		Flash.run(messages, redirect, () -> compensation.setRate(id, new fr.maillage.association.Compensation.RateForm(
				TypedValues.enumOf(Meetings.Kind.class, p.get("kind")), TypedValues.enumOf(fr.maillage.association.Compensation.Per.class, p.get("per")),
				p.get("amount"), p.get("mission"), TypedValues.date(p.get("validFrom")))), "association.compensation.rateSaved");
		return "redirect:/cpts/" + id + "/indemnisations";
	}

	@GetMapping("/cpts/{id}/adherents/{memberId}/indemnisation.pdf")
	ResponseEntity<byte[]> compensationPdf(@PathVariable UUID id, @PathVariable UUID memberId, @RequestParam(required = false) @Nullable Integer annee) {
		fr.maillage.association.Compensation.Statement s = compensation.statement(memberId, annee == null ? thisYear() : annee);
		if (!s.member().cptsId().equals(id)) {
			throw new fr.maillage.platform.NotFoundException();
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("indemnisation-" + s.year() + ".pdf").build().toString())
			.body(compensation.statementPdf(s));
	}

	// ---- the library

	@GetMapping("/cpts/{id}/documents")
	String documents(@PathVariable UUID id, Model model) {
		List<fr.maillage.association.Documents.Document> all = documents.visible(id);
		Map<String, List<fr.maillage.association.Documents.Document>> byFolder = new LinkedHashMap<>();
		all.forEach(d -> byFolder.computeIfAbsent(d.folder(), k -> new ArrayList<>()).add(d));
		boolean manage = board.may(id);
		model.addAttribute("cpts", cpts.get(id));
		model.addAttribute("manage", manage);
		model.addAttribute("folders", byFolder);
		model.addAttribute("audiences", fr.maillage.association.Documents.Audience.values());
		model.addAttribute("bodies", governance.bodies(id));
		if (!model.containsAttribute("doc")) {
			model.addAttribute("doc", Map.of());
			model.addAttribute("problems", Map.of());
		}
		return "association/documents";
	}

	@PostMapping("/cpts/{id}/documents")
	String addDocument(@PathVariable UUID id, @RequestParam Map<String, String> p,
			@RequestParam(required = false) org.springframework.web.multipart.@Nullable MultipartFile file, RedirectAttributes redirect) throws IOException {
		try {
			UUID body = TypedValues.uuid(p.get("bodyId"));
			documents.add(id, new fr.maillage.association.Documents.DocumentForm(p.get("folder"), p.get("title"),
					TypedValues.enumOf(fr.maillage.association.Documents.Audience.class, p.get("audience")), body, p.get("note")), upload(file));
			redirect.addFlashAttribute("success", messages.get("association.document.added"));
		} catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get("association.document.failed"));
			redirect.addFlashAttribute("doc", p);
			redirect.addFlashAttribute("problems", messages.byField(ex.problems()));
		}
		return "redirect:/cpts/" + id + "/documents";
	}

	@PostMapping("/cpts/{id}/documents/{documentId}/versions")
	String addVersion(@PathVariable UUID id, @PathVariable UUID documentId, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) org.springframework.web.multipart.@Nullable MultipartFile file, RedirectAttributes redirect) throws IOException {
		Upload u = upload(file);
		Flash.run(messages, redirect, () -> documents.addVersion(documentId, u, note), "association.document.versionAdded");
		return "redirect:/cpts/" + id + "/documents";
	}

	@GetMapping("/cpts/{id}/documents/{documentId}/fichier")
	ResponseEntity<byte[]> documentFile(@PathVariable UUID id, @PathVariable UUID documentId, @RequestParam(required = false) @Nullable Integer version) {
		fr.maillage.association.Documents.File f = documents.download(documentId, version);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.name(), java.nio.charset.StandardCharsets.UTF_8).build()
				.toString())
			.body(f.content());
	}

	static @Nullable Upload upload(org.springframework.web.multipart.@Nullable MultipartFile file) throws IOException {
		return Upload.of(file == null ? null : List.of(file)).stream().findFirst().orElse(null);
	}

	// ---- one's own membership

	@GetMapping("/adhesion")
	String mine(Model model) {
		List<Members.Member> mine = members.mine();
		model.addAttribute("memberships", mine);
		Map<UUID, List<Fees.Payment>> payments = new HashMap<>();
		Map<UUID, List<Meetings.Meeting>> meetingsOf = new HashMap<>();
		for (Members.Member m : mine) {
			payments.put(m.id(), fees.paymentsOf(m.id()));
			meetingsOf.computeIfAbsent(m.cptsId(), meetings::list);
		}
		model.addAttribute("payments", payments);
		model.addAttribute("meetings", meetingsOf);
		Map<UUID, fr.maillage.association.Compensation.Statement> statements = new HashMap<>();
		mine.forEach(m -> statements.put(m.id(), compensation.statement(m.id(), thisYear())));
		model.addAttribute("statements", statements);
		model.addAttribute("year", thisYear());
		return "association/mine";
	}

	// ---- the public application

	@GetMapping(AssociationRoutes.SLUG + "/adherer")
	String applyForm(@PathVariable String slug, Model model) {
		model.addAttribute("cpts", cpts.publicPage(slug).orElseThrow(fr.maillage.platform.NotFoundException::new));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
			model.addAttribute("problems", Map.of());
		}
		return "association/apply";
	}

	@PostMapping(AssociationRoutes.SLUG + "/adherer")
	String apply(@PathVariable String slug, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
		try {
			applications.apply(slug, new Applications.ApplicationForm(p.get("lastName"), p.get("firstName"), p.get("email"), p.get("phone"),
					p.get("profession"), p.get("rpps"), p.get("communeCode"), p.get("message")));
			redirect.addFlashAttribute("success", messages.get("association.apply.thanks"));
		} catch (Problems.RejectedException ex) {
			redirect.addFlashAttribute("failure", messages.get("association.apply.failed"));
			redirect.addFlashAttribute("form", p);
			redirect.addFlashAttribute("problems", messages.byField(ex.problems()));
		}
		return "redirect:/" + slug + "/adherer";
	}
}
