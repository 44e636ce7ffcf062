package fr.maillage.accounts;

/** A role held in one CPTS. Administrators hold no role: they see every CPTS. */
public enum Role {
	COORDINATOR, MEMBER, PARTNER
}
