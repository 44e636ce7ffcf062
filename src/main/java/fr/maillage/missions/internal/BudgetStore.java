package fr.maillage.missions.internal;

import fr.maillage.missions.BudgetCategory;
import fr.maillage.missions.BudgetLine;
import fr.maillage.missions.FecMapping;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for budget lines, closed years, the FEC mapping and the imported FEC entries. */
@Repository
public class BudgetStore {

	/** The total of the imported FEC entries of a year for a mission and a category (debit minus credit for expenses, the reverse for income). */
	public record FecTotal(String mission, BudgetCategory category, long cents) {
	}

	/** The FEC import of a year: when, which file, how many lines. */
	public record FecImportRow(UUID id, int year, String sha256, @Nullable String fileName, int lines, java.time.Instant importedAt) {
	}

	/** An imported entry line, for the accountant's export. */
	public record Entry(java.time.LocalDate date, String journal, String number, String account, @Nullable String label, long debitCents,
			long creditCents, String mission, BudgetCategory category) {
	}

	private final JdbcClient jdbc;
	private final DataSource dataSource;

	BudgetStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	public List<BudgetLine> lines(UUID cptsId, int year) {
		return jdbc.sql("select * from budget_line where cpts_id = :c and year = :y order by mission, direction desc, category, label")
			.param("c", cptsId).param("y", year)
			.query((rs, n) -> new BudgetLine(rs.getObject("id", UUID.class), cptsId, year, rs.getString("mission"), rs.getObject("sheet_id", UUID.class),
					BudgetCategory.valueOf(rs.getString("category")), rs.getString("label"), rs.getLong("planned_cents"), rs.getLong("actual_cents")))
			.list();
	}

	public Optional<BudgetLine> line(UUID cptsId, UUID lineId) {
		return jdbc.sql("select year from budget_line where cpts_id = :c and id = :id").param("c", cptsId).param("id", lineId).query(Integer.class)
			.optional().flatMap(y -> lines(cptsId, y).stream().filter(l -> l.id().equals(lineId)).findFirst());
	}

	public void save(BudgetLine l) {
		jdbc.sql("""
				insert into budget_line (id, cpts_id, year, mission, sheet_id, direction, category, label, planned_cents, actual_cents)
				values (:id, :c, :y, :m, :s, :d, :cat, :l, :p, :a)
				on conflict (id) do update set mission = excluded.mission, sheet_id = excluded.sheet_id, direction = excluded.direction,
				  category = excluded.category, label = excluded.label, planned_cents = excluded.planned_cents, actual_cents = excluded.actual_cents,
				  updated_at = now()""")
			.param("id", l.id()).param("c", l.cptsId()).param("y", l.year()).param("m", l.mission()).param("s", l.sheetId())
			.param("d", l.category().income() ? "INCOME" : "EXPENSE").param("cat", l.category().name()).param("l", l.label())
			.param("p", l.plannedCents()).param("a", l.actualCents()).update();
	}

	public void delete(UUID cptsId, UUID lineId) {
		jdbc.sql("delete from budget_line where cpts_id = :c and id = :id").param("c", cptsId).param("id", lineId).update();
	}

	public boolean closed(UUID cptsId, int year) {
		return jdbc.sql("select exists (select 1 from budget_year_closed where cpts_id = :c and year = :y)").param("c", cptsId).param("y", year)
			.query(Boolean.class).single();
	}

	public void close(UUID cptsId, int year, UUID by) {
		jdbc.sql("insert into budget_year_closed (cpts_id, year, closed_by) values (:c, :y, :by) on conflict do nothing").param("c", cptsId)
			.param("y", year).param("by", by).update();
	}

	public List<FecMapping> mappings(UUID cptsId) {
		return jdbc.sql("select * from fec_mapping where cpts_id = :c order by kind, code").param("c", cptsId)
			.query((rs, n) -> new FecMapping(FecMapping.Kind.valueOf(rs.getString("kind")), rs.getString("code"), rs.getString("mission"),
					BudgetCategory.valueOf(rs.getString("category"))))
			.list();
	}

	public void saveMapping(UUID cptsId, FecMapping m) {
		jdbc.sql("""
				insert into fec_mapping (cpts_id, kind, code, mission, category) values (:c, :k, :code, :m, :cat)
				on conflict (cpts_id, kind, code) do update set mission = excluded.mission, category = excluded.category""")
			.param("c", cptsId).param("k", m.kind().name()).param("code", m.code()).param("m", m.mission()).param("cat", m.category().name()).update();
	}

	public void deleteMapping(UUID cptsId, FecMapping.Kind kind, String code) {
		jdbc.sql("delete from fec_mapping where cpts_id = :c and kind = :k and code = :code").param("c", cptsId).param("k", kind.name())
			.param("code", code).update();
	}

	public Optional<FecImportRow> fecImport(UUID cptsId, int year) {
		return jdbc.sql("select * from fec_import where cpts_id = :c and year = :y").param("c", cptsId).param("y", year)
			.query((rs, n) -> new FecImportRow(rs.getObject("id", UUID.class), year, rs.getString("sha256"), rs.getString("file_name"),
					rs.getInt("lines"), rs.getObject("imported_at", java.time.OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Replaces the year's import by this one; {@code csv} holds its entry lines in COPY's csv format, import id first. */
	public void replaceImport(UUID cptsId, FecImportRow row, UUID by, String csv) {
		jdbc.sql("delete from fec_import where cpts_id = :c and year = :y").param("c", cptsId).param("y", row.year()).update();
		jdbc.sql("insert into fec_import (id, cpts_id, year, sha256, file_name, lines, imported_by) values (:id, :c, :y, :sha, :f, :n, :by)")
			.param("id", row.id()).param("c", cptsId).param("y", row.year()).param("sha", row.sha256()).param("f", row.fileName())
			.param("n", row.lines()).param("by", by).update();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
					"copy fec_entry (import_id, line_no, entry_date, journal, entry_number, account, label, debit_cents, credit_cents, mission, category) "
							+ "from stdin with (format csv)", new StringReader(csv));
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("FEC entries could not be written", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	public List<FecTotal> fecTotals(UUID cptsId, int year) {
		return jdbc.sql("""
				select e.mission, e.category, sum(e.debit_cents) as debit, sum(e.credit_cents) as credit
				from fec_entry e join fec_import i on i.id = e.import_id where i.cpts_id = :c and i.year = :y group by e.mission, e.category""")
			.param("c", cptsId).param("y", year).query((rs, n) -> {
				BudgetCategory cat = BudgetCategory.valueOf(rs.getString("category"));
				long net = cat.income() ? rs.getLong("credit") - rs.getLong("debit") : rs.getLong("debit") - rs.getLong("credit");
				return new FecTotal(rs.getString("mission"), cat, net);
			}).list();
	}

	public List<Entry> entries(UUID cptsId, int year) {
		return jdbc.sql("""
				select e.* from fec_entry e join fec_import i on i.id = e.import_id where i.cpts_id = :c and i.year = :y order by e.line_no""")
			.param("c", cptsId).param("y", year)
			.query((rs, n) -> new Entry(rs.getObject("entry_date", java.time.LocalDate.class), rs.getString("journal"), rs.getString("entry_number"),
					rs.getString("account"), rs.getString("label"), rs.getLong("debit_cents"), rs.getLong("credit_cents"), rs.getString("mission"),
					BudgetCategory.valueOf(rs.getString("category"))))
			.list();
	}
}
