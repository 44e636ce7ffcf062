package fr.maillage.prevention;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.association.Documents;
import fr.maillage.audit.AuditLog;
import fr.maillage.directory.Partnerships;
import fr.maillage.missions.ActionSheet;
import fr.maillage.missions.TeamRoster;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.prevention.internal.CampaignStore;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CPTS's prevention campaigns: planned from the national calendar or from scratch, their
 * actions within their period, and what each action achieved (counts, which feed the prevention
 * mission's indicators). For the coordination; every change audited.
 */
@Service
public class Campaigns {

	/** A campaign with its actions and their totals. */
	public record Detail(Campaign campaign, List<CampaignAction> actions, Totals totals, List<Campaign.Named> materials) {
	}

	public record Totals(long actionsDone, long peopleReached, long screeningsOffered, long screeningsDone, long vaccinations, long leaflets) {

		static Totals of(List<CampaignAction> actions) {
			long[] t = new long[6];
			for (CampaignAction a : actions) {
				if (a.done() && a.results() != null) {
					var r = a.results();
					t[0]++;
					t[1] += r.peopleReached() == null ? 0 : r.peopleReached();
					t[2] += r.screeningsOffered() == null ? 0 : r.screeningsOffered();
					t[3] += r.screeningsDone() == null ? 0 : r.screeningsDone();
					t[4] += r.vaccinations() == null ? 0 : r.vaccinations();
					t[5] += r.leaflets() == null ? 0 : r.leaflets();
				}
			}
			return new Totals(t[0], t[1], t[2], t[3], t[4], t[5]);
		}
	}

	private final CampaignStore store;
	private final CptsAccess access;
	private final Partnerships partnerships;
	private final List<TeamRoster> rosters;
	private final AuditLog audit;
	private final Documents documents;

	Campaigns(CampaignStore store, CptsAccess access, Partnerships partnerships, List<TeamRoster> rosters, AuditLog audit, Documents documents) {
		this.documents = documents;
		this.store = store;
		this.access = access;
		this.partnerships = partnerships;
		this.rosters = rosters;
		this.audit = audit;
	}

	public List<CampaignStore.Theme> themes() {
		return store.themes();
	}

	/** An administrator edits the national calendar the installation ships. */
	@Transactional
	public void saveTheme(CampaignStore.Theme t) {
		access.requireAdmin();
		Problems problems = new Problems();
		if (!t.code().matches("[A-Z0-9_]{2,40}")) {
			problems.reject("code", "prevention.theme.code");
		}
		if (t.name().isBlank() || t.name().length() > 200) {
			problems.reject("name", "prevention.theme.name");
		}
		try {
			t.period(2000);
		}
		catch (java.time.DateTimeException ex) {
			problems.reject("fromMonth", "prevention.theme.period");
		}
		problems.throwIfAny();
		store.saveTheme(t);
		audit.change("prevention.theme.saved", "campaign_theme", t.code(), null, t.name());
	}

	@Transactional(readOnly = true)
	public List<Detail> list(UUID cptsId) {
		access.requireCoordinator(cptsId);
		return store.ofCpts(cptsId).stream().map(c -> detail(c)).toList();
	}

	@Transactional(readOnly = true)
	public Detail get(UUID campaignId) {
		Campaign c = store.find(campaignId).orElseThrow(NotFoundException::new);
		access.requireCoordinator(c.cptsId());
		return detail(c);
	}

	/** The structures and professionals a campaign may name. */
	@Transactional(readOnly = true)
	public Map<UUID, String> partnerChoices(UUID cptsId) {
		access.requireCoordinator(cptsId);
		return partnerships.of(cptsId).stream().collect(Collectors.toMap(p -> p.organization().id(), p -> p.organization().name(), (a, b) -> a,
				java.util.LinkedHashMap::new));
	}

	@Transactional(readOnly = true)
	public Map<UUID, String> professionalChoices(UUID cptsId) {
		access.requireCoordinator(cptsId);
		return rosters.stream().flatMap(r -> r.members(cptsId).stream())
			.collect(Collectors.toMap(ActionSheet.Person::memberId, ActionSheet.Person::name, (a, b) -> a, java.util.LinkedHashMap::new));
	}

	@Transactional
	public Campaign create(UUID cptsId, CampaignForms.CampaignForm f) {
		CurrentUser user = access.requireCoordinator(cptsId);
		Problems problems = new Problems();
		String theme = f.themeCode() == null || f.themeCode().isBlank() ? null : f.themeCode().strip();
		if (theme != null && themes().stream().noneMatch(t -> t.code().equals(theme))) {
			problems.reject("themeCode", "prevention.campaign.theme");
		}
		LocalDate from = date(f.startsOn(), "startsOn", problems);
		LocalDate to = date(f.endsOn(), "endsOn", problems);
		if (from != null && to != null && to.isBefore(from)) {
			problems.reject("endsOn", "prevention.campaign.endsBeforeStart");
		}
		if (f.title() == null || f.title().isBlank()) {
			problems.reject("title", "prevention.campaign.title.required");
		}
		List<String> communes = f.targetCommunes() == null ? List.of() : Arrays.stream(f.targetCommunes().split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
		if (communes.stream().anyMatch(c -> !c.matches("\\d[0-9AB]\\d{3}"))) {
			problems.reject("targetCommunes", "prevention.campaign.communes");
		}
		Map<UUID, String> partners = partnerChoices(cptsId);
		Map<UUID, String> pros = professionalChoices(cptsId);
		List<UUID> partnerIds = ids(f.partnerIds(), "partnerIds", problems);
		List<UUID> proIds = ids(f.professionalIds(), "professionalIds", problems);
		if (!partners.keySet().containsAll(partnerIds)) {
			problems.reject("partnerIds", "prevention.campaign.partner");
		}
		if (!pros.keySet().containsAll(proIds)) {
			problems.reject("professionalIds", "prevention.campaign.professional");
		}
		problems.throwIfAny();
		Campaign c = new Campaign(UUID.randomUUID(), cptsId, theme, f.title().strip(), from, to, blank(f.targetAges()),
				f.targetSex() == null || f.targetSex().isBlank() ? Campaign.TargetSex.ALL : Campaign.TargetSex.valueOf(f.targetSex()), communes,
				"on".equals(f.qpv()) || "true".equals(f.qpv()), blank(f.objectives()),
				partnerIds.stream().map(id -> new Campaign.Named(id, partners.get(id))).toList(),
				proIds.stream().map(id -> new Campaign.Named(id, pros.get(id))).toList());
		store.insert(c, user.id());
		audit.change("prevention.campaign.created", "campaign", c.id().toString(), cptsId, c.title() + " du " + from + " au " + to);
		return c;
	}

	@Transactional
	public CampaignAction addAction(UUID campaignId, CampaignForms.ActionForm f) {
		Campaign c = store.find(campaignId).orElseThrow(NotFoundException::new);
		access.requireCoordinator(c.cptsId());
		Problems problems = new Problems();
		LocalDate on = date(f.onDate(), "onDate", problems);
		if (f.title() == null || f.title().isBlank()) {
			problems.reject("title", "prevention.action.title.required");
		}
		if (f.kind() == null || !f.kind().matches("STAND|CONFERENCE|SCHOOL|SCREENING_DAY|VACCINATION|OTHER")) {
			problems.reject("kind", "prevention.action.kind.required");
		}
		problems.throwIfAny();
		c.checkWithin(on);
		CampaignAction a = new CampaignAction(UUID.randomUUID(), campaignId, CampaignAction.Kind.valueOf(f.kind()), f.title().strip(), blank(f.place()), on,
				blank(f.who()), false, null);
		store.save(a);
		audit.change("prevention.action.added", "campaign_action", a.id().toString(), c.cptsId(), a.title() + " le " + on);
		return a;
	}

	@Transactional
	public CampaignAction recordResults(UUID actionId, CampaignForms.ResultsForm f) {
		CampaignAction a = store.action(actionId).orElseThrow(NotFoundException::new);
		Campaign c = store.find(a.campaignId()).orElseThrow();
		access.requireCoordinator(c.cptsId());
		CampaignAction done = a.record(f.read(), LocalDate.now(PreventionEvents.PARIS));
		store.save(done);
		audit.change("prevention.action.results", "campaign_action", actionId.toString(), c.cptsId(), a.title());
		return done;
	}

	/** The documents of the library every member reads (leaflets, posters, slides): what a campaign may hand out. */
	@Transactional(readOnly = true)
	public Map<UUID, String> materialChoices(UUID cptsId) {
		access.requireCoordinator(cptsId);
		return documents.visible(cptsId).stream().filter(d -> d.audience() == Documents.Audience.MEMBERS)
			.collect(Collectors.toMap(Documents.Document::id, d -> d.folder() + " – " + d.title(), (a, b) -> a, java.util.LinkedHashMap::new));
	}

	/** Adds a document of the library to the campaign's materials; the professionals open it from the campaign. */
	@Transactional
	public void addMaterial(UUID campaignId, @Nullable UUID documentId) {
		Campaign c = store.find(campaignId).orElseThrow(NotFoundException::new);
		CurrentUser user = access.requireCoordinator(c.cptsId());
		Documents.Document d = documentId == null ? null : documents.visible(c.cptsId()).stream()
			.filter(x -> x.id().equals(documentId) && x.audience() == Documents.Audience.MEMBERS).findFirst().orElse(null);
		if (d == null) {
			throw Problems.rejected("documentId", "prevention.material.choose.required");
		}
		store.addMaterial(campaignId, new Campaign.Named(d.id(), d.title()), user.id());
		audit.change("prevention.material.added", "campaign", campaignId.toString(), c.cptsId(), d.title());
	}

	@Transactional
	public void removeMaterial(UUID campaignId, UUID documentId) {
		Campaign c = store.find(campaignId).orElseThrow(NotFoundException::new);
		access.requireCoordinator(c.cptsId());
		if (!store.removeMaterial(campaignId, documentId)) {
			throw new NotFoundException();
		}
		audit.change("prevention.material.removed", "campaign", campaignId.toString(), c.cptsId(), documentId.toString());
	}

	private Detail detail(Campaign c) {
		List<CampaignAction> actions = store.actions(c.id());
		return new Detail(c, actions, Totals.of(actions), store.materials(c.id()));
	}

	private static @Nullable LocalDate date(@Nullable String typed, String field, Problems problems) {
		return date(typed, field, "prevention.campaign." + field + ".required", problems);
	}

	/** A date typed as yyyy-MM-dd (a date input), or the field's problem. */
	static @Nullable LocalDate date(@Nullable String typed, String field, String requiredKey, Problems problems) {
		if (typed == null || typed.isBlank()) {
			problems.reject(field, requiredKey);
			return null;
		}
		try {
			return LocalDate.parse(typed.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			problems.reject(field, "prevention.date");
			return null;
		}
	}

	private static List<UUID> ids(@Nullable List<String> typed, String field, Problems problems) {
		try {
			return typed == null ? List.of() : typed.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).map(s -> UUID.fromString(s.strip()))
				.distinct().toList();
		}
		catch (IllegalArgumentException ex) {
			problems.reject(field, "prevention.campaign.partner");
			return List.of();
		}
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
