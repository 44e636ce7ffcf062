package fr.maillage.cpts;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import fr.maillage.reference.CommuneListResolver;
import fr.maillage.reference.Epci;
import fr.maillage.reference.ListResolution;
import fr.maillage.reference.ListResolution.Candidate;
import fr.maillage.reference.ListResolution.Line;
import fr.maillage.reference.ListResolution.Method;
import fr.maillage.reference.ListResolution.Note;
import fr.maillage.reference.ListResolution.Status;
import fr.maillage.reference.ListResolution.Zones;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Previews of a territory before it is saved: from a pasted list, or from an EPCI with exclusions and additions. */
@Service
public class TerritoryPreviews {

	/** Largest pasted text accepted, in characters (about 20,000 lines). */
	public static final int MAX_TEXT_LENGTH = 1_000_000;

	private final CptsAccess access;
	private final CommuneListResolver resolver;
	private final CommuneDirectory communes;

	TerritoryPreviews(CptsAccess access, CommuneListResolver resolver, CommuneDirectory communes) {
		this.access = access;
		this.resolver = resolver;
		this.communes = communes;
	}

	public ListResolution fromText(UUID cptsId, String text) {
		access.requireCoordinator(cptsId);
		return resolver.resolve(text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text);
	}

	/** The EPCI's communes minus those removed plus those added (codes or names); nothing guessed. */
	public Optional<ListResolution> fromEpci(UUID cptsId, String epciKey, List<String> add, List<String> remove) {
		access.requireCoordinator(cptsId);
		Optional<Epci> epci = communes.findEpci(epciKey);
		if (epci.isEmpty()) {
			return Optional.empty();
		}
		List<Line> lines = new ArrayList<>();
		Set<String> removed = new LinkedHashSet<>();
		int n = 0;
		for (String r : remove) {
			n++;
			Optional<Commune> c = single(r);
			if (c.isPresent() && epci.get().memberCodes().contains(c.get().inseeCode())) {
				removed.add(c.get().inseeCode());
			}
			else {
				lines.add(new Line(n, r, Status.IGNORED, c.map(x -> new Candidate(x, Method.CODE, true)).orElse(null), List.of(),
						List.of(c.isPresent() ? Note.of("territory.note.notInEpci", c.get().name(), epci.get().name())
								: Note.of("territory.note.unknownName", r)), Zones.NONE, false));
			}
		}
		Set<String> codes = new LinkedHashSet<>();
		for (Commune c : communes.findAll(epci.get().memberCodes())) {
			if (!removed.contains(c.inseeCode())) {
				codes.add(c.inseeCode());
				lines.add(new Line(++n, c.name(), Status.RESOLVED, new Candidate(c, Method.EPCI, true), List.of(),
						List.of(), Zones.NONE, false));
			}
		}
		if (!add.isEmpty()) {
			ListResolution added = resolver.resolve(String.join("\n", add));
			for (Line l : added.lines()) {
				n++;
				if (l.status() == Status.RESOLVED && l.match() != null) {
					boolean dup = !codes.add(l.match().commune().inseeCode());
					lines.add(new Line(n, l.text(), Status.RESOLVED, new Candidate(l.match().commune(),
							l.match().method() == Method.CODE ? Method.ADDED : l.match().method(), true), l.candidates(),
							dup ? List.of(Note.of("territory.note.duplicate")) : l.notes(), l.zones(), dup));
				}
				else {
					lines.add(new Line(n, l.text(), l.status(), l.match(), l.candidates(), l.notes(), l.zones(), l.duplicate()));
				}
			}
		}
		return Optional.of(new ListResolution(lines, List.of()));
	}

	private Optional<Commune> single(String codeOrName) {
		Optional<Commune> byCode = communes.find(codeOrName);
		if (byCode.isPresent()) {
			return byCode;
		}
		ListResolution r = resolver.resolve(codeOrName);
		return r.lines().stream().filter(l -> l.status() == Status.RESOLVED && l.match() != null).findFirst()
			.map(l -> l.match().commune());
	}
}
