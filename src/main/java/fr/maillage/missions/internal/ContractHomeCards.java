package fr.maillage.missions.internal;

import fr.maillage.missions.Contract;
import fr.maillage.missions.ContractSchedule;
import fr.maillage.missions.BudgetYear;
import fr.maillage.missions.Budgets;
import fr.maillage.missions.Contracts;
import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.Indicators;
import fr.maillage.missions.SteeringAccess;
import fr.maillage.missions.YearFigure;
import fr.maillage.platform.HomeCard;
import fr.maillage.platform.HomeCard.Audience;
import fr.maillage.platform.HomeCard.Line;
import fr.maillage.platform.HomeCard.Tone;
import fr.maillage.platform.HomeCard.Viewer;
import fr.maillage.platform.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The contract at a glance, for the coordination and the board: the indicators off their target
 * this contract year (the figure), the missions started, late (started with no indicator followed)
 * and not started yet; the budget lines overspent this year and the next deadlines as lines.
 */
@Component
class ContractHomeCards implements HomeCard.Provider {

	private final Contracts contracts;
	private final Indicators indicators;
	private final Budgets budgets;
	private final SteeringAccess steering;
	private final Messages messages;

	ContractHomeCards(Contracts contracts, Indicators indicators, Budgets budgets, SteeringAccess steering, Messages messages) {
		this.contracts = contracts;
		this.budgets = budgets;
		this.indicators = indicators;
		this.steering = steering;
		this.messages = messages;
	}

	@Override
	public List<HomeCard> cards(Viewer viewer) {
		if (viewer.cptsId() == null || !steering.may(viewer.cptsId())) {
			return List.of();
		}
		Contract c = contracts.contractOf(viewer.cptsId()).orElse(null);
		if (c == null) {
			return List.of();
		}
		LocalDate today = LocalDate.now(IndicatorSource.PARIS);
		List<YearFigure> figures = indicators.year(viewer.cptsId(), c.currentYear(today));
		long off = figures.stream().filter(YearFigure::offTarget).count();
		Set<String> followed = figures.stream().map(f -> f.indicator().mission()).collect(Collectors.toSet());
		long notStarted = c.missions().stream().filter(s -> s.startsOn(c.signedOn()).isAfter(today)).count();
		long late = c.missions().stream().filter(s -> !s.startsOn(c.signedOn()).isAfter(today) && !followed.contains(s.mission().name())).count();
		long onTrack = c.missions().size() - notStarted - late;
		String href = viewer.cptsPath("/contrat/indicateurs");
		long overspent = budgets.year(viewer.cptsId(), today.getYear()).missions().stream().flatMap(m -> m.rows().stream())
			.filter(BudgetYear.Row::overspent).count();
		List<Line> lines = new java.util.ArrayList<>();
		if (overspent > 0) {
			lines.add(new Line(messages.get("home.missions.overspent", overspent), null, viewer.cptsPath("/contrat/budget")));
		}
		List<Line> next = ContractSchedule.deadlines(c).stream().filter(d -> !d.on().isBefore(today)).limit(3)
			.map(d -> new Line(messages.get(d.kind().labelKey()) + (d.mission() == null ? "" : " : " + messages.get(d.mission().labelKey())),
					d.on().atStartOfDay(IndicatorSource.PARIS).toInstant(), viewer.cptsPath("/contrat")))
			.toList();
		lines.addAll(next);
		return List.of(HomeCard.of(Audience.COORDINATION, 15, "home.missions.title", href, off,
				off > 0 || late > 0 || overspent > 0 ? Tone.ATTENTION : Tone.CALM, "home.missions.text", off, onTrack, late, notStarted).withLines(lines));
	}
}
