package fr.maillage.directory;

/** The kinds of structures a CPTS works with. */
public enum OrganizationKind {
	MSP, CENTRE_SANTE, HOPITAL, CLINIQUE, SSIAD, HAD, EHPAD, PMI, CMP, CMPP, PHARMACIE, LABORATOIRE, DAC, ASSOCIATION, COLLECTIVITE, AUTRE
}
