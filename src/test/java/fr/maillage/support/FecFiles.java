package fr.maillage.support;

/** Fichiers des écritures comptables for tests: the 18-column header and lines, tab separated. */
public final class FecFiles {

	public static final String HEADER = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\t"
			+ "PieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";

	private FecFiles() {
	}

	public static String line(String journal, String number, String date, String account, String label, String debit, String credit) {
		return String.join("\t", journal, journal + " journal", number, date, account, label, "", "", "P" + number, date, label, debit, credit, "", "",
				date, "", "");
	}

	/** Three balanced entries of 2025: salaries (641100), the ACI functioning advance (741000), a trip (625100). */
	public static String good() {
		return String.join("\n", HEADER,
				line("BQ", "1", "20250115", "512000", "Banque", "0,00", "1200,00"),
				line("BQ", "1", "20250115", "641100", "Salaires coordinatrice", "1200,00", "0,00"),
				line("VE", "2", "20250320", "411000", "CPAM", "5000,00", "0,00"),
				line("VE", "2", "20250320", "741000", "Subvention ACI", "0,00", "5000,00"),
				line("OD", "3", "20250410", "625100", "Déplacements", "150,50", "0,00"),
				line("OD", "3", "20250410", "401000", "Fournisseur", "0,00", "150,50")) + "\n";
	}
}
