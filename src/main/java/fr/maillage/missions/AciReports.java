package fr.maillage.missions;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.cpts.CptsService;
import fr.maillage.missions.internal.ActionSheetStore;
import fr.maillage.missions.internal.IndicatorStore;
import fr.maillage.missions.internal.ReportStore;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.PdfDocuments;
import fr.maillage.platform.Problems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report for the dialogue de gestion: for a contract year, one action writes its PDF and
 * its XLSX as a version; a version sent is frozen and a later generation makes a new one. For the
 * coordination and the board; every generation and sending audited.
 */
@Service
public class AciReports {

	private final ReportStore store;
	private final Contracts contracts;
	private final Indicators indicators;
	private final ActionSheetStore sheets;
	private final IndicatorStore values;
	private final Budgets budgets;
	private final SteeringAccess steering;
	private final CptsService cpts;
	private final PdfDocuments pdf;
	private final Messages messages;
	private final AuditLog audit;

	AciReports(ReportStore store, Contracts contracts, Indicators indicators, ActionSheetStore sheets, IndicatorStore values, Budgets budgets,
			SteeringAccess steering, CptsService cpts, PdfDocuments pdf, Messages messages, AuditLog audit) {
		this.store = store;
		this.contracts = contracts;
		this.indicators = indicators;
		this.sheets = sheets;
		this.values = values;
		this.budgets = budgets;
		this.steering = steering;
		this.cpts = cpts;
		this.pdf = pdf;
		this.messages = messages;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<ReportStore.Version> versions(UUID cptsId, @Nullable Integer contractYear) {
		steering.require(cptsId);
		return store.versions(cptsId, contractYear);
	}

	/** Writes the year's report (a new version when the latest was sent) and answers its version. */
	@Transactional
	public ReportStore.Version generate(UUID cptsId, @Nullable Integer contractYear) {
		CurrentUser user = steering.require(cptsId);
		ReportContent content = content(cptsId, contractYear);
		byte[] xlsx = ReportWorkbook.write(content, messages);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Map<String, Object> model = new HashMap<>();
			model.put("r", content);
			model.put("cpts", cpts.get(cptsId));
			pdf.render("missions/report-pdf", model, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ReportStore.Version v = store.save(cptsId, content.contractYear(), out.toByteArray(), xlsx, user.id());
		audit.change("missions.report.generated", "aci_report", v.id().toString(), cptsId,
				"année " + v.contractYear() + ", version " + v.number() + " par " + user.email());
		return v;
	}

	/** Marks a version as sent to the CPAM and the ARS: it no longer changes. */
	@Transactional
	public ReportStore.Version markSent(UUID cptsId, UUID reportId) {
		CurrentUser user = steering.require(cptsId);
		ReportStore.Version v = store.version(cptsId, reportId).orElseThrow(NotFoundException::new);
		if (!store.markSent(cptsId, reportId, user.id())) {
			throw Problems.rejected("report", "missions.report.alreadySent", v.number());
		}
		audit.change("missions.report.sent", "aci_report", reportId.toString(), cptsId,
				"année " + v.contractYear() + ", version " + v.number() + " par " + user.email());
		return store.version(cptsId, reportId).orElseThrow();
	}

	@Transactional
	public Optional<byte[]> file(UUID cptsId, UUID reportId, boolean pdfFile) {
		steering.require(cptsId);
		audit.read("missions.report.downloaded", "aci_report", reportId.toString(), cptsId, pdfFile ? "PDF" : "XLSX");
		return store.file(cptsId, reportId, pdfFile);
	}

	ReportContent content(UUID cptsId, @Nullable Integer year) {
		Contract contract = contracts.contractOf(cptsId).orElseThrow(() -> Problems.rejected("year", "missions.report.noContract"));
		int y = year == null ? contract.currentYear(LocalDate.now(IndicatorSource.PARIS)) : year;
		if (y < 1 || y > Contract.YEARS) {
			throw Problems.rejected("year", "missions.year.range", Contract.YEARS);
		}
		LocalDate from = contract.yearStart(y);
		LocalDate to = contract.yearEnd(y);
		List<YearFigure> figures = indicators.published(cptsId, y);
		List<VariablePart.Estimate> estimates = indicators.publishedVariablePart(cptsId, y);
		List<ActionSheet> all = new ArrayList<>();
		for (int calendar = from.getYear(); calendar <= to.minusDays(1).getYear(); calendar++) {
			all.addAll(sheets.list(cptsId, calendar));
		}
		List<ReportContent.MissionPart> parts = new ArrayList<>();
		for (Contract.Signed s : contract.missions()) {
			String code = s.mission().name();
			parts.add(new ReportContent.MissionPart(s.mission(), messages.get(s.mission().labelKey()), s.fixedCents(), s.variableCents(),
					s.startsOn(contract.signedOn()), s.fullyDeployedOn(contract.signedOn()),
					all.stream().filter(a -> a.mission().equals(code)).toList(), figures.stream().filter(f -> f.indicator().mission().equals(code)).toList(),
					estimates.stream().filter(e -> e.mission() == s.mission()).findFirst().orElse(null)));
		}
		List<ReportContent.OwnPart> own = sheets.ownMissions(cptsId).stream()
			.map(o -> new ReportContent.OwnPart(o, all.stream().filter(a -> a.mission().equals(o.id().toString())).toList())).toList();
		Map<UUID, String> names = new HashMap<>();
		figures.forEach(f -> names.put(f.indicator().id(), f.indicator().name()));
		List<ReportContent.Evidence> evidence = values.values(cptsId, from, to).stream().filter(v -> v.proofName() != null)
			.map(v -> new ReportContent.Evidence(names.getOrDefault(v.indicatorId(), ""), v.periodStart(), v.proofName(), v.note())).toList();
		// the budget of the calendar year that holds most of the contract year
		int budgetYear = from.getMonthValue() <= 6 ? from.getYear() : from.getYear() + 1;
		return new ReportContent(cpts.get(cptsId).name(), contract, y, from, to, parts, own, evidence, budgets.compute(cptsId, budgetYear,
				LocalDate.now(IndicatorSource.PARIS)), Instant.now());
	}
}
