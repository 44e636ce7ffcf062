package fr.maillage.audit;

import java.util.Set;
import java.util.UUID;

/** What the audit log needs to know of the authenticated principal. */
public interface AuditedActor {

	UUID actorId();

	String actorLabel();

	/** Administrators read the whole log. */
	boolean readsWholeAuditLog();

	/** The CPTS whose audit log this actor may read (those they coordinate). */
	Set<UUID> auditableCpts();
}
