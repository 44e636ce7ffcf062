package fr.maillage.missions.web;

import fr.maillage.missions.BudgetLine;
import fr.maillage.missions.BudgetYear;
import fr.maillage.platform.Messages;
import fr.maillage.platform.TabularExport;
import fr.maillage.shared.Euros;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The year's budget for the accountant: a row per mission and category, then each line, amounts in euros. */
final class BudgetExport {

	private BudgetExport() {
	}

	static void write(HttpServletResponse response, TabularExport.Format format, BudgetYear budget, String cptsName, Messages messages)
			throws IOException {
		List<String> header = List.of("Année", "Mission", "Ligne", "Catégorie", "Sens", "Prévu", "Réalisé saisi", "Réalisé comptable (FEC)",
				"Réalisé autres modules", "Réalisé total", "Écart", "Prévision fin d'année");
		TabularExport.write(response, format, "budget-" + budget.year() + "-" + cptsName.replaceAll("[^\\p{L}0-9]+", "-"), "Budget " + budget.year(),
				header, sink -> rows(format, budget, messages, sink));
	}

	private static void rows(TabularExport.Format format, BudgetYear budget, Messages messages, Consumer<List<?>> sink) {
		for (BudgetYear.MissionBudget m : budget.missions()) {
			for (BudgetYear.Row r : m.rows()) {
				String category = messages.get(r.category().labelKey());
				String direction = messages.get(r.category().income() ? "missions.budget.income" : "missions.budget.expense");
				sink.accept(row(format, budget.year(), m.label(), messages.get("missions.budget.export.total"), category, direction, r.plannedCents(),
						r.enteredCents(), r.fecCents(), r.contributedCents(), r.actualCents(), r.differenceCents(), r.forecastCents()));
				for (BudgetLine l : r.lines()) {
					sink.accept(row(format, budget.year(), m.label(), l.label(), category, direction, l.plannedCents(), l.actualCents(), null, null,
							l.actualCents(), r.category().income() ? l.actualCents() - l.plannedCents() : l.plannedCents() - l.actualCents(), null));
				}
			}
		}
	}

	private static List<Object> row(TabularExport.Format format, int year, String mission, String line, String category, String direction,
			Long... cents) {
		List<Object> out = new ArrayList<>(List.of(year, mission, line, category, direction));
		for (Long c : cents) {
			out.add(c == null ? "" : format == TabularExport.Format.XLSX ? BigDecimal.valueOf(c, 2) : Euros.plain(c));
		}
		return out;
	}
}
