package fr.maillage.reference.internal;

import fr.maillage.shared.FrenchText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One line of a pasted list, split into what people put there: a name, a five-character code
 * (postcode or INSEE code, often the wrong one), a département, zone flags and free text.
 */
record TypedLine(String name, @Nullable String code, @Nullable String departement, boolean qpv, boolean zip,
		boolean zac, @Nullable String zoneNote) {

	private static final Pattern CODE = Pattern.compile("^(\\d{5}|2[AB]\\d{3})$");
	private static final Pattern DEPARTEMENT = Pattern.compile("^(0[1-9]|[1-8]\\d|9[0-5]|2[AB]|97[1-6])$");
	private static final Pattern DEPARTEMENT_IN_PARENTHESES = Pattern.compile("\\((0[1-9]|[1-8]\\d|9[0-5]|2[AB]|97[1-6])\\)");
	private static final Pattern SPLIT_CELLS = Pattern.compile("\\t|;|\\|");

	static TypedLine parse(String raw) {
		List<String> cells = new ArrayList<>();
		for (String cell : SPLIT_CELLS.split(raw, -1)) {
			if (!cell.isBlank()) {
				cells.add(cell.strip());
			}
		}
		if (cells.size() == 1 && raw.indexOf(',') > 0) {
			cells.clear();
			for (String cell : raw.split(",")) {
				if (!cell.isBlank()) {
					cells.add(cell.strip());
				}
			}
		}
		String name = "";
		String code = null;
		String departement = null;
		boolean qpv = false, zip = false, zac = false;
		List<String> notes = new ArrayList<>();
		for (String cell : cells) {
			String compact = cell.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
			if (code == null && CODE.matcher(compact).matches()) {
				code = compact;
				continue;
			}
			if (departement == null && DEPARTEMENT.matcher(compact).matches() && !name.isEmpty()) {
				departement = compact;
				continue;
			}
			if (cell.matches("[-–—.\\s]+")) {
				continue;
			}
			String norm = FrenchText.normalize(cell);
			List<String> words = new ArrayList<>(List.of(norm.split(" ")));
			boolean onlyZoneWords = words.stream().allMatch(w -> w.equals("QPV") || w.equals("ZIP") || w.equals("ZAC"));
			boolean zoneCell = !name.isEmpty() || (code != null && onlyZoneWords);
			if (zoneCell) {
				for (String w : words) {
					switch (w) {
						case "QPV" -> qpv = true;
						case "ZIP" -> zip = true;
						case "ZAC" -> zac = true;
						default -> { }
					}
				}
				String rest = norm.replaceAll("\\b(QPV|ZIP|ZAC)\\b", "").replaceAll("[\\s]+", " ").strip();
				if (!rest.isEmpty()) {
					notes.add(cell.strip());
				}
				continue;
			}
			name = cell;
		}
		if (!name.isEmpty()) {
			// A single cell may hold everything: "Manosque 04100", "04100 Manosque", "Banon (04) ZIP".
			Matcher dep = DEPARTEMENT_IN_PARENTHESES.matcher(name);
			if (departement == null && dep.find()) {
				departement = dep.group(1);
				name = dep.replaceFirst(" ");
			}
			List<String> tokens = new ArrayList<>(List.of(name.strip().split("\\s+")));
			while (!tokens.isEmpty()) {
				String last = tokens.getLast().toUpperCase(java.util.Locale.ROOT);
				if (last.equals("QPV") || last.equals("ZIP") || last.equals("ZAC")) {
					qpv |= last.equals("QPV");
					zip |= last.equals("ZIP");
					zac |= last.equals("ZAC");
					tokens.removeLast();
				}
				else if (code == null && CODE.matcher(last).matches() && tokens.size() > 1) {
					code = last;
					tokens.removeLast();
				}
				else {
					break;
				}
			}
			if (code == null && tokens.size() > 1 && CODE.matcher(tokens.getFirst().toUpperCase(java.util.Locale.ROOT)).matches()) {
				code = tokens.removeFirst().toUpperCase(java.util.Locale.ROOT);
			}
			name = String.join(" ", tokens);
			if (name.matches("\\d{5}|2[ABab]\\d{3}")) {
				code = name.toUpperCase(java.util.Locale.ROOT);
				name = "";
			}
		}
		return new TypedLine(name.strip(), code, departement, qpv, zip, zac, notes.isEmpty() ? null : String.join(" ; ", notes));
	}
}
