package fr.maillage.audit.internal;

import fr.maillage.audit.AuditLog;
import fr.maillage.audit.AuditedActor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;

	JdbcAuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void change(String action, String subjectType, @Nullable String subjectId, @Nullable UUID cptsId, @Nullable String details) {
		insert(currentActorId(), currentActorLabel(), action, subjectType, subjectId, cptsId, details);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void read(String action, String subjectType, @Nullable String subjectId, @Nullable UUID cptsId, @Nullable String details) {
		insert(currentActorId(), currentActorLabel(), action, subjectType, subjectId, cptsId, details);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void changeAs(@Nullable UUID actorId, String actorLabel, String action, String subjectType, @Nullable String subjectId,
			@Nullable UUID cptsId, @Nullable String details) {
		insert(actorId, actorLabel, action, subjectType, subjectId, cptsId, details);
	}

	private void insert(@Nullable UUID actorId, @Nullable String actorLabel, String action, String subjectType,
			@Nullable String subjectId, @Nullable UUID cptsId, @Nullable String details) {
		jdbc.sql("""
				insert into audit_event (actor_id, actor_label, ip, action, subject_type, subject_id, cpts_id, details)
				values (:actorId, :actorLabel, :ip, :action, :subjectType, :subjectId, :cptsId, :details)""")
			.param("actorId", actorId).param("actorLabel", actorLabel).param("ip", clientAddress())
			.param("action", action).param("subjectType", subjectType).param("subjectId", subjectId)
			.param("cptsId", cptsId).param("details", details)
			.update();
	}

	private static @Nullable UUID currentActorId() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof AuditedActor a ? a.actorId() : null;
	}

	private static @Nullable String currentActorLabel() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return null;
		}
		return auth.getPrincipal() instanceof AuditedActor a ? a.actorLabel() : auth.getName();
	}

	private static @Nullable String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}
}
