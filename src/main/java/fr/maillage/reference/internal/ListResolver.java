package fr.maillage.reference.internal;

import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneListResolver;
import fr.maillage.reference.ListResolution;
import fr.maillage.reference.ListResolution.Candidate;
import fr.maillage.reference.ListResolution.Line;
import fr.maillage.reference.ListResolution.Method;
import fr.maillage.reference.ListResolution.Note;
import fr.maillage.reference.ListResolution.Status;
import fr.maillage.reference.ListResolution.Zones;
import fr.maillage.shared.FrenchText;
import fr.maillage.shared.InseeCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Resolves a pasted list of communes. Each line is matched by code, then by name at
 * decreasing levels of certainty (exact, abbreviation, shortened or former name, close
 * spelling). Candidates inside the line's context (its postcode or département, else the
 * départements most lines fall in) come first, and a match outside the context is never taken
 * silently: it makes the line ambiguous.
 */
@Service
class ListResolver implements CommuneListResolver {

	private static final int MAX_CANDIDATES = 8;
	private static final Map<String, List<String>> ABBREVIATIONS = Map.of(
			"ST", List.of("SAINT", "SAINTE"), "STE", List.of("SAINTE"), "STS", List.of("SAINTS"),
			"STES", List.of("SAINTES"), "S", List.of("SUR"), "ND", List.of("NOTRE DAME"), "MT", List.of("MONT"));
	private static final Set<String> HEADER_WORDS = Set.of("COMMUNE", "COMMUNES", "NOM", "VILLE", "LIBELLE");

	private final CommuneCatalog catalog;

	ListResolver(CommuneCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public ListResolution resolve(String text) {
		CommuneIndex idx = catalog.index();
		String[] raw = text.split("\\R", -1);
		List<Integer> numbers = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < raw.length && texts.size() < MAX_LINES; i++) {
			String t = raw[i].replace("\u00a0", " ").strip();
			if (!t.isEmpty()) {
				numbers.add(i + 1);
				texts.add(t.length() > 200 ? t.substring(0, 200) : t);
			}
		}
		List<TypedLine> typed = texts.stream().map(TypedLine::parse).toList();
		Set<String> listContext = listContext(idx, typed);
		List<Line> lines = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < typed.size(); i++) {
			if (i == 0 && isHeader(typed.get(i))) {
				lines.add(new Line(numbers.get(i), texts.get(i), Status.IGNORED, null, List.of(),
						List.of(Note.of("territory.note.header")), Zones.NONE, false));
				continue;
			}
			Line line = resolveLine(idx, numbers.get(i), texts.get(i), typed.get(i), listContext);
			if (line.status() == Status.RESOLVED && line.match() != null && !seen.add(line.match().commune().inseeCode())) {
				List<Note> notes = new ArrayList<>(line.notes());
				notes.add(Note.of("territory.note.duplicate"));
				line = new Line(line.number(), line.text(), line.status(), line.match(), line.candidates(), notes, line.zones(), true);
			}
			lines.add(line);
		}
		return new ListResolution(lines, List.copyOf(listContext));
	}

	private static boolean isHeader(TypedLine line) {
		String n = FrenchText.normalize(line.name());
		return line.code() == null && n.split(" ").length <= 8
				&& java.util.Arrays.stream(n.split(" ")).anyMatch(HEADER_WORDS::contains)
				&& (n.contains("CODE") || n.contains("INSEE") || n.contains("POSTAL") || n.contains("ZONE") || n.equals("COMMUNES") || n.equals("COMMUNE"));
	}

	/** The départements where a quarter or more of the lines with a sure département fall. */
	private Set<String> listContext(CommuneIndex idx, List<TypedLine> lines) {
		Map<String, Integer> counts = new HashMap<>();
		int evidence = 0;
		for (TypedLine line : lines) {
			Set<String> deps = lineDepartements(idx, line);
			if (deps.isEmpty() && !line.name().isEmpty()) {
				List<CommuneIndex.Named> exact = idx.byName.getOrDefault(FrenchText.normalize(line.name()), List.of());
				if (exact.size() == 1) {
					deps = Set.of(exact.getFirst().commune().departementCode());
				}
			}
			if (deps.size() == 1) {
				evidence++;
				counts.merge(deps.iterator().next(), 1, Integer::sum);
			}
		}
		Set<String> context = new LinkedHashSet<>();
		if (evidence >= 2) {
			int threshold = evidence;
			counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.filter(e -> e.getValue() >= 2 && e.getValue() * 4 >= threshold)
				.forEach(e -> context.add(e.getKey()));
		}
		return context;
	}

	/** The départements a line's own code or département column points to. */
	private static Set<String> lineDepartements(CommuneIndex idx, TypedLine line) {
		Set<String> deps = new LinkedHashSet<>();
		if (line.departement() != null) {
			deps.add(line.departement());
			return deps;
		}
		String code = line.code();
		if (code == null) {
			return deps;
		}
		for (Commune c : idx.byPostcode.getOrDefault(code, List.of())) {
			deps.add(c.departementCode());
		}
		if (deps.isEmpty()) {
			Commune byCode = idx.byCode.get(code);
			if (byCode != null) {
				deps.add(byCode.departementCode());
			}
			else if (idx.departementNames.containsKey(InseeCode.departementOf(code))) {
				deps.add(InseeCode.departementOf(code));
			}
		}
		return deps;
	}

	private Line resolveLine(CommuneIndex idx, int number, String text, TypedLine line, Set<String> listContext) {
		Zones zones = new Zones(line.qpv(), line.zip(), line.zac(), line.zoneNote());
		List<Note> notes = new ArrayList<>();
		String code = line.code();
		if (line.name().isEmpty()) {
			if (code == null) {
				return new Line(number, text, Status.UNRESOLVED, null, List.of(), List.of(Note.of("territory.note.nothingRecognised")), zones, false);
			}
			return resolveCodeOnly(idx, number, text, code, zones);
		}
		Set<String> lineContext = lineDepartements(idx, line);
		Set<String> context = lineContext.isEmpty() ? listContext : lineContext;
		List<Candidate> found = matchName(idx, line.name(), context);
		if (found.isEmpty()) {
			Commune byCode = code == null ? null : idx.byCode.get(code);
			if (byCode != null && idx.byPostcode.get(code) == null) {
				// The name is unknown but the code column holds an INSEE code: offer it, never take it.
				return new Line(number, text, Status.AMBIGUOUS, null, List.of(new Candidate(byCode, Method.CODE, true)),
						List.of(Note.of("territory.note.nameUnknownCodeKnown", code, byCode.name())), zones, false);
			}
			return new Line(number, text, Status.UNRESOLVED, null, List.of(), List.of(Note.of("territory.note.unknownName", line.name())), zones, false);
		}
		List<Candidate> inContext = found.stream().filter(Candidate::inContext).toList();
		List<Candidate> best = bestLevel(inContext.isEmpty() ? found : inContext);
		if (!context.isEmpty() && inContext.isEmpty()) {
			notes.add(Note.of("territory.note.outsideContext", String.join(", ", context)));
			return new Line(number, text, Status.AMBIGUOUS, null, top(found), notes, zones, false);
		}
		if (best.size() > 1) {
			notes.add(Note.of("territory.note.severalCandidates", String.valueOf(best.size())));
			return new Line(number, text, Status.AMBIGUOUS, null, top(found), notes, zones, false);
		}
		Candidate match = best.getFirst();
		if (code != null) {
			checkCodeColumn(idx, code, match.commune(), notes);
		}
		if (match.method() == Method.CLOSE_SPELLING || match.method() == Method.SHORTENED_NAME || match.method() == Method.FORMER_NAME) {
			notes.add(Note.of("territory.note.readAs", line.name(), match.commune().name()));
		}
		List<Candidate> others = found.stream().filter(c -> c != match).limit(MAX_CANDIDATES - 1).toList();
		return new Line(number, text, Status.RESOLVED, match, others, notes, zones, false);
	}

	private static Line resolveCodeOnly(CommuneIndex idx, int number, String text, String code, Zones zones) {
		Commune commune = idx.byCode.get(code);
		if (commune != null) {
			return new Line(number, text, Status.RESOLVED, new Candidate(commune, Method.CODE, true), List.of(), List.of(), zones, false);
		}
		Commune current = idx.byFormerCode.get(code);
		if (current != null) {
			return new Line(number, text, Status.RESOLVED, new Candidate(current, Method.FORMER_CODE, true), List.of(),
					List.of(Note.of("territory.note.formerCode", code, current.name(), current.inseeCode())), zones, false);
		}
		List<Commune> byPostcode = idx.byPostcode.getOrDefault(code, List.of());
		if (byPostcode.size() == 1) {
			return new Line(number, text, Status.RESOLVED, new Candidate(byPostcode.getFirst(), Method.POSTCODE, true), List.of(),
					List.of(Note.of("territory.note.postcodeOnly", code)), zones, false);
		}
		if (byPostcode.size() > 1) {
			List<Candidate> candidates = byPostcode.stream()
				.sorted(Comparator.comparingInt(Commune::population).reversed())
				.map(c -> new Candidate(c, Method.POSTCODE, true)).toList();
			return new Line(number, text, Status.AMBIGUOUS, null, candidates,
					List.of(Note.of("territory.note.postcodeShared", code, String.valueOf(byPostcode.size()))), zones, false);
		}
		return new Line(number, text, Status.UNRESOLVED, null, List.of(), List.of(Note.of("territory.note.unknownCode", code)), zones, false);
	}

	/** A code given beside a name that is not one of the commune's postcodes is reported, not trusted. */
	private static void checkCodeColumn(CommuneIndex idx, String code, Commune commune, List<Note> notes) {
		if (commune.postcodes().contains(code)) {
			return;
		}
		String postcodes = String.join(", ", commune.postcodes());
		if (commune.inseeCode().equals(code)) {
			notes.add(Note.of("territory.note.inseeCodeInPostcodeColumn", code, commune.name(), postcodes));
		}
		else if (idx.byCode.containsKey(code) && !idx.byPostcode.containsKey(code)) {
			notes.add(Note.of("territory.note.otherInseeCodeInPostcodeColumn", code, idx.byCode.get(code).name(), commune.name(), postcodes));
		}
		else {
			notes.add(Note.of("territory.note.postcodeMismatch", code, commune.name(), postcodes));
		}
	}

	private static List<Candidate> bestLevel(List<Candidate> candidates) {
		Method best = candidates.stream().map(Candidate::method).min(Comparator.naturalOrder()).orElseThrow();
		return candidates.stream().filter(c -> c.method() == best).toList();
	}

	private static List<Candidate> top(List<Candidate> candidates) {
		return candidates.stream().limit(MAX_CANDIDATES).toList();
	}

	/** Every commune the name may stand for, in-context first, then surest method, then population. */
	List<Candidate> matchName(CommuneIndex idx, String name, Set<String> context) {
		String normalized = FrenchText.normalize(name);
		if (normalized.isEmpty()) {
			return List.of();
		}
		String[] words = normalized.split(" ");
		Map<String, Candidate> found = new LinkedHashMap<>();
		for (CommuneIndex.Named n : idx.byName.getOrDefault(normalized, List.of())) {
			add(found, n.commune(), Method.EXACT_NAME, context);
		}
		for (String[] variant : variants(words)) {
			boolean expanded = !java.util.Arrays.equals(variant, words);
			for (CommuneIndex.Named n : idx.byFirstWord.getOrDefault(variant[0], List.of())) {
				Method m = wordMatch(variant, n.words(), expanded);
				if (m != null) {
					add(found, n.commune(), m, context);
				}
			}
			for (CommuneIndex.Named n : idx.byFormerName.getOrDefault(String.join(" ", variant), List.of())) {
				add(found, n.commune(), Method.FORMER_NAME, context);
			}
		}
		boolean sureInContext = found.values().stream().anyMatch(c -> c.inContext() && c.method().compareTo(Method.FORMER_NAME) <= 0);
		if (!sureInContext && normalized.length() >= 5) {
			closeSpellings(idx, variants(words), context, found);
		}
		List<Candidate> out = new ArrayList<>(found.values());
		out.sort(Comparator.comparing((Candidate c) -> !c.inContext()).thenComparing(Candidate::method)
			.thenComparing(c -> -c.commune().population()));
		return out;
	}

	private static void add(Map<String, Candidate> found, Commune commune, Method method, Set<String> context) {
		boolean inContext = context.contains(commune.departementCode());
		found.merge(commune.inseeCode(), new Candidate(commune, method, inContext),
				(a, b) -> a.method().compareTo(b.method()) <= 0 ? a : b);
	}

	/**
	 * The typed words against a name's words: the same words (exact), the same words with
	 * abbreviations expanded or a word cut short ("L OBS"), or the first words of a longer name.
	 */
	private static @Nullable Method wordMatch(String[] typed, String[] name, boolean expanded) {
		if (typed.length > name.length) {
			return null;
		}
		boolean cut = false;
		for (int i = 0; i < typed.length; i++) {
			if (typed[i].equals(name[i])) {
				continue;
			}
			if (i > 0 && typed[i].length() >= 3 && name[i].startsWith(typed[i])) {
				cut = true;
				continue;
			}
			return null;
		}
		if (typed.length < name.length) {
			return Method.SHORTENED_NAME;
		}
		return expanded || cut ? Method.ABBREVIATION : Method.EXACT_NAME;
	}

	/** The words with each abbreviation expanded in every way it can be (ST: Saint or Sainte). */
	private static List<String[]> variants(String[] words) {
		List<List<String>> out = new ArrayList<>();
		out.add(new ArrayList<>());
		for (String w : words) {
			List<String> options = ABBREVIATIONS.getOrDefault(w, List.of(w));
			List<List<String>> next = new ArrayList<>();
			for (List<String> prefix : out) {
				for (String option : options) {
					List<String> l = new ArrayList<>(prefix);
					l.addAll(List.of(option.split(" ")));
					next.add(l);
				}
			}
			out = next.size() > 16 ? next.subList(0, 16) : next;
		}
		List<String[]> result = new ArrayList<>();
		result.add(words);
		for (List<String> l : out) {
			String[] v = l.toArray(String[]::new);
			if (!java.util.Arrays.equals(v, words)) {
				result.add(v);
			}
		}
		return result;
	}

	/**
	 * Names within a small edit distance: searched among the context's communes, and nationally
	 * among names of about the same length that start with the same letter.
	 */
	private static void closeSpellings(CommuneIndex idx, List<String[]> variants, Set<String> context, Map<String, Candidate> found) {
		for (String[] variant : variants) {
			String typed = String.join(" ", variant);
			int allowed = typed.length() >= 9 ? 2 : 1;
			List<CommuneIndex.Named> pool = new ArrayList<>();
			for (String dep : context) {
				pool.addAll(idx.byDepartement.getOrDefault(dep, List.of()));
			}
			pool.addAll(idx.byInitial.getOrDefault(typed.charAt(0), List.of()));
			for (CommuneIndex.Named n : pool) {
				if (Math.abs(n.name().length() - typed.length()) <= allowed
						&& EditDistance.atMost(typed, n.name(), allowed)) {
					add(found, n.commune(), Method.CLOSE_SPELLING, context);
				}
			}
		}
	}
}
