package fr.maillage.cpts;

/** The legal form of the structure that carries the CPTS. */
public enum LegalForm {
	ASSOCIATION_1901, SISA, OTHER
}
