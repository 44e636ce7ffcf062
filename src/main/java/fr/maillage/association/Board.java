package fr.maillage.association;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import fr.maillage.directory.AccountLinks;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Who runs the association: the CPTS's coordinators, and the people who hold, today, a mandate in
 * its bureau or its council (as a professional, or for a member structure they act for). Never a
 * role typed by hand: the mandate ends, the access ends.
 */
@Service
public class Board {

	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AccountLinks links;

	Board(JdbcClient jdbc, CptsAccess access, AccountLinks links) {
		this.jdbc = jdbc;
		this.access = access;
		this.links = links;
	}

	/** Whether the user holds a current mandate in the bureau or the council of the CPTS. */
	public boolean sits(UUID userId, UUID cptsId) {
		AccountLinks.Represented me = links.represented(userId);
		if (me.none()) {
			return false;
		}
		return jdbc.sql("""
				select exists (select 1 from mandate m join body b on b.id = m.body_id join member mb on mb.id = m.member_id
				  where b.cpts_id = :c and b.kind in ('BUREAU', 'CONSEIL') and m.starts_on <= :today and (m.ends_on is null or m.ends_on >= :today)
				  and mb.status = 'ACTIVE' and (mb.practitioner_id = :p or mb.organization_id = any(:o)))""")
			.param("c", cptsId).param("today", LocalDate.now(PARIS)).param("p", me.practitionerId()).param("o", me.organizations())
			.query(Boolean.class).single();
	}

	/** A coordinator of the CPTS or a board member: who sees the fees of others, records payments, convenes, counts votes. */
	public CurrentUser require(UUID cptsId) {
		CurrentUser user = access.requireMember(cptsId);
		if (user.has(cptsId, Role.COORDINATOR) || sits(user.id(), cptsId)) {
			return user;
		}
		throw new AccessDeniedException("board only");
	}

	public boolean may(UUID cptsId) {
		return access.current().filter(u -> u.belongsTo(cptsId)).map(u -> u.has(cptsId, Role.COORDINATOR) || sits(u.id(), cptsId)).orElse(false);
	}
}
