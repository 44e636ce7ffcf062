package fr.maillage.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * RPPS "Personne activité" extractions built in tests, in the real format: the 56-column header
 * of ../shared/data/formats, pipe-separated, a trailing pipe on every line.
 */
public final class RppsFiles {

	public static final String[] HEADER = readHeader();

	private final List<String> header = new ArrayList<>(Arrays.asList(HEADER));
	private final List<Map<String, String>> lines = new ArrayList<>();

	private static String[] readHeader() {
		try {
			String h = Files.readString(TestData.shared().resolve("data/formats/rpps-personne-activite-header.txt")).strip();
			return h.split("\\|");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A general practitioner in private practice at a site of a commune. */
	public static Map<String, String> gp(String rpps, String lastName, String firstName, String communeCode, String communeName, String postcode) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("Type d'identifiant PP", "8");
		m.put("Identifiant PP", rpps);
		m.put("Identification nationale PP", "8" + rpps);
		m.put("Libellé civilité exercice", "Docteur");
		m.put("Nom d'exercice", lastName);
		m.put("Prénom d'exercice", firstName);
		m.put("Code profession", "10");
		m.put("Libellé profession", "Médecin");
		m.put("Code catégorie professionnelle", "C");
		m.put("Libellé catégorie professionnelle", "Civil");
		m.put("Code savoir-faire", "SM54");
		m.put("Libellé savoir-faire", "Médecine Générale");
		m.put("Code mode exercice", "L");
		m.put("Libellé mode exercice", "Libéral");
		m.put("Raison sociale site", "Cabinet du Dr " + lastName);
		m.put("Numéro Voie (coord. structure)", "12");
		m.put("Libellé type de voie (coord. structure)", "Rue");
		m.put("Libellé Voie (coord. structure)", "des Tilleuls");
		m.put("Code postal (coord. structure)", postcode);
		m.put("Code commune (coord. structure)", communeCode);
		m.put("Libellé commune (coord. structure)", communeName);
		m.put("Téléphone (coord. structure)", "0492000000");
		m.put("Libellé secteur d'activité", "Cabinet individuel");
		m.put("Libellé fonction", "Titulaire de cabinet");
		return m;
	}

	public RppsFiles add(Map<String, String> line) {
		lines.add(line);
		return this;
	}

	/** Renames a header the way another release spells it. */
	public RppsFiles rename(String from, String to) {
		header.set(header.indexOf(from), to);
		for (Map<String, String> l : lines) {
			if (l.containsKey(from)) {
				l.put(to, l.remove(from));
			}
		}
		return this;
	}

	public String text() {
		StringBuilder sb = new StringBuilder(String.join("|", header)).append("|\r\n");
		for (Map<String, String> l : lines) {
			for (String h : header) {
				sb.append(l.getOrDefault(h, "")).append('|');
			}
			sb.append("\r\n");
		}
		return sb.toString();
	}

	public byte[] bytes(Charset charset) {
		return text().getBytes(charset);
	}

	/** The published shape: a zip holding the activity file, and optionally a SavoirFaire file. */
	public byte[] zip(String skillFile) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("PS_LibreAcces_Personne_activite_202611240900.txt"));
			zip.write(bytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			if (skillFile != null) {
				zip.putNextEntry(new ZipEntry("PS_LibreAcces_SavoirFaire_202611240900.txt"));
				zip.write(skillFile.getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The recent releases' shape: the savoir-faire columns moved out to the SavoirFaire file. */
	public byte[] zipWithoutSkillColumns(String skillFile) {
		header.remove("Code type savoir-faire");
		header.remove("Libellé type savoir-faire");
		header.remove("Code savoir-faire");
		header.remove("Libellé savoir-faire");
		return zip(skillFile);
	}

	/** Five letters that differ from one test run to the next, to keep each test's people apart. */
	public static String runWord() {
		long n = Math.abs(System.nanoTime() ^ java.util.UUID.randomUUID().getMostSignificantBits());
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			sb.append((char) ('A' + (int) (n % 26)));
			n /= 26;
		}
		return sb.toString();
	}

	/** A valid RPPS number (11 digits, Luhn key) derived from a seed. */
	public static String rpps(int seed) {
		String body = String.format("1000%06d", seed);
		for (int key = 0; key < 10; key++) {
			if (fr.maillage.shared.Luhn.isValid(body + key)) {
				return body + key;
			}
		}
		throw new IllegalStateException();
	}
}
