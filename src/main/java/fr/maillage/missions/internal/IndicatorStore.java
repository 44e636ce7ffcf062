package fr.maillage.missions.internal;

import fr.maillage.missions.Indicator;
import fr.maillage.missions.Measure;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the indicator catalogue, targets and values. */
@Repository
public class IndicatorStore {

	/** A stored value of one month of the contract. */
	public record Value(UUID id, UUID indicatorId, LocalDate periodStart, LocalDate periodEnd, String origin, BigDecimal numerator,
			@Nullable BigDecimal denominator, @Nullable String note, @Nullable String proofName, java.time.Instant enteredAt) {

		public Measure measure() {
			return new Measure(numerator, denominator);
		}
	}

	public record Proof(String name, String type, byte[] content) {
	}

	private final JdbcClient jdbc;

	IndicatorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Indicator> catalogue(UUID cptsId) {
		Map<UUID, Map<Integer, BigDecimal>> targets = new HashMap<>();
		jdbc.sql("select t.* from indicator_target t join indicator i on i.id = t.indicator_id where i.cpts_id = :c").param("c", cptsId)
			.query(rs -> {
				targets.computeIfAbsent(rs.getObject("indicator_id", UUID.class), k -> new HashMap<>()).put(rs.getInt("contract_year"),
						rs.getBigDecimal("target"));
			});
		return jdbc.sql("select * from indicator where cpts_id = :c order by mission, kind, name").param("c", cptsId)
			.query((rs, n) -> indicator(rs, targets.getOrDefault(rs.getObject("id", UUID.class), Map.of()))).list();
	}

	public Optional<Indicator> find(UUID cptsId, UUID id) {
		return catalogue(cptsId).stream().filter(i -> i.id().equals(id)).findFirst();
	}

	public void insert(Indicator i) {
		jdbc.sql("""
				insert into indicator (id, cpts_id, mission, source_code, name, kind, definition, unit, aggregation, source_label, baseline,
				  baseline_on, weight_percent, lower_is_better)
				values (:id, :c, :m, :code, :name, :kind, :def, :unit, :agg, :src, :base, :baseOn, :w, :low)""")
			.param("id", i.id()).param("c", i.cptsId()).param("m", i.mission()).param("code", i.sourceCode()).param("name", i.name())
			.param("kind", i.kind().name()).param("def", i.definition()).param("unit", i.unit().name()).param("agg", i.aggregation().name())
			.param("src", i.sourceLabel()).param("base", i.baseline()).param("baseOn", i.baselineOn()).param("w", i.weightPercent())
			.param("low", i.lowerIsBetter()).update();
		saveTargets(i);
	}

	public void update(Indicator i) {
		jdbc.sql("""
				update indicator set mission = :m, name = :name, kind = :kind, definition = :def, source_label = :src, baseline = :base,
				  baseline_on = :baseOn, weight_percent = :w, lower_is_better = :low
				where id = :id and cpts_id = :c""")
			.param("id", i.id()).param("c", i.cptsId()).param("m", i.mission()).param("name", i.name()).param("kind", i.kind().name())
			.param("def", i.definition()).param("src", i.sourceLabel()).param("base", i.baseline()).param("baseOn", i.baselineOn())
			.param("w", i.weightPercent()).param("low", i.lowerIsBetter()).update();
		saveTargets(i);
	}

	private void saveTargets(Indicator i) {
		jdbc.sql("delete from indicator_target where indicator_id = :id").param("id", i.id()).update();
		i.targets().forEach((year, target) -> jdbc.sql("insert into indicator_target (indicator_id, contract_year, target) values (:id, :y, :t)")
			.param("id", i.id()).param("y", year).param("t", target).update());
	}

	/** Values of the CPTS's indicators from a day up to another (excluded), oldest first. */
	public List<Value> values(UUID cptsId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select v.* from indicator_value v join indicator i on i.id = v.indicator_id
				where i.cpts_id = :c and v.period_start >= :f and v.period_start < :t order by v.period_start, v.entered_at""")
			.param("c", cptsId).param("f", from).param("t", to).query(IndicatorStore::value).list();
	}

	/** A month's snapshot, once: false when there was one already (the history is never rewritten). */
	public boolean snapshot(UUID indicatorId, LocalDate start, LocalDate end, Measure m) {
		return jdbc.sql("""
				insert into indicator_value (id, indicator_id, period_start, period_end, origin, numerator, denominator)
				values (:id, :i, :s, :e, 'SNAPSHOT', :n, :d) on conflict do nothing""")
			.param("id", UUID.randomUUID()).param("i", indicatorId).param("s", start).param("e", end).param("n", m.numerator())
			.param("d", m.denominator()).update() > 0;
	}

	/** The months already snapshotted among the computed indicators of a CPTS, by indicator. */
	public Map<UUID, java.util.Set<LocalDate>> snapshotted(UUID cptsId, LocalDate from) {
		Map<UUID, java.util.Set<LocalDate>> done = new HashMap<>();
		jdbc.sql("""
				select v.indicator_id, v.period_start from indicator_value v join indicator i on i.id = v.indicator_id
				where i.cpts_id = :c and v.origin = 'SNAPSHOT' and v.period_start >= :f""")
			.param("c", cptsId).param("f", from).query(rs -> {
				done.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.HashSet<>()).add(rs.getObject(2, LocalDate.class));
			});
		return done;
	}

	public void insertManual(UUID id, UUID indicatorId, LocalDate start, LocalDate end, Measure m, @Nullable String note, Proof proof, UUID by) {
		jdbc.sql("""
				insert into indicator_value (id, indicator_id, period_start, period_end, origin, numerator, denominator, note, proof_name,
				  proof_type, proof, entered_by)
				values (:id, :i, :s, :e, 'MANUAL', :n, :d, :note, :pn, :pt, :p, :by)""")
			.param("id", id).param("i", indicatorId).param("s", start).param("e", end).param("n", m.numerator()).param("d", m.denominator())
			.param("note", note).param("pn", proof.name()).param("pt", proof.type()).param("p", proof.content()).param("by", by).update();
	}

	public Optional<Proof> proof(UUID cptsId, UUID valueId) {
		return jdbc.sql("""
				select v.proof_name, v.proof_type, v.proof from indicator_value v join indicator i on i.id = v.indicator_id
				where i.cpts_id = :c and v.id = :v and v.proof is not null""")
			.param("c", cptsId).param("v", valueId)
			.query((rs, n) -> new Proof(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}

	/** The CPTS that have a contract, with its signature date: those the monthly job snapshots. */
	public Map<UUID, LocalDate> contracted() {
		Map<UUID, LocalDate> all = new HashMap<>();
		jdbc.sql("select cpts_id, signed_on from contract").query(rs -> {
			all.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class));
		});
		return all;
	}

	private static Indicator indicator(ResultSet rs, Map<Integer, BigDecimal> targets) throws SQLException {
		return new Indicator(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), rs.getString("mission"),
				rs.getString("source_code"), rs.getString("name"), Indicator.Kind.valueOf(rs.getString("kind")), rs.getString("definition"),
				Indicator.Unit.valueOf(rs.getString("unit")), Indicator.Aggregation.valueOf(rs.getString("aggregation")),
				rs.getString("source_label"), rs.getBigDecimal("baseline"), rs.getObject("baseline_on", LocalDate.class),
				rs.getBigDecimal("weight_percent"), rs.getBoolean("lower_is_better"), targets);
	}

	private static Value value(ResultSet rs, int n) throws SQLException {
		return new Value(rs.getObject("id", UUID.class), rs.getObject("indicator_id", UUID.class), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), rs.getString("origin"), rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"),
				rs.getString("note"), rs.getString("proof_name"), rs.getTimestamp("entered_at").toInstant());
	}
}
