package fr.maillage.prevention;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.directory.AccountLinks;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Practitioner;
import fr.maillage.platform.Problems;
import fr.maillage.prevention.internal.OfferStore;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import fr.maillage.reference.CommuneDistance;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prevention consultations at key ages: a professional (their account linked to the directory)
 * declares that they offer them and how to book, and records how many they did each month;
 * inhabitants find who offers one near their commune, without an account.
 */
@Service
public class ConsultationOffers {

	public static final double MAX_RADIUS_KM = 100;

	/** The signed-in professional's side: who they are in the directory, their offer if any, their months. */
	public record Mine(@Nullable Practitioner practitioner, @Nullable ConsultationOffer offer, Map<YearMonth, Integer> months) {
	}

	private final OfferStore store;
	private final CptsAccess access;
	private final AccountLinks links;
	private final DirectorySearch directory;
	private final CommuneDirectory communes;
	private final AuditLog audit;

	ConsultationOffers(OfferStore store, CptsAccess access, AccountLinks links, DirectorySearch directory, CommuneDirectory communes, AuditLog audit) {
		this.store = store;
		this.access = access;
		this.links = links;
		this.directory = directory;
		this.communes = communes;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Mine mine() {
		CurrentUser user = access.requireUser();
		Practitioner p = links.practitionerOf(user.id()).flatMap(directory::byId).orElse(null);
		if (p == null) {
			return new Mine(null, null, Map.of());
		}
		Optional<ConsultationOffer> offer = store.byPractitioner(p.id());
		return new Mine(p, offer.orElse(null), offer.map(o -> store.months(o.id())).orElse(Map.of()));
	}

	@Transactional
	public ConsultationOffer declare(OfferForm f) {
		CurrentUser user = access.requireUser();
		Practitioner p = links.practitionerOf(user.id()).flatMap(directory::byId)
			.orElseThrow(() -> Problems.rejected("practitioner", "prevention.offer.notLinked"));
		Problems problems = new Problems();
		if (p.professionCode() == null || !ConsultationOffer.PROFESSIONS.contains(p.professionCode())) {
			problems.reject("practitioner", "prevention.offer.profession");
		}
		List<String> ages = f.ages() == null ? List.of() : f.ages().stream().filter(ConsultationOffer.KEY_AGES::contains).distinct().toList();
		if (ages.isEmpty()) {
			problems.reject("ages", "prevention.offer.agesMissing");
		}
		Commune commune = f.communeCode() == null ? null : communes.find(f.communeCode().strip()).orElse(null);
		if (commune == null) {
			problems.reject("communeCode", "prevention.offer.commune");
		}
		if (blank(f.howToBook()) == null && blank(f.phone()) == null && blank(f.bookingUrl()) == null) {
			problems.reject("howToBook", "prevention.offer.howMissing");
		}
		problems.throwIfAny();
		ConsultationOffer offer = new ConsultationOffer(store.byPractitioner(p.id()).map(ConsultationOffer::id).orElse(UUID.randomUUID()), p.id(),
				p.displayName(), p.professionLabel() == null ? "" : p.professionLabel(),
				ConsultationOffer.KEY_AGES.stream().filter(ages::contains).toList(), blank(f.howToBook()), blank(f.phone()), blank(f.bookingUrl()),
				blank(f.place()), commune.inseeCode(), commune.name(), true);
		store.save(offer, user.id());
		audit.change("prevention.offer.declared", "prevention_offer", offer.id().toString(), null, offer.name() + " " + offer.ages());
		return offer;
	}

	@Transactional
	public void stop() {
		CurrentUser user = access.requireUser();
		ConsultationOffer o = links.practitionerOf(user.id()).flatMap(store::byPractitioner)
			.orElseThrow(() -> Problems.rejected("practitioner", "prevention.offer.none"));
		store.deactivate(o.id());
		audit.change("prevention.offer.stopped", "prevention_offer", o.id().toString(), null, o.name());
	}

	/** How many consultations the professional did in a past or current month. */
	@Transactional
	public void recordMonth(@Nullable String month, @Nullable String done) {
		CurrentUser user = access.requireUser();
		ConsultationOffer o = links.practitionerOf(user.id()).flatMap(store::byPractitioner)
			.orElseThrow(() -> Problems.rejected("practitioner", "prevention.offer.none"));
		Problems problems = new Problems();
		YearMonth m = null;
		try {
			m = month == null ? null : YearMonth.parse(month.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			m = null;
		}
		if (m == null || m.isAfter(YearMonth.now(PreventionEvents.PARIS)) || m.isBefore(YearMonth.of(2020, 1))) {
			problems.reject("month", "prevention.offer.monthInvalid");
		}
		int n = -1;
		if (done != null && done.strip().matches("\\d{1,5}")) {
			n = Integer.parseInt(done.strip());
		}
		if (n < 0 || n > 10000) {
			problems.reject("done", "prevention.count");
		}
		problems.throwIfAny();
		store.saveMonth(o.id(), m.atDay(1), n);
		audit.change("prevention.offer.month", "prevention_offer", o.id().toString(), null, m + " : " + n);
	}

	/** Who offers a prevention consultation near a commune (public), nearest first. */
	@Transactional(readOnly = true)
	public List<ConsultationOffer.Found> near(@Nullable String commune, @Nullable Double radiusKm) {
		Problems problems = new Problems();
		Commune center = commune == null || commune.isBlank() ? null : communes.find(commune.strip()).orElse(null);
		if (center == null) {
			problems.reject("near", "prevention.offer.commune");
		}
		double radius = radiusKm == null ? 15 : radiusKm;
		if (Double.isNaN(radius) || radius < 0 || radius > MAX_RADIUS_KM) {
			problems.reject("radiusKm", "prevention.offer.radius", (int) MAX_RADIUS_KM);
		}
		problems.throwIfAny();
		// the communes within reach, nearest first; the database then answers the first fifty offers in that order
		record Near(String code, @Nullable Double km) {
		}
		List<Near> nearby = communes.findAll(communes.reachable(center.inseeCode(), radius)).stream()
			.map(c -> new Near(c.inseeCode(), CommuneDistance.estimate(center, c).filter(e -> e.basis().measured())
				.map(e -> Math.round(e.km() * 10) / 10.0).orElse(null)))
			.sorted(Comparator.comparing((Near n) -> n.km() == null ? Double.MAX_VALUE : n.km()).thenComparing(Near::code)).toList();
		Map<String, Double> km = new java.util.HashMap<>();
		nearby.forEach(n -> km.put(n.code(), n.km()));
		return store.activeNearestFirst(nearby.stream().map(Near::code).toList(), 50).stream()
			.map(o -> new ConsultationOffer.Found(o, km.get(o.communeCode()))).toList();
	}

	/** Consultations done in a CPTS's communes over months starting in the period (the contract's indicator). */
	public long doneIn(List<String> communeCodes, LocalDate from, LocalDate to) {
		return store.doneIn(communeCodes, from, to);
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
