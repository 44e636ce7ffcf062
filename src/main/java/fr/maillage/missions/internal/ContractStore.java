package fr.maillage.missions.internal;

import fr.maillage.missions.AttainmentRule;
import fr.maillage.missions.Contract;
import fr.maillage.missions.ContractSchedule.PaymentKind;
import fr.maillage.missions.Contracts;
import fr.maillage.missions.Mission;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the contract, its missions, payments and dialogues, and the default amounts. */
@Repository
public class ContractStore {

	private final JdbcClient jdbc;

	ContractStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Contract> find(UUID cptsId) {
		return jdbc.sql("select * from contract where cpts_id = :c").param("c", cptsId).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new Contract(id, cptsId, rs.getObject("signed_on", LocalDate.class), rs.getInt("size_class"), rs.getString("size_class_reason"),
					rs.getLong("functioning_cents"), rs.getInt("advance_percent"), List.of(), rs.getInt("version"));
		}).optional().map(c -> new Contract(c.id(), c.cptsId(), c.signedOn(), c.sizeClass(), c.sizeClassReason(), c.functioningCents(),
				c.advancePercent(), missions(c.id()), c.version()));
	}

	private List<Contract.Signed> missions(UUID contractId) {
		return jdbc.sql("select * from contract_mission where contract_id = :id").param("id", contractId).query((rs, n) -> {
			AttainmentRule.Kind kind = AttainmentRule.Kind.valueOf(rs.getString("rule"));
			String steps = rs.getString("thresholds");
			AttainmentRule rule = new AttainmentRule(kind, rs.getInt("cap_percent"),
					steps == null ? List.of() : AttainmentRule.parseSteps(steps).orElse(List.of()));
			return new Contract.Signed(Mission.valueOf(rs.getString("mission")), rs.getLong("fixed_cents"), rs.getLong("variable_cents"),
					rs.getInt("start_months"), rs.getInt("full_months"), rule);
		}).list().stream().sorted(java.util.Comparator.comparing(Contract.Signed::mission)).toList();
	}

	/** Writes the contract and replaces its missions; false when {@code expectedVersion} is not the stored one. */
	public boolean save(Contract c, int expectedVersion) {
		int n = jdbc.sql("""
				insert into contract (id, cpts_id, signed_on, size_class, size_class_reason, functioning_cents, advance_percent)
				values (:id, :c, :s, :size, :reason, :f, :a)
				on conflict (cpts_id) do update set signed_on = excluded.signed_on, size_class = excluded.size_class,
				  size_class_reason = excluded.size_class_reason, functioning_cents = excluded.functioning_cents,
				  advance_percent = excluded.advance_percent, version = contract.version + 1, updated_at = now()
				where contract.version = :v""")
			.param("id", c.id()).param("c", c.cptsId()).param("s", c.signedOn()).param("size", c.sizeClass()).param("reason", c.sizeClassReason())
			.param("f", c.functioningCents()).param("a", c.advancePercent()).param("v", expectedVersion).update();
		if (n == 0) {
			return false;
		}
		UUID id = jdbc.sql("select id from contract where cpts_id = :c").param("c", c.cptsId()).query(UUID.class).single();
		jdbc.sql("delete from contract_mission where contract_id = :id").param("id", id).update();
		for (Contract.Signed s : c.missions()) {
			jdbc.sql("""
					insert into contract_mission (contract_id, mission, fixed_cents, variable_cents, start_months, full_months, rule, thresholds, cap_percent)
					values (:id, :m, :f, :v, :s, :full, :r, :t, :cap)""")
				.param("id", id).param("m", s.mission().name()).param("f", s.fixedCents()).param("v", s.variableCents())
				.param("s", s.startMonths()).param("full", s.fullMonths()).param("r", s.rule().kind().name())
				.param("t", s.rule().steps().isEmpty() ? null : s.rule().stepsText()).param("cap", s.rule().capPercent()).update();
		}
		return true;
	}

	public List<Contracts.DefaultAmount> defaults() {
		return jdbc.sql("select * from aci_amount order by size_class, part").query((rs, n) -> new Contracts.DefaultAmount(rs.getInt("size_class"),
				rs.getString("part"), rs.getLong("fixed_cents"), rs.getLong("variable_cents"), rs.getBoolean("verified"))).list();
	}

	public void saveDefault(Contracts.DefaultAmount a) {
		jdbc.sql("""
				update aci_amount set fixed_cents = :f, variable_cents = :v, verified = :ok, updated_at = now()
				where size_class = :s and part = :p""")
			.param("f", a.fixedCents()).param("v", a.variableCents()).param("ok", a.verified()).param("s", a.sizeClass()).param("p", a.part())
			.update();
	}

	public void insertPayment(UUID contractId, Contracts.Payment p, UUID by) {
		jdbc.sql("""
				insert into contract_payment (id, contract_id, contract_year, part, kind, received_on, amount_cents, note, recorded_by)
				values (:id, :c, :y, :p, :k, :d, :a, :n, :by)""")
			.param("id", p.id()).param("c", contractId).param("y", p.contractYear()).param("p", p.part()).param("k", p.kind().name())
			.param("d", p.receivedOn()).param("a", p.amountCents()).param("n", p.note()).param("by", by).update();
	}

	public List<Contracts.Payment> payments(UUID contractId) {
		return jdbc.sql("select * from contract_payment where contract_id = :c order by received_on, recorded_at").param("c", contractId)
			.query(ContractStore::payment).list();
	}

	public void saveDialogue(UUID contractId, Contracts.Dialogue d, UUID by) {
		jdbc.sql("""
				insert into contract_dialogue (contract_id, contract_year, mission, final_cents, held_on, note, recorded_by)
				values (:c, :y, :m, :f, :d, :n, :by)
				on conflict (contract_id, contract_year, mission) do update set final_cents = excluded.final_cents, held_on = excluded.held_on,
				  note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = now()""")
			.param("c", contractId).param("y", d.contractYear()).param("m", d.mission().name()).param("f", d.finalCents()).param("d", d.heldOn())
			.param("n", d.note()).param("by", by).update();
	}

	public List<Contracts.Dialogue> dialogues(UUID contractId) {
		return jdbc.sql("select * from contract_dialogue where contract_id = :c order by contract_year, mission").param("c", contractId)
			.query((rs, n) -> new Contracts.Dialogue(rs.getInt("contract_year"), Mission.valueOf(rs.getString("mission")), rs.getLong("final_cents"),
					rs.getObject("held_on", LocalDate.class), rs.getString("note")))
			.list();
	}

	private static Contracts.Payment payment(ResultSet rs, int n) throws SQLException {
		return new Contracts.Payment(rs.getObject("id", UUID.class), rs.getInt("contract_year"), rs.getString("part"),
				PaymentKind.valueOf(rs.getString("kind")), rs.getObject("received_on", LocalDate.class), rs.getLong("amount_cents"),
				rs.getString("note"));
	}
}
