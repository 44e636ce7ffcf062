package fr.maillage.missions;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.CptsService;
import fr.maillage.cpts.SizeClass;
import fr.maillage.missions.ContractSchedule.PaymentKind;
import fr.maillage.missions.internal.ContractStore;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.shared.Euros;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the CPTS's contract and what the CPAM paid; answers what the contract promises (its
 * schedule) against what came in. For the coordination and the board; every change audited.
 */
@Service
public class Contracts {

	public static final String FUNCTIONING = "FUNCTIONING";

	/** A row of the installation's default table: the amounts of a part (functioning or a mission) for a size class. */
	public record DefaultAmount(int sizeClass, String part, long fixedCents, long variableCents, boolean verified) {
	}

	/** A payment received, for a contract year and a part (functioning or a mission). */
	public record Payment(UUID id, int contractYear, String part, PaymentKind kind, LocalDate receivedOn, long amountCents, @Nullable String note) {
	}

	/** The variable part decided in the dialogue de gestion for a contract year and a mission. */
	public record Dialogue(int contractYear, Mission mission, long finalCents, LocalDate heldOn, @Nullable String note) {
	}

	/** An expected payment beside what was received for the same year, part and kind. */
	public record Due(ContractSchedule.Expected expected, long receivedCents, @Nullable Long finalVariableCents) {

		public String part() {
			return expected.mission() == null ? FUNCTIONING : expected.mission().name();
		}

		/** What is owed now: the fixed part, with the variable part once the dialogue fixed it. */
		@JsonProperty
		public long owedCents() {
			return expected.fixedCents() + (finalVariableCents == null ? 0 : finalVariableCents);
		}

		@JsonProperty
		public long missingCents() {
			return Math.max(0, owedCents() - receivedCents);
		}
	}

	public record Overview(Contract contract, SizeClass territorySize, long population, List<ContractSchedule.Deadline> deadlines, List<Due> dues,
			List<Payment> payments, List<Dialogue> dialogues) {
	}

	private final ContractStore store;
	private final SteeringAccess steering;
	private final CptsAccess access;
	private final CptsService cpts;
	private final AuditLog audit;

	Contracts(ContractStore store, SteeringAccess steering, CptsAccess access, CptsService cpts, AuditLog audit) {
		this.store = store;
		this.steering = steering;
		this.access = access;
		this.cpts = cpts;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Optional<Contract> find(UUID cptsId) {
		steering.require(cptsId);
		return store.find(cptsId);
	}

	/** The contract without an access check, for modules' own checks (a budget on a closed year) and jobs. */
	@Transactional(readOnly = true)
	public Optional<Contract> contractOf(UUID cptsId) {
		return store.find(cptsId);
	}

	@Transactional(readOnly = true)
	public Contract require(UUID cptsId) {
		return find(cptsId).orElseThrow(NotFoundException::new);
	}

	@Transactional(readOnly = true)
	public Optional<Overview> overview(UUID cptsId) {
		steering.require(cptsId);
		var territory = cpts.territory(cptsId);
		return store.find(cptsId).map(c -> {
			List<Payment> payments = store.payments(c.id());
			List<Dialogue> dialogues = store.dialogues(c.id());
			Map<String, Long> received = payments.stream()
				.collect(Collectors.groupingBy(p -> p.contractYear() + "/" + p.part() + "/" + p.kind(), Collectors.summingLong(Payment::amountCents)));
			Map<String, Long> finals = dialogues.stream().collect(Collectors.toMap(d -> d.contractYear() + "/" + d.mission(), Dialogue::finalCents));
			List<Due> dues = new ArrayList<>();
			for (ContractSchedule.Expected e : ContractSchedule.expectedPayments(c)) {
				String part = e.mission() == null ? FUNCTIONING : e.mission().name();
				Long fin = e.kind() == PaymentKind.BALANCE && e.mission() != null ? finals.get(e.contractYear() + "/" + e.mission()) : null;
				dues.add(new Due(e, received.getOrDefault(e.contractYear() + "/" + part + "/" + e.kind(), 0L), fin));
			}
			return new Overview(c, territory.sizeClass(), territory.population(), ContractSchedule.deadlines(c), dues, payments, dialogues);
		});
	}

	@Transactional(readOnly = true)
	public List<DefaultAmount> defaults() {
		access.requireUser();
		return store.defaults();
	}

	/** An administrator corrects the installation's default table (or marks a row as checked against the text). */
	@Transactional
	public void changeDefault(DefaultAmount amount) {
		access.requireAdmin();
		if (amount.fixedCents() < 0 || amount.variableCents() < 0) {
			throw Problems.rejected("fixedCents", "missions.amount.negative");
		}
		store.saveDefault(amount);
		audit.change("missions.defaults.changed", "aci_amount", amount.sizeClass() + "/" + amount.part(), null,
				Euros.plain(amount.fixedCents()) + " + " + Euros.plain(amount.variableCents()) + (amount.verified() ? " vérifié" : ""));
	}

	@Transactional
	public Contract save(UUID cptsId, ContractTerms terms) {
		CurrentUser user = steering.require(cptsId);
		var territory = cpts.territory(cptsId);
		Optional<Contract> before = store.find(cptsId);
		Contract contract = terms.check(cptsId, before, territory.sizeClass(), store.defaults());
		if (!store.save(contract, contract.version())) {
			throw Problems.rejected("version", "missions.contract.changedMeanwhile");
		}
		audit.change(before.isPresent() ? "missions.contract.changed" : "missions.contract.recorded", "contract", cptsId.toString(), cptsId,
				"signé le " + contract.signedOn() + ", taille " + contract.sizeClass() + ", missions "
						+ contract.missions().stream().map(s -> s.mission().name()).collect(Collectors.joining(",")) + " par " + user.email());
		return store.find(cptsId).orElseThrow();
	}

	@Transactional
	public Payment recordPayment(UUID cptsId, int contractYear, String part, PaymentKind kind, @Nullable LocalDate receivedOn, long amountCents,
			@Nullable String note) {
		CurrentUser user = steering.require(cptsId);
		Contract c = store.find(cptsId).orElseThrow(NotFoundException::new);
		Problems problems = new Problems();
		if (contractYear < 1 || contractYear > Contract.YEARS) {
			problems.reject("contractYear", "missions.year.range", Contract.YEARS);
		}
		Mission mission = Mission.parseOrNull(part);
		if (!FUNCTIONING.equals(part) && (mission == null || !c.signs(mission))) {
			problems.reject("part", "missions.payment.part");
		}
		if (receivedOn == null) {
			problems.reject("receivedOn", "missions.payment.date");
		}
		if (amountCents <= 0) {
			problems.reject("amount", "missions.payment.amount");
		}
		problems.throwIfAny();
		Payment p = new Payment(UUID.randomUUID(), contractYear, part, kind, receivedOn, amountCents, note == null || note.isBlank() ? null : note.strip());
		store.insertPayment(c.id(), p, user.id());
		audit.change("missions.payment.recorded", "contract_payment", p.id().toString(), cptsId,
				"année " + contractYear + ", " + part + ", " + kind + ", " + Euros.plain(amountCents) + " le " + receivedOn);
		return p;
	}

	@Transactional
	public Dialogue recordDialogue(UUID cptsId, Dialogue d) {
		CurrentUser user = steering.require(cptsId);
		Contract c = store.find(cptsId).orElseThrow(NotFoundException::new);
		Problems problems = new Problems();
		if (d.contractYear() < 1 || d.contractYear() > Contract.YEARS) {
			problems.reject("contractYear", "missions.year.range", Contract.YEARS);
		}
		var signed = c.signed(d.mission());
		if (signed.isEmpty()) {
			problems.reject("mission", "missions.payment.part");
		}
		else if (d.finalCents() < 0 || d.finalCents() > signed.get().variableCents()) {
			problems.reject("finalCents", "missions.dialogue.range", Euros.format(signed.get().variableCents()));
		}
		problems.throwIfAny();
		store.saveDialogue(c.id(), d, user.id());
		audit.change("missions.dialogue.recorded", "contract", cptsId.toString(), cptsId,
				"année " + d.contractYear() + ", " + d.mission() + " : " + Euros.plain(d.finalCents()));
		return d;
	}
}
