package fr.maillage.audit.internal;

import fr.maillage.audit.AuditLog;
import fr.maillage.audit.AuditedActor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class JdbcAuditLog implements AuditLog, AutoCloseable {

	private final JdbcClient jdbc;
	/**
	 * Reads are written through a small pool of their own, committed at once: a request that holds
	 * a connection of the main pool (a transaction) and audits a read never waits for a second one
	 * from the same pool, which under load would leave every connection waiting for another.
	 */
	private final HikariDataSource readPool;
	private final JdbcClient reads;

	JdbcAuditLog(JdbcClient jdbc, DataSourceProperties properties, @Value("${maillage.audit.read-pool:4}") int readPoolSize) {
		this.jdbc = jdbc;
		this.readPool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		readPool.setPoolName("audit-reads");
		readPool.setMaximumPoolSize(readPoolSize);
		readPool.setMinimumIdle(1);
		readPool.setAutoCommit(true);
		this.reads = JdbcClient.create(readPool);
	}

	@Override
	public void close() {
		readPool.close();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void change(String action, String subjectType, @Nullable String subjectId, @Nullable UUID cptsId, @Nullable String details) {
		insert(jdbc, currentActorId(), currentActorLabel(), action, subjectType, subjectId, cptsId, details);
	}

	@Override
	public void read(String action, String subjectType, @Nullable String subjectId, @Nullable UUID cptsId, @Nullable String details) {
		insert(reads, currentActorId(), currentActorLabel(), action, subjectType, subjectId, cptsId, details);
	}

	@Override
	public void event(@Nullable UUID actorId, @Nullable String actorLabel, String action, String subjectType, @Nullable String subjectId,
			@Nullable UUID cptsId, @Nullable String details) {
		insert(reads, actorId, actorLabel, action, subjectType, subjectId, cptsId, details);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void changeAs(@Nullable UUID actorId, String actorLabel, String action, String subjectType, @Nullable String subjectId,
			@Nullable UUID cptsId, @Nullable String details) {
		insert(jdbc, actorId, actorLabel, action, subjectType, subjectId, cptsId, details);
	}

	private static void insert(JdbcClient jdbc, @Nullable UUID actorId, @Nullable String actorLabel, String action, String subjectType,
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
