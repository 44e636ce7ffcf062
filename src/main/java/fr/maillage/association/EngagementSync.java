package fr.maillage.association;

import fr.maillage.directory.ProfessionTable;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the directory's table by profession (the projet de santé's "adhérents" and "gouvernance"
 * columns) in step with the association: a professional is a member while their membership is
 * active, and in governance while they hold a mandate in a body.
 */
@Component
class EngagementSync {

	private final JdbcClient jdbc;
	private final ProfessionTable table;

	EngagementSync(JdbcClient jdbc, ProfessionTable table) {
		this.jdbc = jdbc;
		this.table = table;
	}

	/** After a member or one of their mandates changed (in the caller's transaction). */
	void member(UUID memberId) {
		record Row(UUID cpts, UUID practitioner, boolean active, boolean governance) {
		}
		jdbc.sql("""
				select m.cpts_id, m.practitioner_id, m.status = 'ACTIVE',
				  exists (select 1 from mandate x where x.member_id = m.id and x.starts_on <= :today and (x.ends_on is null or x.ends_on >= :today))
				from member m where m.id = :id and m.practitioner_id is not null""")
			.param("id", memberId).param("today", LocalDate.now(Board.PARIS))
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3), rs.getBoolean(4))).optional()
			.ifPresent(r -> table.recordMembership(r.cpts(), r.practitioner(), r.active(), r.active() && r.governance()));
	}
}
