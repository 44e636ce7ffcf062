package fr.maillage.platform;

/** Who may call a route. Finer rules (this CPTS, this care circle) are checked by the services. */
public enum Access {
	/** Anyone, without an account. */
	PUBLIC,
	/** Only while no administrator exists: the first-run setup. */
	SETUP,
	/** Any signed-in user; the service decides what they see. */
	AUTHENTICATED,
	/** A coordinator of the CPTS named in the route (or an administrator), checked by the service. */
	CPTS_COORDINATOR,
	/** A member, partner or coordinator of the CPTS named in the route (or an administrator), checked by the service. */
	CPTS_MEMBER,
	/** Administrators only. */
	ADMIN,
	/** Operators' endpoints (health, metrics): health is public, metrics need an administrator's token. */
	OPERATOR
}
