package fr.maillage.cpts;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.Territory.TerritoryCommune;
import fr.maillage.cpts.internal.CptsStore;
import fr.maillage.platform.Problems;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDirectory;
import fr.maillage.shared.EmailAddress;
import fr.maillage.shared.FrenchText;
import fr.maillage.shared.Siret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating CPTS, reading them, and setting their territory. */
@Service
public class CptsService {

	private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$");
	/** Paths the application uses itself: a public page may not take them. */
	public static final Set<String> RESERVED_SLUGS = Set.of("api", "admin", "administration", "actuator", "audit", "compte",
			"connexion", "deconnexion", "installation", "invitation", "mot-de-passe", "mot-de-passe-oublie", "cpts", "communes",
			"webjars", "css", "js", "soins-non-programmes", "gardes", "medecin-traitant", "img", "images", "static", "error", "erreur", "fhir", "favicon-ico", "robots-txt", "public",
			"reference", "territoire", "aide", "demo", "agenda", "annonces", "annuaire", "langue", "live", "logigrammes", "messages",
			"notifications", "parcours", "swagger-ui", "taches", "reunions", "adhesion", "recus", "v3", "evenements", "inscriptions", "prevention", "crises");

	private final CptsStore store;
	private final CptsAccess access;
	private final AuditLog audit;
	private final CommuneDirectory communes;

	CptsService(CptsStore store, CptsAccess access, AuditLog audit, CommuneDirectory communes) {
		this.store = store;
		this.access = access;
		this.audit = audit;
		this.communes = communes;
	}

	/** Creates a CPTS (administrators only); throws {@link Problems.RejectedException} with every problem found. */
	@Transactional
	public Cpts create(CptsForm form) {
		access.requireAdmin();
		Problems problems = new Problems();
		String name = trim(form.name());
		if (name.isEmpty()) {
			problems.reject("name", "cpts.name.required");
		}
		else if (name.length() > 200) {
			problems.reject("name", "cpts.name.tooLong", 200);
		}
		LegalForm legalForm = parseLegalForm(form.legalForm());
		if (legalForm == null) {
			problems.reject("legalForm", "cpts.legalForm.invalid");
		}
		String siret = Siret.clean(trim(form.siret()));
		Siret.check(siret).ifPresent(p -> problems.reject("siret", switch (p) {
			case EMPTY -> "cpts.siret.required";
			case NOT_14_DIGITS -> "cpts.siret.format";
			case WRONG_KEY -> "cpts.siret.key";
		}));
		String address = trim(form.address());
		if (address.isEmpty()) {
			problems.reject("address", "cpts.address.required");
		}
		String email = trim(form.email());
		if (!EmailAddress.isPlausible(email)) {
			problems.reject("email", email.isEmpty() ? "cpts.email.required" : "cpts.email.invalid");
		}
		String phone = fr.maillage.shared.PhoneNumber.normalize(trim(form.phone()));
		if (!fr.maillage.shared.PhoneNumber.isPlausible(phone)) {
			problems.reject("phone", phone.isEmpty() ? "cpts.phone.required" : "cpts.phone.invalid");
		}
		String slug = trim(form.slug()).toLowerCase(Locale.ROOT);
		if (slug.isEmpty() && !name.isEmpty()) {
			slug = slugOf(name);
		}
		if (!SLUG.matcher(slug).matches()) {
			problems.reject("slug", "cpts.slug.format");
		}
		else if (RESERVED_SLUGS.contains(slug)) {
			problems.reject("slug", "cpts.slug.reserved", slug);
		}
		else if (store.slugTaken(slug)) {
			problems.reject("slug", "cpts.slug.taken", slug);
		}
		problems.throwIfAny();
		Cpts cpts = new Cpts(UUID.randomUUID(), name, legalForm, siret, address, email, phone, slug, Instant.now(), null);
		store.insert(cpts);
		audit.change("cpts.created", "cpts", cpts.id().toString(), cpts.id(), cpts.name());
		return cpts;
	}

	/**
	 * Sets (or, blank, removes) the CPTS's FINESS number, by which the SAS platform knows its slots.
	 * Nine characters with a valid key; its coordinators only.
	 */
	@Transactional
	public Cpts setFiness(UUID id, @Nullable String raw) {
		access.requireCoordinator(id);
		String finess = fr.maillage.shared.Finess.clean(trim(raw));
		if (!finess.isEmpty() && !fr.maillage.shared.Finess.hasValidForm(finess)) {
			throw Problems.rejected("finess", "cpts.finess.format");
		}
		if (!finess.isEmpty() && !fr.maillage.shared.Finess.hasValidKey(finess)) {
			throw Problems.rejected("finess", "cpts.finess.key");
		}
		store.setFiness(id, finess.isEmpty() ? null : finess);
		audit.change("cpts.finess.changed", "cpts", id.toString(), id, finess.isEmpty() ? "retiré" : finess);
		return get(id);
	}

	/** "CPTS Sud 04" → "cpts-sud-04". */
	public static String slugOf(String name) {
		String s = FrenchText.normalize(name).toLowerCase(Locale.ROOT).replace(' ', '-');
		return s.length() > 60 ? s.substring(0, 60).replaceAll("-+$", "") : s;
	}

	private static @Nullable LegalForm parseLegalForm(@Nullable String s) {
		if (s == null || s.isBlank()) {
			return LegalForm.ASSOCIATION_1901;
		}
		String n = FrenchText.normalize(s).replace(' ', '_');
		if (n.startsWith("ASSOCIATION")) {
			return LegalForm.ASSOCIATION_1901;
		}
		try {
			return LegalForm.valueOf(n);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String trim(@Nullable String s) {
		return s == null ? "" : s.strip();
	}

	/** A CPTS its caller belongs to (or any, for an administrator); otherwise not found. */
	@Transactional(readOnly = true)
	public Cpts get(UUID id) {
		access.requireMember(id);
		return store.find(id).orElseThrow(fr.maillage.accounts.CptsAccess.NotVisibleException::new);
	}

	@Transactional(readOnly = true)
	public List<Cpts> visible() {
		CurrentUser user = access.requireUser();
		return store.findAll(user.isAdmin() ? Optional.empty() : Optional.of(user.roles().keySet()));
	}

	/** The public identity of a CPTS by its id (public API routes): anyone may read it. */
	@Transactional(readOnly = true)
	public Optional<Cpts> publicIdentity(UUID id) {
		return store.find(id);
	}

	/** The public identity of a CPTS, for its public page: anyone may read it. */
	@Transactional(readOnly = true)
	public Optional<Cpts> publicPage(String slug) {
		return store.findBySlug(slug.toLowerCase(Locale.ROOT));
	}

	@Transactional(readOnly = true)
	public Territory territory(UUID id) {
		access.requireMember(id);
		return territoryOf(id);
	}

	/** The territory as the public page shows it. */
	@Transactional(readOnly = true)
	public Territory publicTerritory(String slug) {
		return store.findBySlug(slug).map(c -> territoryOf(c.id())).orElseGet(() -> Territory.of(List.of()));
	}

	private Territory territoryOf(UUID id) {
		List<TerritoryEntry> entries = store.territory(id);
		Map<String, Commune> byCode = new LinkedHashMap<>();
		communes.findAll(entries.stream().map(TerritoryEntry::inseeCode).toList()).forEach(c -> byCode.put(c.inseeCode(), c));
		List<TerritoryCommune> list = new ArrayList<>();
		for (TerritoryEntry e : entries) {
			Commune c = byCode.get(e.inseeCode());
			if (c == null) {
				// A commune that left the reference data (merged since): kept, shown by its code.
				list.add(new TerritoryCommune(e.inseeCode(), e.inseeCode(), "", "", List.of(), 0, null, e.qpv(), e.zip(), e.zac(),
						e.zoneNote(), null, null));
			}
			else {
				list.add(new TerritoryCommune(c.inseeCode(), c.name(), c.departementCode(), c.departementName(), c.postcodes(),
						c.population(), c.epciSiren(), e.qpv(), e.zip(), e.zac(), e.zoneNote(), c.latitude(), c.longitude()));
			}
		}
		list.sort(Comparator.comparing((TerritoryCommune t) -> FrenchText.normalize(t.name())));
		return Territory.of(list);
	}

	/**
	 * Replaces the territory, all or nothing: an unknown code or a duplicate refuses the whole
	 * list. Coordinators of the CPTS and administrators only.
	 */
	/** The most communes a territory holds (a region's CPTS have a few hundred). */
	public static final int MAX_COMMUNES = 5000;

	@Transactional
	public Territory replaceTerritory(UUID id, List<TerritoryEntry> entries) {
		access.requireCoordinator(id);
		store.find(id).orElseThrow(fr.maillage.accounts.CptsAccess.NotVisibleException::new);
		// refused before any look-up: 200,000 codes used to keep a core busy for a minute and a half
		if (entries.size() > MAX_COMMUNES) {
			throw Problems.rejected("communes", "territory.tooMany", MAX_COMMUNES);
		}
		Problems problems = new Problems();
		Map<String, TerritoryEntry> unique = new LinkedHashMap<>();
		int i = 0;
		for (TerritoryEntry e : entries) {
			i++;
			String code = e.inseeCode() == null ? "" : e.inseeCode().strip().toUpperCase(Locale.ROOT);
			if (communes.find(code).isEmpty()) {
				problems.reject("communes[" + i + "]", "territory.unknownCode", code);
			}
			else if (unique.putIfAbsent(code, new TerritoryEntry(code, e.qpv(), e.zip(), e.zac(),
					e.zoneNote() == null || e.zoneNote().isBlank() ? null : e.zoneNote().strip())) != null) {
				problems.reject("communes[" + i + "]", "territory.duplicateCode", code);
			}
		}
		problems.throwIfAny();
		store.replaceTerritory(id, List.copyOf(unique.values()));
		Territory territory = territoryOf(id);
		audit.change("cpts.territory.replaced", "cpts", id.toString(), id,
				territory.communeCount() + " communes, " + territory.population() + " habitants");
		return territory;
	}
}
