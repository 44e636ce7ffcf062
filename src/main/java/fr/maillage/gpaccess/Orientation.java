package fr.maillage.gpaccess;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.directory.AccountLinks;
import fr.maillage.gpaccess.internal.OrientationEngine;
import fr.maillage.notifications.Notice;
import fr.maillage.notifications.Notifications;
import fr.maillage.patients.Patient;
import fr.maillage.patients.Patients;
import fr.maillage.platform.Messages;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orientation of the waiting requests towards the GPs with capacity left: computed by
 * {@link OrientationEngine} (a minimum-cost flow that serves the protocol's ranks first, then
 * minimises travel), explained request by request, then committed: the proposals are recorded and
 * each GP is notified.
 */
@Service
public class Orientation {

	public static final String KIND_PROPOSAL = "gpaccess.proposal";

	public record Proposal(UUID requestId, long number, String patientName, String communeName, String rank, UUID practitionerId,
			String practitionerName, double km, int remainingAfter, String explanation) {
	}

	public record Unserved(UUID requestId, long number, String patientName, String communeName, String rank, String reason,
			String explanation) {
	}

	/** The plan: proposals, requests left waiting and why, and the figures of the run. */
	public record Plan(List<Proposal> proposals, List<Unserved> unserved, int pending, int practitioners, int capacityLeft,
			List<String> protocol, long millis) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final Patients patients;
	private final GpCapacities capacities;
	private final GpProtocol protocol;
	private final GpRequests requests;
	private final CommuneDirectory communes;
	private final Messages messages;
	private final AuditLog audit;
	private final Notifications notifications;
	private final AccountLinks links;

	Orientation(JdbcClient jdbc, CptsAccess access, Patients patients, GpCapacities capacities, GpProtocol protocol, GpRequests requests,
			CommuneDirectory communes, Messages messages, AuditLog audit, Notifications notifications, AccountLinks links) {
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
		this.capacities = capacities;
		this.protocol = protocol;
		this.requests = requests;
		this.communes = communes;
		this.messages = messages;
		this.audit = audit;
		this.notifications = notifications;
		this.links = links;
	}

	/** Computes the plan without saving anything. */
	@Transactional
	public Plan preview(UUID cptsId) {
		access.requireCoordinatorForPatients(cptsId);
		Plan plan = compute(cptsId);
		audit.change("gp_orientation.preview", "cpts", cptsId.toString(), cptsId,
				plan.proposals().size() + " propositions, " + plan.unserved().size() + " en attente");
		return plan;
	}

	/**
	 * Records the plan's proposals (all of them, or those of {@code only}) and notifies the GPs;
	 * computed again under a lock so that two coordinators cannot commit twice.
	 */
	@Transactional
	public Plan commit(UUID cptsId, @Nullable Collection<UUID> only) {
		CurrentUser user = access.requireCoordinatorForPatients(cptsId);
		jdbc.sql("select pg_advisory_xact_lock(hashtext('gp-orientation:' || :c))").param("c", cptsId.toString()).query().singleRow();
		Plan plan = compute(cptsId);
		Set<UUID> chosen = only == null ? null : new HashSet<>(only);
		List<Proposal> committed = new ArrayList<>();
		Map<UUID, Integer> perPractitioner = new LinkedHashMap<>();
		for (Proposal p : plan.proposals()) {
			if (chosen != null && !chosen.contains(p.requestId())) {
				continue;
			}
			int changed = jdbc.sql("""
					update gp_request set status = 'PROPOSED', practitioner_id = :p, proposed_at = now(), proposal_reason = :why,
					  answered_at = null, version = version + 1 where id = :id and status = 'PENDING'""")
				.param("p", p.practitionerId()).param("why", p.explanation()).param("id", p.requestId()).update();
			if (changed == 1) {
				requests.event(p.requestId(), "PROPOSED", p.practitionerId(), user.id(), p.explanation());
				committed.add(p);
				perPractitioner.merge(p.practitionerId(), 1, Integer::sum);
			}
		}
		audit.change("gp_orientation.commit", "cpts", cptsId.toString(), cptsId, committed.size() + " propositions envoyées");
		List<Notice> notices = new ArrayList<>();
		perPractitioner.forEach((practitioner, count) -> links.accountOf(practitioner).ifPresent(account -> notices.add(Notice.of(account,
				cptsId, KIND_PROPOSAL, messages.get("gpaccess.notice.proposal.title"), messages.get("gpaccess.notice.proposal.body", count),
				"/cpts/" + cptsId + "/medecin-traitant/propositions"))));
		if (!notices.isEmpty()) {
			notifications.send(notices); // outbox rows in this transaction: the notice exists exactly when the change does
		}
		return new Plan(committed, plan.unserved(), plan.pending(), plan.practitioners(), plan.capacityLeft(), plan.protocol(), plan.millis());
	}

	private Plan compute(UUID cptsId) {
		long start = System.nanoTime();
		List<Criterion> criteria = protocol.criteria(cptsId);
		List<GpRequests.Row> pending = jdbc.sql("select * from gp_request where cpts_id = :c and status = 'PENDING' order by filed_at, number")
			.param("c", cptsId).query(GpRequests::row).list();
		Map<UUID, Patient> people = patients.getAll(cptsId, pending.stream().map(GpRequests.Row::patientId).toList(), "orientation");
		List<GpCapacities.Capacity> offers = capacities.of(cptsId, null).stream()
			.filter(c -> c.remaining() > 0 && c.practiceCommune() != null).toList();

		Set<String> codes = new HashSet<>();
		people.values().forEach(p -> codes.add(p.contact().communeCode()));
		offers.forEach(o -> codes.add(o.practiceCommune()));
		Map<String, Commune> places = new HashMap<>();
		communes.findAll(codes).forEach(c -> places.put(c.inseeCode(), c));

		LocalDate today = LocalDate.now(GpCapacities.PARIS);
		List<GpRequests.Row> rows = new ArrayList<>();
		List<OrientationEngine.Demand> demands = new ArrayList<>();
		for (GpRequests.Row r : pending) {
			Patient p = people.get(r.patientId());
			if (p == null) {
				continue;
			}
			rows.add(r);
			demands.add(new OrientationEngine.Demand(p.contact().communeCode(), level(r, p, criteria, today), r.filedAt().toEpochMilli(),
					r.homeVisit(), r.maxKm()));
		}
		List<OrientationEngine.Offer> engineOffers = offers.stream().map(o -> new OrientationEngine.Offer(o.practiceCommune(), o.remaining(),
				o.homeVisits(), o.radiusKm(), Set.copyOf(o.communes()))).toList();
		OrientationEngine.Result result = new OrientationEngine(places::get).solve(demands, engineOffers, criteria.size() + 1);

		List<String> labels = new ArrayList<>(criteria.stream().map(c -> messages.get(c.labelKey())).toList());
		labels.add(messages.get("gpaccess.criterion.OTHERS"));
		List<Proposal> proposals = new ArrayList<>();
		List<Unserved> unserved = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			GpRequests.Row r = rows.get(i);
			Patient p = people.get(r.patientId());
			Commune home = places.get(p.contact().communeCode());
			String communeName = home == null ? p.contact().communeCode() : home.name();
			String rank = labels.get(demands.get(i).level());
			int o = result.offerOf()[i];
			if (o >= 0) {
				GpCapacities.Capacity gp = offers.get(o);
				String km = String.format(java.util.Locale.FRANCE, "%.0f", result.km()[i]);
				proposals.add(new Proposal(r.id(), r.number(), p.identity().displayName(), communeName, rank, gp.practitionerId(),
						gp.practitionerName(), result.km()[i], result.remainingAfter()[i],
						messages.get("gpaccess.orientation.explanation", gp.practitionerName(), rank, km, result.remainingAfter()[i])));
			} else {
				String reason = result.unserved()[i].name();
				unserved.add(new Unserved(r.id(), r.number(), p.identity().displayName(), communeName, rank, reason,
						messages.get("gpaccess.orientation.unserved." + reason, String.format(java.util.Locale.FRANCE, "%.0f", r.maxKm()))));
			}
		}
		int capacityLeft = offers.stream().mapToInt(GpCapacities.Capacity::remaining).sum();
		return new Plan(proposals, unserved, rows.size(), offers.size(), capacityLeft, labels, (System.nanoTime() - start) / 1_000_000);
	}

	/** The rank of a request: the first criterion of the protocol it meets, or after all of them. */
	static int level(GpRequests.Row r, Patient p, List<Criterion> criteria, LocalDate today) {
		for (int k = 0; k < criteria.size(); k++) {
			if (meets(r, p, criteria.get(k), today)) {
				return k;
			}
		}
		return criteria.size();
	}

	static boolean meets(GpRequests.Row r, Patient p, Criterion criterion, LocalDate today) {
		return switch (criterion) {
			case ALD -> r.ald();
			case C2S -> r.c2s();
			case AGE_70 -> p.ageOn(today) >= 70;
			case HOME_VISIT -> r.homeVisit();
			case MT_LEFT -> r.situation() == Situation.MT_RETRAITE || r.situation() == Situation.MT_PARTI;
			case NEW_ARRIVAL -> r.situation() == Situation.NOUVEL_ARRIVANT;
		};
	}
}
