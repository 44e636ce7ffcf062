package fr.maillage.cpts.web;

import fr.maillage.reference.Commune;
import fr.maillage.reference.ListResolution;
import fr.maillage.reference.ListResolution.Candidate;
import fr.maillage.reference.ListResolution.Line;
import fr.maillage.reference.ListResolution.Status;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A territory preview as the page and the API show it: lines grouped into resolved, ambiguous,
 * unresolved and ignored, with the remarks in the reader's language.
 */
public record PreviewView(List<LineView> resolved, List<LineView> ambiguous, List<LineView> unresolved, List<LineView> ignored,
		int communeCount, long population, int sizeClass, List<String> contextDepartements) {

	public record CommuneView(String inseeCode, String name, String departementCode, String departementName, List<String> postcodes,
			int population, String method, String methodLabel, boolean inContext) {
	}

	public record LineView(String inseeCode, int line, String text, @Nullable String name, @Nullable String method,
			@Nullable String methodLabel, List<String> notes, List<CommuneView> candidates, boolean qpv, boolean zip, boolean zac,
			@Nullable String zoneNote, boolean duplicate, @Nullable Integer population, @Nullable String departementCode) {
	}

	/** How many lines of a group the preview page shows; the rest travel in one hidden field. */
	public static final int SHOWN = 500;

	public String moreUnresolvedText() {
		return unresolved.size() <= SHOWN ? "" : String.join("\n", unresolved.subList(SHOWN, unresolved.size()).stream().map(LineView::text).toList());
	}

	public String moreAmbiguousText() {
		return ambiguous.size() <= SHOWN ? "" : String.join("\n", ambiguous.subList(SHOWN, ambiguous.size()).stream().map(LineView::text).toList());
	}

	public static PreviewView of(ListResolution r, MessageSource messages, Locale locale) {
		List<LineView> resolved = lines(r, Status.RESOLVED, messages, locale);
		long population = resolved.stream().filter(l -> !l.duplicate()).mapToLong(l -> l.population() == null ? 0 : l.population()).sum();
		int count = (int) resolved.stream().filter(l -> !l.duplicate()).count();
		return new PreviewView(resolved, lines(r, Status.AMBIGUOUS, messages, locale), lines(r, Status.UNRESOLVED, messages, locale),
				lines(r, Status.IGNORED, messages, locale), count, population,
				fr.maillage.cpts.SizeClass.of(population).number(), r.contextDepartements());
	}

	private static List<LineView> lines(ListResolution r, Status status, MessageSource messages, Locale locale) {
		return r.withStatus(status).stream().map(l -> line(l, messages, locale)).toList();
	}

	private static LineView line(Line l, MessageSource messages, Locale locale) {
		Candidate m = l.match();
		List<String> notes = l.notes().stream()
			.map(n -> messages.getMessage(n.key(), n.args().toArray(), n.key(), locale)).toList();
		List<CommuneView> candidates = l.candidates().stream().map(c -> commune(c, messages, locale)).toList();
		Commune c = m == null ? null : m.commune();
		return new LineView(c == null ? "" : c.inseeCode(), l.number(), l.text(), c == null ? null : c.name(),
				m == null ? null : m.method().name(), m == null ? null : methodLabel(m, messages, locale), notes, candidates,
				l.zones().qpv(), l.zones().zip(), l.zones().zac(), l.zones().note(), l.duplicate(),
				c == null ? null : c.population(), c == null ? null : c.departementCode());
	}

	private static CommuneView commune(Candidate c, MessageSource messages, Locale locale) {
		Commune x = c.commune();
		return new CommuneView(x.inseeCode(), x.name(), x.departementCode(), x.departementName(), x.postcodes(), x.population(),
				c.method().name(), methodLabel(c, messages, locale), c.inContext());
	}

	private static String methodLabel(Candidate c, MessageSource messages, Locale locale) {
		return messages.getMessage("territory.method." + c.method().name(), null, c.method().name(), locale);
	}
}
