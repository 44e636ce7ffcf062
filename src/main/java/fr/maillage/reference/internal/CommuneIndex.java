package fr.maillage.reference.internal;

import fr.maillage.reference.Commune;
import fr.maillage.reference.Epci;
import fr.maillage.shared.FrenchText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable in-memory snapshot of the reference data, indexed for look-ups and matching. */
final class CommuneIndex {

	/** A commune with its normalised name, split in words. */
	record Named(Commune commune, String name, String[] words) {
	}

	final Map<String, Commune> byCode = new LinkedHashMap<>();
	/** Answers of {@code reachable} (commune and distance), for this version of the reference only. */
	final Map<String, List<String>> reachable = new java.util.concurrent.ConcurrentHashMap<>();
	final Map<String, Commune> byFormerCode = new HashMap<>();
	final Map<String, List<Commune>> byPostcode = new HashMap<>();
	final Map<String, List<Named>> byName = new HashMap<>();
	final Map<String, List<Named>> byFirstWord = new HashMap<>();
	final Map<String, List<Named>> byFormerName = new HashMap<>();
	final Map<String, List<Named>> byDepartement = new HashMap<>();
	final Map<Character, List<Named>> byInitial = new HashMap<>();
	final Map<String, Epci> epciBySiren = new LinkedHashMap<>();
	final Map<String, Epci> epciByName = new HashMap<>();
	final Map<String, String> departementNames;
	/** Every commune, largest population first: the autocomplete's order. */
	final List<Named> all = new ArrayList<>();

	CommuneIndex(List<Commune> communes, Map<String, String> formerNames, List<Epci> epcis,
			Map<String, String> departementNames) {
		this.departementNames = Map.copyOf(departementNames);
		for (Commune c : communes) {
			byCode.put(c.inseeCode(), c);
			for (String former : c.formerCodes()) {
				byFormerCode.putIfAbsent(former, c);
			}
			for (String postcode : c.postcodes()) {
				byPostcode.computeIfAbsent(postcode, k -> new ArrayList<>()).add(c);
			}
			Named named = named(c, c.name());
			all.add(named);
			byName.computeIfAbsent(named.name(), k -> new ArrayList<>()).add(named);
			byFirstWord.computeIfAbsent(named.words()[0], k -> new ArrayList<>()).add(named);
			byDepartement.computeIfAbsent(c.departementCode(), k -> new ArrayList<>()).add(named);
			byInitial.computeIfAbsent(named.name().charAt(0), k -> new ArrayList<>()).add(named);
		}
		formerNames.forEach((key, currentCode) -> {
			Commune current = byCode.get(currentCode);
			String formerName = key.substring(key.indexOf('|') + 1);
			if (current != null) {
				Named named = named(current, formerName);
				byFormerName.computeIfAbsent(named.name(), k -> new ArrayList<>()).add(named);
			}
		});
		all.sort(Comparator.comparingInt((Named n) -> n.commune().population()).reversed());
		for (Epci e : epcis) {
			epciBySiren.put(e.siren(), e);
			epciByName.put(FrenchText.normalize(e.name()), e);
		}
	}

	private static Named named(Commune c, String name) {
		String normalized = FrenchText.normalize(name);
		return new Named(c, normalized, normalized.split(" "));
	}
}
