package fr.maillage.reference.internal;

import fr.maillage.platform.HomeCard;
import fr.maillage.platform.HomeCard.Audience;
import fr.maillage.platform.HomeCard.Tone;
import fr.maillage.platform.HomeCard.Viewer;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The administrators' card of the reference data: how many current communes have coordinates.
 * None (the coordinates are not shipped: their file is imported by an administrator) means no map
 * and distances that are only "same EPCI" or "same département".
 */
@Component
class ReferenceHomeCards implements HomeCard.Provider {

	private final JdbcClient jdbc;

	ReferenceHomeCards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<HomeCard> cards(Viewer viewer) {
		if (!viewer.admin()) {
			return List.of();
		}
		record Placed(long placed, long all) {
		}
		Placed p = jdbc.sql("select count(*) filter (where latitude is not null), count(*) from commune")
			.query((rs, n) -> new Placed(rs.getLong(1), rs.getLong(2))).single();
		return List.of(HomeCard.of(Audience.ADMINISTRATION, 50, "home.coordinates.title", "/administration/reference", p.placed(),
				p.placed() == 0 ? Tone.ATTENTION : Tone.CALM, p.placed() == 0 ? "home.coordinates.none" : "home.coordinates.text", p.placed(), p.all()));
	}
}
