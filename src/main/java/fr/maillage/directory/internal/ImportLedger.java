package fr.maillage.directory.internal;

import fr.maillage.directory.ImportStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The directory_import rows: created, progress (each in its own short transaction), report. */
@Repository
public class ImportLedger {

	public record Counts(int created, int updated, int unchanged, int inactivated, long outOfScope, int rejected) {
	}

	public record Row(UUID id, @Nullable UUID cptsId, String fileName, long fileBytes, String status, long linesTotal, long linesRead,
			Counts counts, @Nullable String encoding, @Nullable String problem, List<String> problemArgs, java.time.Instant startedAt,
			java.time.@Nullable Instant finishedAt) {
	}

	public record Rejection(long line, String reason, List<String> args, @Nullable String excerpt) {
	}

	private final JdbcClient jdbc;

	ImportLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void create(UUID id, @Nullable UUID cptsId, String kind, String fileName, long bytes, @Nullable UUID by) {
		jdbc.sql("""
				insert into directory_import (id, cpts_id, kind, file_name, file_bytes, status, created_by)
				values (:id, :cpts, :kind, :name, :bytes, 'QUEUED', :by)""")
			.param("id", id).param("cpts", cptsId).param("kind", kind).param("name", fileName).param("bytes", bytes).param("by", by).update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void progress(UUID id, String status, long linesRead, long totalLines, @Nullable String encoding) {
		jdbc.sql("update directory_import set status = :s, lines_read = :r, lines_total = :t, encoding = coalesce(:e, encoding) where id = :id")
			.param("s", status).param("r", linesRead).param("t", totalLines).param("e", encoding).param("id", id).update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refuse(UUID id, String status, String problem, List<String> args) {
		jdbc.sql("update directory_import set status = :s, problem = :p, problem_args = :a, finished_at = now() where id = :id")
			.param("s", status).param("p", problem).param("a", args.toArray(String[]::new)).param("id", id).update();
	}

	/** A file refused after reading it: the reason and the line report, nothing else. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refuseWithReport(UUID id, String problem, List<String> args, List<Rejection> rejections) {
		refuse(id, "REFUSED", problem, args);
		for (Rejection r : rejections) {
			jdbc.sql("insert into directory_import_rejection (import_id, line_no, reason, args, excerpt) values (:id, :l, :r, :a, :e) on conflict do nothing")
				.param("id", id).param("l", r.line()).param("r", r.reason()).param("a", r.args().toArray(String[]::new))
				.param("e", r.excerpt()).update();
		}
	}

	/** The final report, written in the import's own transaction so that report and data commit together. */
	public void finish(UUID id, long linesRead, Counts c, List<Rejection> rejections) {
		jdbc.sql("""
				update directory_import set status = 'DONE', lines_read = :lines, lines_total = :lines, created = :created, updated = :updated,
				  unchanged = :unchanged, inactivated = :inactivated, out_of_scope = :out, rejected = :rejected, finished_at = now() where id = :id""")
			.param("lines", linesRead).param("created", c.created()).param("updated", c.updated()).param("unchanged", c.unchanged())
			.param("inactivated", c.inactivated()).param("out", c.outOfScope()).param("rejected", c.rejected()).param("id", id).update();
		for (Rejection r : rejections) {
			jdbc.sql("insert into directory_import_rejection (import_id, line_no, reason, args, excerpt) values (:id, :l, :r, :a, :e) on conflict do nothing")
				.param("id", id).param("l", r.line()).param("r", r.reason()).param("a", r.args().toArray(String[]::new))
				.param("e", r.excerpt()).update();
		}
	}

	public Optional<Row> find(UUID id) {
		return jdbc.sql("select * from directory_import where id = :id").param("id", id).query((rs, i) -> new Row(
				rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), rs.getString("file_name"), rs.getLong("file_bytes"),
				rs.getString("status"), rs.getLong("lines_total"), rs.getLong("lines_read"),
				new Counts(rs.getInt("created"), rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("inactivated"),
						rs.getLong("out_of_scope"), rs.getInt("rejected")),
				rs.getString("encoding"), rs.getString("problem"), List.of((String[]) rs.getArray("problem_args").getArray()),
				rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
			.optional();
	}

	public List<Rejection> rejections(UUID id, int limit) {
		return jdbc.sql("select line_no, reason, args, excerpt from directory_import_rejection where import_id = :id order by line_no limit :n")
			.param("id", id).param("n", limit)
			.query((rs, i) -> new Rejection(rs.getLong(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()), rs.getString(4)))
			.list();
	}

	static ImportStatus.Remark remark(Rejection r, String message) {
		return new ImportStatus.Remark(r.line(), r.reason(), message, r.excerpt());
	}
}
