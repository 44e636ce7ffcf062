package fr.maillage.directory.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One activity of a professional, as a line of the extraction (by column) or a situation of the Annuaire Santé API gives it. */
record RppsRow(long line, String nationalId, @Nullable String idKind, @Nullable String civility, String lastName, @Nullable String firstName,
		String professionCode, @Nullable String professionLabel, @Nullable String categoryLabel, @Nullable String skillCode,
		@Nullable String skillLabel, @Nullable String modeLabel, @Nullable String sectorLabel, @Nullable String roleLabel,
		@Nullable String siteName, @Nullable String siret, @Nullable String finess, @Nullable String technicalId, @Nullable String address,
		@Nullable String postcode, String communeCode, @Nullable String communeName, @Nullable String phone, @Nullable String email,
		@Nullable String mssante) {

	static RppsRow of(long line, String[] cells, Map<RppsColumns, Integer> at) {
		String street = join(" ", get(cells, at, RppsColumns.STREET_NUMBER), get(cells, at, RppsColumns.REPETITION),
				get(cells, at, RppsColumns.STREET_TYPE), get(cells, at, RppsColumns.STREET));
		String address = join(", ", get(cells, at, RppsColumns.RECIPIENT), get(cells, at, RppsColumns.PLACE), street,
				get(cells, at, RppsColumns.DISTRIBUTION));
		String nationalId = get(cells, at, RppsColumns.NATIONAL_ID);
		if (nationalId == null) {
			nationalId = get(cells, at, RppsColumns.LOCAL_ID);
		}
		String siteName = get(cells, at, RppsColumns.SITE_NAME);
		if (siteName == null) {
			siteName = get(cells, at, RppsColumns.SIGN);
		}
		return new RppsRow(line, nz(nationalId), get(cells, at, RppsColumns.ID_KIND), get(cells, at, RppsColumns.CIVILITY),
				nz(get(cells, at, RppsColumns.LAST_NAME)), get(cells, at, RppsColumns.FIRST_NAME), nz(get(cells, at, RppsColumns.PROFESSION_CODE)),
				get(cells, at, RppsColumns.PROFESSION_LABEL), get(cells, at, RppsColumns.CATEGORY_LABEL), get(cells, at, RppsColumns.SKILL_CODE),
				get(cells, at, RppsColumns.SKILL_LABEL), get(cells, at, RppsColumns.MODE_LABEL), get(cells, at, RppsColumns.SECTOR_LABEL),
				get(cells, at, RppsColumns.ROLE_LABEL), siteName, get(cells, at, RppsColumns.SIRET), get(cells, at, RppsColumns.FINESS),
				get(cells, at, RppsColumns.TECHNICAL_ID), address.isEmpty() ? null : address, get(cells, at, RppsColumns.POSTCODE),
				nz(get(cells, at, RppsColumns.COMMUNE_CODE)), get(cells, at, RppsColumns.COMMUNE_NAME), get(cells, at, RppsColumns.PHONE),
				get(cells, at, RppsColumns.EMAIL), null);
	}

	RppsRow withSkill(@Nullable String code, @Nullable String label) {
		return new RppsRow(line, nationalId, idKind, civility, lastName, firstName, professionCode, professionLabel, categoryLabel, code, label,
				modeLabel, sectorLabel, roleLabel, siteName, siret, finess, technicalId, address, postcode, communeCode, communeName, phone, email,
				mssante);
	}

	/** Stable across releases: who, where, in which role and mode. */
	String activityKey() {
		String site = siret != null ? "S" + siret : finess != null ? "F" + finess : technicalId != null ? "T" + technicalId
				: "A" + nz(postcode) + communeCode + nz(address);
		return nationalId + "|" + site + "|" + nz(roleLabel) + "|" + nz(modeLabel);
	}

	String contentHash() {
		String all = String.join("\u001f", nz(civility), lastName, nz(firstName), professionCode, nz(professionLabel), nz(categoryLabel),
				nz(skillCode), nz(skillLabel), nz(modeLabel), nz(sectorLabel), nz(roleLabel), nz(siteName), nz(siret), nz(finess),
				nz(technicalId), nz(address), nz(postcode), communeCode, nz(communeName), nz(phone), nz(email));
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(all.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable String get(String[] cells, Map<RppsColumns, Integer> at, RppsColumns column) {
		Integer i = at.get(column);
		if (i == null || i >= cells.length) {
			return null;
		}
		String v = cells[i].strip();
		return v.isEmpty() ? null : v;
	}

	private static String nz(@Nullable String s) {
		return s == null ? "" : s;
	}

	private static String join(String separator, @Nullable String... parts) {
		StringBuilder sb = new StringBuilder();
		for (String p : parts) {
			if (p != null && !p.isBlank()) {
				if (!sb.isEmpty()) {
					sb.append(separator);
				}
				sb.append(p.strip());
			}
		}
		return sb.toString();
	}
}
