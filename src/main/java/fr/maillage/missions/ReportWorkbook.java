package fr.maillage.missions;

import fr.maillage.platform.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The annual report as a workbook: a summary, the indicators, the action sheets, the budget and the proofs, a sheet each. */
final class ReportWorkbook {

	private ReportWorkbook() {
	}

	static byte[] write(ReportContent r, Messages messages) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "Maillage", "1.0");
			Worksheet summary = wb.newWorksheet("Synthèse");
			header(summary, 0, "CPTS", r.cptsName());
			header(summary, 1, "Année de contrat", r.contractYear());
			header(summary, 2, "Du", r.from());
			header(summary, 3, "Au", r.to().minusDays(1));
			row(summary, 5, true, "Mission", "Part fixe (€)", "Enveloppe variable (€)", "Part variable estimée (€)", "Démarrage", "Déploiement complet");
			int i = 6;
			for (ReportContent.MissionPart m : r.missions()) {
				row(summary, i++, false, m.label(), euros(m.fixedCents()), euros(m.variableCents()),
						m.estimate() == null || m.estimate().cents() == null ? "" : euros(m.estimate().cents()), m.startsOn(), m.fullyDeployedOn());
			}
			Worksheet ind = wb.newWorksheet("Indicateurs");
			row(ind, 0, true, "Mission", "Indicateur", "Type", "Unité", "Source", "Valeur de départ", "Au", "Cible", "Valeur", "Atteinte (%)", "Poids (%)");
			i = 1;
			for (ReportContent.MissionPart m : r.missions()) {
				for (YearFigure f : m.indicators()) {
					Indicator x = f.indicator();
					row(ind, i++, false, m.label(), x.name(), messages.get(x.kind().labelKey()), messages.get(x.unit().labelKey()),
							x.computed() ? "Maillage" : x.sourceLabel() == null ? "" : x.sourceLabel(), x.baseline() == null ? "" : x.baseline(),
							x.baselineOn() == null ? "" : x.baselineOn(), f.target() == null ? "" : f.target(),
							f.secret() ? "< " + f.secretBelow() : f.value() == null ? "" : f.value(),
							f.reached() == null ? "" : f.reached().multiply(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP),
							x.weightPercent());
				}
			}
			Worksheet sheets = wb.newWorksheet("Fiches-actions");
			row(sheets, 0, true, "Année", "Mission", "Intitulé", "Statut", "Pilote", "Partenaires", "Objectifs", "Actions", "Étapes");
			i = 1;
			for (ReportContent.MissionPart m : r.missions()) {
				for (ActionSheet s : m.sheets()) {
					i = sheet(sheets, i, m.label(), s, messages);
				}
			}
			for (ReportContent.OwnPart o : r.ownMissions()) {
				for (ActionSheet s : o.sheets()) {
					i = sheet(sheets, i, o.mission().title(), s, messages);
				}
			}
			Worksheet budget = wb.newWorksheet("Budget " + r.budget().year());
			row(budget, 0, true, "Mission", "Catégorie", "Sens", "Prévu (€)", "Réalisé (€)", "Écart (€)", "Prévision (€)");
			i = 1;
			for (BudgetYear.MissionBudget m : r.budget().missions()) {
				for (BudgetYear.Row b : m.rows()) {
					row(budget, i++, false, m.label(), messages.get(b.category().labelKey()), b.category().income() ? "Produit" : "Charge",
							euros(b.plannedCents()), euros(b.actualCents()), euros(b.differenceCents()), euros(b.forecastCents()));
				}
			}
			Worksheet proofs = wb.newWorksheet("Justificatifs");
			row(proofs, 0, true, "Indicateur", "Mois du", "Justificatif", "Note");
			i = 1;
			for (ReportContent.Evidence e : r.evidence()) {
				row(proofs, i++, false, e.indicator(), e.periodStart(), e.proofName(), e.note() == null ? "" : e.note());
			}
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static int sheet(Worksheet ws, int i, String mission, ActionSheet s, Messages messages) {
		row(ws, i, false, s.year(), mission, s.title(), messages.get(s.status().labelKey()), s.pilot() == null ? "" : s.pilot().name(),
				s.partners().stream().map(ActionSheet.Partner::name).collect(Collectors.joining(", ")), nz(s.objectives()), nz(s.actions()),
				s.milestones().stream().map(m -> m.due() + " " + m.label() + (m.done() ? " (fait)" : "")).collect(Collectors.joining("\n")));
		return i + 1;
	}

	private static BigDecimal euros(long cents) {
		return BigDecimal.valueOf(cents, 2);
	}

	private static String nz(@org.jspecify.annotations.Nullable String s) {
		return s == null ? "" : s;
	}

	private static void header(Worksheet ws, int r, String label, Object value) {
		ws.value(r, 0, label);
		ws.style(r, 0).bold().set();
		set(ws, r, 1, value);
	}

	private static void row(Worksheet ws, int r, boolean bold, Object... values) {
		for (int c = 0; c < values.length; c++) {
			set(ws, r, c, values[c]);
			if (bold) {
				ws.style(r, c).bold().set();
			}
		}
	}

	private static void set(Worksheet ws, int r, int c, Object v) {
		switch (v) {
			case Number n -> ws.value(r, c, n);
			case java.time.LocalDate d -> {
				ws.value(r, c, d);
				ws.style(r, c).format("dd/mm/yyyy").set();
			}
			default -> ws.value(r, c, String.valueOf(v));
		}
	}

}
