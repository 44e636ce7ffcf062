package fr.maillage.association.web;

import fr.maillage.association.Applications;
import fr.maillage.association.Colleges;
import fr.maillage.association.Fees;
import fr.maillage.association.Governance;
import fr.maillage.association.Meetings;
import fr.maillage.association.Members;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The association over the API: members, applications, fees, bodies and mandates, meetings. */
@RestController
class AssociationApiController {

	private final Members members;
	private final Colleges colleges;
	private final Applications applications;
	private final Fees fees;
	private final Governance governance;
	private final Meetings meetings;
	private final fr.maillage.association.Dashboard dashboard;
	private final fr.maillage.association.Compensation compensation;
	private final fr.maillage.association.Documents documents;

	AssociationApiController(fr.maillage.association.Documents documents, Members members, Colleges colleges, Applications applications, Fees fees, Governance governance, Meetings meetings,
			fr.maillage.association.Dashboard dashboard, fr.maillage.association.Compensation compensation) {
		this.dashboard = dashboard;
		this.compensation = compensation;
		this.documents = documents;
		this.members = members;
		this.colleges = colleges;
		this.applications = applications;
		this.fees = fees;
		this.governance = governance;
		this.meetings = meetings;
	}

	@GetMapping("/api/v1/cpts/{id}/colleges")
	List<Colleges.College> colleges(@PathVariable UUID id) {
		return colleges.list(id);
	}

	record Named(@Nullable String name) {
	}

	@PostMapping("/api/v1/cpts/{id}/colleges")
	ResponseEntity<Colleges.College> addCollege(@PathVariable UUID id, @RequestBody Named n) {
		return ResponseEntity.status(HttpStatus.CREATED).body(colleges.add(id, n.name()));
	}

	@GetMapping("/api/v1/cpts/{id}/members")
	List<Members.Member> members(@PathVariable UUID id, @RequestParam(required = false) Members.@Nullable Status status,
			@RequestParam(required = false) @Nullable UUID collegeId) {
		return members.list(id, status, collegeId);
	}

	@PostMapping("/api/v1/cpts/{id}/members")
	ResponseEntity<Members.Member> register(@PathVariable UUID id, @RequestBody Members.MemberForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(members.register(id, form));
	}

	record MemberUpdate(Members.@Nullable Status status, @Nullable UUID collegeId, @Nullable Boolean honorary, @Nullable String note) {
	}

	@PutMapping("/api/v1/members/{id}")
	Members.Member update(@PathVariable UUID id, @RequestBody MemberUpdate u) {
		return members.update(id, u.status(), u.collegeId(), u.honorary(), u.note());
	}

	@GetMapping("/api/v1/me/memberships")
	List<Members.Member> mine() {
		return members.mine();
	}

	@GetMapping("/api/v1/cpts/{id}/membership-applications")
	List<Applications.Application> applications(@PathVariable UUID id) {
		return applications.pending(id);
	}

	@PostMapping("/api/v1/membership-applications/{id}/accept")
	Members.Member accept(@PathVariable UUID id, @RequestBody Members.MemberForm form) {
		return applications.accept(id, form);
	}

	record Note(@Nullable String note) {
	}

	@PostMapping("/api/v1/membership-applications/{id}/refuse")
	ResponseEntity<Void> refuse(@PathVariable UUID id, @RequestBody Note n) {
		applications.refuse(id, n.note());
		return ResponseEntity.noContent().build();
	}

	// ---- fees

	@GetMapping("/api/v1/cpts/{id}/fees/rates")
	List<Fees.Rate> rates(@PathVariable UUID id, @RequestParam int year) {
		return fees.rates(id, year);
	}

	@PutMapping("/api/v1/cpts/{id}/fees/rates")
	List<Fees.Rate> setRates(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year, @RequestBody Map<String, String> amounts) {
		return fees.setRates(id, year, amounts);
	}

	@PostMapping("/api/v1/members/{id}/payments")
	ResponseEntity<Fees.Payment> pay(@PathVariable UUID id, @RequestBody Fees.PaymentForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(fees.record(id, form));
	}

	@GetMapping("/api/v1/members/{id}/payments")
	List<Fees.Payment> payments(@PathVariable UUID id) {
		return fees.paymentsOf(id);
	}

	record Reason(@Nullable String reason) {
	}

	@PostMapping("/api/v1/payments/{id}/cancel")
	Fees.Payment cancel(@PathVariable UUID id, @RequestBody Reason r) {
		return fees.cancel(id, r.reason());
	}

	@GetMapping("/api/v1/payments/{id}/receipt.pdf")
	ResponseEntity<byte[]> receipt(@PathVariable UUID id) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(fees.receipt(fees.visiblePayment(id)));
	}

	@GetMapping("/api/v1/cpts/{id}/fees/statement")
	Fees.Statement statement(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year) {
		return fees.statement(id, year == null ? LocalDate.now(fr.maillage.association.Board.PARIS).getYear() : year);
	}

	@GetMapping("/api/v1/cpts/{id}/fees/standings")
	List<Fees.Standing> standings(@PathVariable UUID id, @RequestParam int year) {
		return fees.standings(id, year);
	}

	@PostMapping("/api/v1/cpts/{id}/fees/reminders")
	Map<String, Integer> remind(@PathVariable UUID id, @RequestParam int year) {
		return Map.of("reminded", fees.remind(id, year));
	}

	// ---- dashboard and compensation

	@GetMapping("/api/v1/cpts/{id}/association/dashboard")
	fr.maillage.association.Dashboard.View dashboard(@PathVariable UUID id) {
		return dashboard.view(id);
	}

	@GetMapping("/api/v1/cpts/{id}/compensation/rates")
	List<fr.maillage.association.Compensation.Rate> compensationRates(@PathVariable UUID id) {
		return compensation.rates(id);
	}

	@PostMapping("/api/v1/cpts/{id}/compensation/rates")
	ResponseEntity<fr.maillage.association.Compensation.Rate> setCompensationRate(@PathVariable UUID id,
			@RequestBody fr.maillage.association.Compensation.RateForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(compensation.setRate(id, form));
	}

	@GetMapping("/api/v1/cpts/{id}/compensation")
	fr.maillage.association.Compensation.Summary compensation(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year) {
		return compensation.summary(id, year == null ? LocalDate.now(fr.maillage.association.Board.PARIS).getYear() : year);
	}

	@GetMapping("/api/v1/members/{id}/compensation")
	fr.maillage.association.Compensation.Statement memberCompensation(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year) {
		return compensation.statement(id, year == null ? LocalDate.now(fr.maillage.association.Board.PARIS).getYear() : year);
	}

	// ---- the library

	@GetMapping("/api/v1/cpts/{id}/documents")
	List<fr.maillage.association.Documents.Document> documents(@PathVariable UUID id) {
		return documents.visible(id);
	}

	@PostMapping("/api/v1/cpts/{id}/documents")
	ResponseEntity<fr.maillage.association.Documents.Document> addDocument(@PathVariable UUID id, @RequestParam(required = false) @Nullable String folder,
			@RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String audience,
			@RequestParam(required = false) @Nullable UUID bodyId, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) org.springframework.web.multipart.@Nullable MultipartFile file) throws java.io.IOException {
		return ResponseEntity.status(HttpStatus.CREATED).body(documents.add(id, new fr.maillage.association.Documents.DocumentForm(folder, title,
				fr.maillage.platform.TypedValues.enumOf(fr.maillage.association.Documents.Audience.class, audience), bodyId, note),
				AssociationPagesController.upload(file)));
	}

	record Attach(@Nullable UUID documentId) {
	}

	@PostMapping("/api/v1/meetings/{id}/documents")
	List<fr.maillage.association.Documents.Document> attach(@PathVariable UUID id, @RequestBody Attach a) {
		documents.attach(id, meetings.get(id).cptsId(), a.documentId());
		return documents.ofMeeting(id);
	}

	@GetMapping("/api/v1/documents/{id}/file")
	ResponseEntity<byte[]> documentFile(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version) {
		fr.maillage.association.Documents.File f = documents.download(id, version);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType())).body(f.content());
	}

	// ---- governance

	@GetMapping("/api/v1/cpts/{id}/bodies")
	List<Governance.Body> bodies(@PathVariable UUID id) {
		return governance.bodies(id);
	}

	@PostMapping("/api/v1/cpts/{id}/bodies")
	ResponseEntity<Governance.Body> createBody(@PathVariable UUID id, @RequestBody Governance.BodyForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(governance.createBody(id, form));
	}

	@GetMapping("/api/v1/bodies/{id}/mandates")
	List<Governance.Mandate> mandates(@PathVariable UUID id) {
		return governance.mandates(id);
	}

	@PostMapping("/api/v1/bodies/{id}/mandates")
	ResponseEntity<Governance.Mandate> appoint(@PathVariable UUID id, @RequestBody Governance.MandateForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(governance.appoint(id, form));
	}

	record End(@Nullable LocalDate endsOn, @Nullable String note) {
	}

	@PostMapping("/api/v1/mandates/{id}/end")
	Governance.Mandate endMandate(@PathVariable UUID id, @RequestBody End e) {
		return governance.end(id, e.endsOn(), e.note());
	}

	@GetMapping("/api/v1/bodies/{id}/renewal")
	Governance.Renewal renewal(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year) {
		return governance.renewal(id, year == null ? LocalDate.now(fr.maillage.association.Board.PARIS).getYear() : year);
	}

	// ---- meetings

	@GetMapping("/api/v1/cpts/{id}/meetings")
	List<Meetings.Meeting> meetings(@PathVariable UUID id) {
		return meetings.list(id);
	}

	@PostMapping("/api/v1/cpts/{id}/meetings")
	ResponseEntity<Meetings.Meeting> createMeeting(@PathVariable UUID id, @RequestBody Meetings.MeetingForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(meetings.create(id, form));
	}

	@PostMapping("/api/v1/meetings/{id}/invitees")
	List<Meetings.Invitee> invite(@PathVariable UUID id, @RequestBody Meetings.Invitees who) {
		return meetings.invite(id, who);
	}

	record Convene(@Nullable Boolean confirmPast) {
	}

	@PostMapping("/api/v1/meetings/{id}/convene")
	Map<String, Integer> convene(@PathVariable UUID id, @RequestBody(required = false) @Nullable Convene c) {
		return Map.of("sent", meetings.convene(id, c != null && Boolean.TRUE.equals(c.confirmPast())));
	}

	record ReplyJson(@Nullable UUID memberId, Meetings.@Nullable Reply reply, @Nullable UUID proxyTo) {
	}

	@PostMapping("/api/v1/meetings/{id}/replies")
	List<Meetings.Invitee> reply(@PathVariable UUID id, @RequestBody ReplyJson r) {
		if (r.memberId() == null) {
			throw fr.maillage.platform.Problems.rejected("memberId", "association.reply.notInvited");
		}
		return meetings.reply(id, r.memberId(), r.reply(), r.proxyTo());
	}

	record Present(@Nullable List<UUID> present) {
	}

	@PostMapping("/api/v1/meetings/{id}/attendance")
	Meetings.Attendance takeAttendance(@PathVariable UUID id, @RequestBody Present p) {
		return meetings.takeAttendance(id, p.present() == null ? List.of() : p.present());
	}

	@GetMapping("/api/v1/meetings/{id}/attendance")
	Meetings.Attendance attendance(@PathVariable UUID id) {
		return meetings.attendance(id);
	}

	record Text(@Nullable String text) {
	}

	@PostMapping("/api/v1/meetings/{id}/resolutions")
	ResponseEntity<Meetings.Resolution> addResolution(@PathVariable UUID id, @RequestBody Text t) {
		return ResponseEntity.status(HttpStatus.CREATED).body(meetings.addResolution(id, t.text()));
	}

	@GetMapping("/api/v1/meetings/{id}/resolutions")
	List<Meetings.Resolution> resolutions(@PathVariable UUID id) {
		meetings.visible(id);
		return meetings.resolutions(id);
	}

	record Ballot(@Nullable UUID voterId, Meetings.@Nullable Choice choice) {
	}

	@PostMapping("/api/v1/resolutions/{id}/ballots")
	Meetings.Resolution vote(@PathVariable UUID id, @RequestBody Ballot b) {
		if (b.voterId() == null) {
			throw fr.maillage.platform.Problems.rejected("voterId", "association.vote.notInvited");
		}
		return meetings.vote(id, b.voterId(), b.choice());
	}

	@PutMapping("/api/v1/meetings/{id}/minutes")
	Meetings.Meeting minutes(@PathVariable UUID id, @RequestBody Text t) {
		return meetings.saveMinutes(id, t.text());
	}

	@PostMapping("/api/v1/meetings/{id}/minutes/publish")
	Map<String, Integer> publish(@PathVariable UUID id) {
		return Map.of("sent", meetings.publishMinutes(id));
	}

	@GetMapping("/api/v1/meetings/{id}/minutes.pdf")
	ResponseEntity<byte[]> minutesPdf(@PathVariable UUID id) {
		Meetings.Meeting m = meetings.visible(id);
		if (m.minutesPublishedAt() == null && !meetings.boardMay(m.cptsId())) {
			throw new fr.maillage.platform.NotFoundException();
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(meetings.minutesPdf(m));
	}
}
