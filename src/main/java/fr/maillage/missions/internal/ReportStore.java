package fr.maillage.missions.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the annual report's versions and their files. */
@Repository
public class ReportStore {

	/** A version of the report for a contract year; {@code sentAt} set: frozen. */
	public record Version(UUID id, int contractYear, int number, Instant generatedAt, @Nullable Instant sentAt) {

		public boolean sent() {
			return sentAt != null;
		}
	}

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Version> versions(UUID cptsId, @Nullable Integer contractYear) {
		return jdbc.sql("""
				select id, contract_year, number, generated_at, sent_at from aci_report where cpts_id = :c and (:y::int is null or contract_year = :y)
				order by contract_year desc, number desc""")
			.param("c", cptsId).param("y", contractYear)
			.query((rs, n) -> new Version(rs.getObject("id", UUID.class), rs.getInt("contract_year"), rs.getInt("number"),
					rs.getObject("generated_at", OffsetDateTime.class).toInstant(),
					rs.getObject("sent_at", OffsetDateTime.class) == null ? null : rs.getObject("sent_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Writes a new version, or replaces the files of the latest one while it is not sent. */
	public Version save(UUID cptsId, int contractYear, byte[] pdf, byte[] xlsx, UUID by) {
		Optional<Version> latest = versions(cptsId, contractYear).stream().findFirst();
		if (latest.isPresent() && !latest.get().sent()) {
			jdbc.sql("update aci_report set pdf = :p, xlsx = :x, generated_by = :by, generated_at = now() where id = :id").param("p", pdf)
				.param("x", xlsx).param("by", by).param("id", latest.get().id()).update();
			return versions(cptsId, contractYear).getFirst();
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into aci_report (id, cpts_id, contract_year, number, pdf, xlsx, generated_by) values (:id, :c, :y, :n, :p, :x, :by)""")
			.param("id", id).param("c", cptsId).param("y", contractYear).param("n", latest.map(v -> v.number() + 1).orElse(1)).param("p", pdf)
			.param("x", xlsx).param("by", by).update();
		return versions(cptsId, contractYear).getFirst();
	}

	public boolean markSent(UUID cptsId, UUID reportId, UUID by) {
		return jdbc.sql("update aci_report set sent_at = now(), sent_by = :by where id = :id and cpts_id = :c and sent_at is null").param("by", by)
			.param("id", reportId).param("c", cptsId).update() == 1;
	}

	public Optional<byte[]> file(UUID cptsId, UUID reportId, boolean pdf) {
		return jdbc.sql("select " + (pdf ? "pdf" : "xlsx") + " from aci_report where id = :id and cpts_id = :c").param("id", reportId)
			.param("c", cptsId).query(byte[].class).optional();
	}

	public Optional<Version> version(UUID cptsId, UUID reportId) {
		return versions(cptsId, null).stream().filter(v -> v.id().equals(reportId)).findFirst();
	}
}
