package fr.maillage.crisis.internal;

import fr.maillage.crisis.Crisis;
import fr.maillage.crisis.CrisisKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for crises. */
@Repository
public class CrisisStore {

	private final JdbcClient jdbc;

	CrisisStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Crisis c, UUID by) {
		jdbc.sql("""
				insert into crisis (id, cpts_id, kind, level, exercise, title, area_communes, plan_version, status, activated_by, activated_at)
				values (:id, :c, :k, :l, :e, :t, :a, :v, :s, :by, :at)""")
			.param("id", c.id()).param("c", c.cptsId()).param("k", c.kind().name()).param("l", c.level()).param("e", c.exercise()).param("t", c.title())
			.param("a", c.areaCommunes().toArray(String[]::new)).param("v", c.planVersion()).param("s", c.status().name()).param("by", by)
			.param("at", java.sql.Timestamp.from(c.activatedAt())).update();
	}

	/** Saves a closing; false when it was closed meanwhile. */
	public boolean saveClosed(Crisis c, UUID by) {
		return jdbc.sql("update crisis set status = 'CLOSED', closed_at = :at, closed_by = :by, review = :r where id = :id and status = 'ACTIVE'")
			.param("at", java.sql.Timestamp.from(c.closedAt())).param("by", by).param("r", c.review()).param("id", c.id()).update() == 1;
	}

	public Optional<Crisis> find(UUID id) {
		return jdbc.sql("select * from crisis where id = :id").param("id", id).query(CrisisStore::crisis).optional();
	}

	public List<Crisis> ofCpts(UUID cptsId) {
		return jdbc.sql("select * from crisis where cpts_id = :c order by status, activated_at desc limit 200").param("c", cptsId)
			.query(CrisisStore::crisis).list();
	}

	static Crisis crisis(ResultSet rs, int n) throws SQLException {
		java.sql.Array area = rs.getArray("area_communes");
		return new Crisis(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class), CrisisKind.valueOf(rs.getString("kind")), rs.getInt("level"),
				rs.getBoolean("exercise"), rs.getString("title"), area == null ? List.of() : Arrays.asList((String[]) area.getArray()),
				rs.getInt("plan_version"), Crisis.Status.valueOf(rs.getString("status")), rs.getTimestamp("activated_at").toInstant(),
				rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(), rs.getString("review"));
	}
}
