package fr.maillage.gpaccess.internal;

import fr.maillage.directory.AccountLinks;
import fr.maillage.platform.HomeCard;
import fr.maillage.platform.HomeCard.Audience;
import fr.maillage.platform.HomeCard.Tone;
import fr.maillage.platform.HomeCard.Viewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The home's cards of the access to a médecin traitant: for the care coordinators, the requests
 * waiting and since when, the proposals a GP has not answered; for a GP, the proposals to answer.
 * Counts only: no patient is read here.
 */
@Component
class GpAccessHomeCards implements HomeCard.Provider {

	/** A request waiting longer than this is an alert on the coordinator's home. */
	static final int LONG_WAIT_DAYS = 30;
	/** A proposal unanswered longer than this is an alert. */
	static final int LATE_ANSWER_DAYS = 7;

	private final JdbcClient jdbc;
	private final AccountLinks links;

	GpAccessHomeCards(JdbcClient jdbc, AccountLinks links) {
		this.jdbc = jdbc;
		this.links = links;
	}

	private record Waiting(long count, long oldestDays) {
	}

	@Override
	public List<HomeCard> cards(Viewer viewer) {
		UUID cpts = viewer.cptsId();
		if (cpts == null) {
			return List.of();
		}
		List<HomeCard> cards = new ArrayList<>();
		if (viewer.careCoordinator()) {
			Waiting pending = waiting(cpts, "PENDING", "filed_at");
			cards.add(HomeCard.of(Audience.COORDINATION, 10, "home.gp.pending.title", viewer.cptsPath("/medecin-traitant?status=PENDING"),
					pending.count(), pending.oldestDays() > LONG_WAIT_DAYS ? Tone.ALERT : Tone.attentionIf(pending.count()),
					pending.count() == 0 ? "home.gp.pending.none" : "home.gp.pending.text", pending.count(), pending.oldestDays()));
			Waiting proposed = waiting(cpts, "PROPOSED", "proposed_at");
			cards.add(HomeCard.of(Audience.COORDINATION, 20, "home.gp.proposed.title", viewer.cptsPath("/medecin-traitant?status=PROPOSED"),
					proposed.count(), proposed.oldestDays() > LATE_ANSWER_DAYS ? Tone.ALERT : Tone.attentionIf(proposed.count()),
					proposed.count() == 0 ? "home.gp.proposed.none" : "home.gp.proposed.text", proposed.count(), proposed.oldestDays()));
		}
		Optional<UUID> practitioner = links.practitionerOf(viewer.userId());
		if (practitioner.isPresent()) {
			long mine = jdbc.sql("select count(*) from gp_request where cpts_id = :c and practitioner_id = :p and status = 'PROPOSED'")
				.param("c", cpts).param("p", practitioner.get()).query(Long.class).single();
			cards.add(HomeCard.of(Audience.PERSONAL, 30, "home.gp.mine.title", viewer.cptsPath("/medecin-traitant/propositions"), mine,
					Tone.attentionIf(mine), mine == 0 ? "home.gp.mine.none" : "home.gp.mine.text", mine));
		}
		return cards;
	}

	private Waiting waiting(UUID cpts, String status, String since) {
		return jdbc.sql("select count(*), coalesce(extract(day from now() - min(" + since + ")), 0)::bigint from gp_request where cpts_id = :c and status = :s")
			.param("c", cpts).param("s", status).query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2))).single();
	}
}
