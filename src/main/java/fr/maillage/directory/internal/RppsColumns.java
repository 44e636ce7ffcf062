package fr.maillage.directory.internal;

import fr.maillage.shared.FrenchText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of the RPPS "Personne activité" extraction that the directory uses, found by
 * header name whatever the release's case, accents and wording
 * ("Libellé civilité exercice" / "Libellé civilité d'exercice", "coord. Structure", "Code rôle" /
 * "Code fonction").
 */
enum RppsColumns {
	ID_KIND(false, "TYPE D IDENTIFIANT PP"),
	LOCAL_ID(false, "IDENTIFIANT PP"),
	NATIONAL_ID(true, "IDENTIFICATION NATIONALE PP"),
	CIVILITY(false, "LIBELLE CIVILITE EXERCICE", "LIBELLE CIVILITE D EXERCICE", "LIBELLE CIVILITE"),
	LAST_NAME(true, "NOM D EXERCICE", "NOM"),
	FIRST_NAME(false, "PRENOM D EXERCICE", "PRENOM"),
	PROFESSION_CODE(true, "CODE PROFESSION"),
	PROFESSION_LABEL(false, "LIBELLE PROFESSION"),
	CATEGORY_LABEL(false, "LIBELLE CATEGORIE PROFESSIONNELLE"),
	SKILL_CODE(false, "CODE SAVOIR FAIRE"),
	SKILL_LABEL(false, "LIBELLE SAVOIR FAIRE"),
	MODE_LABEL(false, "LIBELLE MODE EXERCICE", "LIBELLE MODE D EXERCICE"),
	SIRET(false, "NUMERO SIRET SITE"),
	FINESS(false, "NUMERO FINESS SITE"),
	TECHNICAL_ID(false, "IDENTIFIANT TECHNIQUE DE LA STRUCTURE"),
	SITE_NAME(false, "RAISON SOCIALE SITE"),
	SIGN(false, "ENSEIGNE COMMERCIALE SITE"),
	RECIPIENT(false, "COMPLEMENT DESTINATAIRE"),
	PLACE(false, "COMPLEMENT POINT GEOGRAPHIQUE"),
	STREET_NUMBER(false, "NUMERO VOIE"),
	REPETITION(false, "INDICE REPETITION VOIE"),
	STREET_TYPE(false, "LIBELLE TYPE DE VOIE"),
	STREET(false, "LIBELLE VOIE"),
	DISTRIBUTION(false, "MENTION DISTRIBUTION"),
	POSTCODE(false, "CODE POSTAL"),
	COMMUNE_CODE(true, "CODE COMMUNE"),
	COMMUNE_NAME(false, "LIBELLE COMMUNE"),
	PHONE(false, "TELEPHONE"),
	EMAIL(false, "ADRESSE E MAIL"),
	SECTOR_LABEL(false, "LIBELLE SECTEUR D ACTIVITE"),
	ROLE_LABEL(false, "LIBELLE FONCTION", "LIBELLE ROLE");

	final boolean required;
	final List<String> names;

	RppsColumns(boolean required, String... names) {
		this.required = required;
		this.names = List.of(names);
	}

	/** "Code postal (coord. structure)" → "CODE POSTAL". */
	static String normalizeHeader(String header) {
		String n = FrenchText.normalize(header);
		return n.replaceAll(" COORD STRUCTURE$", "").strip();
	}

	/** Position of each column found in the header; the required ones missing go into {@code missing}. */
	static Map<RppsColumns, Integer> map(String[] header, List<String> missing) {
		List<String> normalized = new ArrayList<>();
		for (String h : header) {
			normalized.add(normalizeHeader(h));
		}
		Map<RppsColumns, Integer> found = new EnumMap<>(RppsColumns.class);
		for (RppsColumns c : values()) {
			for (String name : c.names) {
				int i = normalized.indexOf(name);
				if (i >= 0) {
					found.put(c, i);
					break;
				}
			}
			if (!found.containsKey(c) && c.required) {
				missing.add(c.names.getFirst());
			}
		}
		return found;
	}
}
