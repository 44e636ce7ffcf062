package fr.maillage.prevention;

import fr.maillage.platform.ICalendar;
import fr.maillage.platform.Mail;
import fr.maillage.prevention.internal.EventStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The CPTS's public events still to come, for its public page, its agenda and an iCalendar feed anyone may subscribe to. */
@Service
public class PublicAgenda {

	private final EventStore store;
	private final Mail mail;
	private final fr.maillage.prevention.internal.CampaignStore campaigns;

	PublicAgenda(EventStore store, Mail mail, fr.maillage.prevention.internal.CampaignStore campaigns) {
		this.store = store;
		this.mail = mail;
		this.campaigns = campaigns;
	}

	/** A campaign as the public sees it: its title, period, who it is for and what the national theme says of it. */
	public record CurrentCampaign(String title, java.time.LocalDate startsOn, java.time.LocalDate endsOn, @org.jspecify.annotations.Nullable String targetAges,
			@org.jspecify.annotations.Nullable String about) {
	}

	/** The campaigns running today (objectives, partners and results stay the coordination's). */
	@Transactional(readOnly = true)
	public List<CurrentCampaign> currentCampaigns(UUID cptsId) {
		java.time.LocalDate today = java.time.LocalDate.now(PreventionEvents.PARIS);
		var themes = campaigns.themes();
		return campaigns.ofCpts(cptsId).stream().filter(c -> !c.startsOn().isAfter(today) && !c.endsOn().isBefore(today))
			.map(c -> new CurrentCampaign(c.title(), c.startsOn(), c.endsOn(), c.targetAges(),
					themes.stream().filter(t -> t.code().equals(c.themeCode())).map(t -> t.description()).findFirst().orElse(null)))
			.limit(3).toList();
	}

	@Transactional(readOnly = true)
	public List<PreventionEvent> upcoming(UUID cptsId) {
		return store.upcomingPublic(cptsId, Instant.now());
	}

	@Transactional(readOnly = true)
	public String feed(UUID cptsId, String name) {
		return ICalendar.of(name, upcoming(cptsId).stream().map(e -> new ICalendar.Event("event-" + e.id() + "@maillage", e.startsAt(), e.endsAt(),
				e.title(), e.place() + (e.address() == null ? "" : ", " + e.address()), e.description(), mail.url("/evenements/" + e.id()))).toList());
	}
}
