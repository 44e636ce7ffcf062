package fr.maillage.association.internal;

import fr.maillage.association.Board;
import fr.maillage.association.Fees;
import fr.maillage.association.Meetings;
import fr.maillage.platform.HomeCard;
import fr.maillage.platform.HomeCard.Audience;
import fr.maillage.platform.HomeCard.Line;
import fr.maillage.platform.HomeCard.Tone;
import fr.maillage.platform.HomeCard.Viewer;
import fr.maillage.shared.Euros;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The home's cards of the association: for its board, the fees of the year collected against
 * those expected; for the board and the members invited, the next meetings.
 */
@Component
class AssociationHomeCards implements HomeCard.Provider {

	static final int LINES = 3;

	private final Board board;
	private final Fees fees;
	private final Meetings meetings;

	AssociationHomeCards(Board board, Fees fees, Meetings meetings) {
		this.board = board;
		this.fees = fees;
		this.meetings = meetings;
	}

	@Override
	public List<HomeCard> cards(Viewer viewer) {
		UUID cpts = viewer.cptsId();
		if (cpts == null) {
			return List.of();
		}
		List<HomeCard> cards = new ArrayList<>();
		boolean onBoard = board.may(cpts);
		if (onBoard) {
			int year = LocalDate.now(Board.PARIS).getYear();
			long[] s = fees.totals(cpts, year);
			long percent = s[0] == 0 ? 0 : Math.round(100.0 * s[1] / s[0]);
			cards.add(new HomeCard(Audience.COORDINATION, 70, "home.fees.title", viewer.cptsPath("/cotisations"), null, Tone.CALM,
					HomeCard.Text.of("home.fees.text", percent, Euros.format(s[1]), Euros.format(s[0]), year), List.of()));
		}
		Instant now = Instant.now();
		List<Meetings.Meeting> next = meetings.list(cpts).stream().filter(m -> m.endsAt().isAfter(now) && !"CANCELLED".equals(m.status()))
			.sorted(Comparator.comparing(Meetings.Meeting::startsAt)).toList();
		if (onBoard || !next.isEmpty()) {
			cards.add(HomeCard.of(onBoard ? Audience.COORDINATION : Audience.PERSONAL, 80, "home.meetings.title", viewer.cptsPath("/reunions"),
					next.size(), Tone.CALM, next.isEmpty() ? "home.meetings.none" : "home.meetings.text", next.size())
				.withLines(next.stream().limit(LINES).map(m -> new Line(m.title(), m.startsAt(), "/reunions/" + m.id())).toList()));
		}
		return cards;
	}
}
