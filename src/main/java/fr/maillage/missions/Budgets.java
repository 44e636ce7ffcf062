package fr.maillage.missions;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.missions.internal.ActionSheetStore;
import fr.maillage.missions.internal.BudgetStore;
import fr.maillage.platform.Messages;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.shared.Euros;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets per mission and action sheet: lines planned and actual, actuals imported from the FEC or
 * contributed by other modules, a year closed by the treasurer. For the coordination and the
 * board; every change audited.
 */
@Service
public class Budgets {

	private final BudgetStore store;
	private final ActionSheetStore sheets;
	private final SteeringAccess steering;
	private final List<BudgetContribution> contributions;
	private final Messages messages;
	private final AuditLog audit;

	Budgets(BudgetStore store, ActionSheetStore sheets, SteeringAccess steering, List<BudgetContribution> contributions, Messages messages,
			AuditLog audit) {
		this.store = store;
		this.sheets = sheets;
		this.steering = steering;
		this.contributions = contributions;
		this.messages = messages;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public BudgetYear year(UUID cptsId, int year) {
		steering.require(cptsId);
		return compute(cptsId, year, LocalDate.now(IndicatorSource.PARIS));
	}

	/** Mission codes and own missions' ids, to their labels: functioning first. */
	@Transactional(readOnly = true)
	public Map<String, String> missions(UUID cptsId) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(Contracts.FUNCTIONING, messages.get("missions.part.functioning"));
		for (Mission m : Mission.values()) {
			labels.put(m.name(), messages.get(m.labelKey()));
		}
		sheets.ownMissions(cptsId).forEach(o -> labels.put(o.id().toString(), o.title()));
		return labels;
	}

	BudgetYear compute(UUID cptsId, int year, LocalDate today) {
		Map<String, String> labels = missions(cptsId);
		double remaining = year < today.getYear() ? 0 : year > today.getYear() ? 1
				: (double) (LocalDate.of(year, 12, 31).getDayOfYear() - today.getDayOfYear()) / LocalDate.of(year, 12, 31).getDayOfYear();
		Map<String, Map<BudgetCategory, long[]>> sums = new LinkedHashMap<>();
		Map<String, Map<BudgetCategory, List<BudgetLine>>> lines = new HashMap<>();
		for (BudgetLine l : store.lines(cptsId, year)) {
			long[] s = cell(sums, l.mission(), l.category());
			s[0] += l.plannedCents();
			s[1] += l.actualCents();
			lines.computeIfAbsent(l.mission(), k -> new HashMap<>()).computeIfAbsent(l.category(), k -> new ArrayList<>()).add(l);
		}
		for (BudgetStore.FecTotal t : store.fecTotals(cptsId, year)) {
			cell(sums, t.mission(), t.category())[2] += t.cents();
		}
		for (BudgetContribution c : contributions) {
			for (ContributedActual a : c.actuals(cptsId, year)) {
				cell(sums, resolve(a.missionHint(), labels), a.category())[3] += a.cents();
			}
		}
		List<BudgetYear.MissionBudget> missions = new ArrayList<>();
		List<BudgetYear.Row> all = new ArrayList<>();
		for (String mission : labels.keySet()) {
			Map<BudgetCategory, long[]> byCategory = sums.get(mission);
			if (byCategory == null) {
				continue;
			}
			List<BudgetYear.Row> rows = new ArrayList<>();
			for (BudgetCategory cat : BudgetCategory.values()) {
				long[] s = byCategory.get(cat);
				if (s != null) {
					long actual = s[1] + s[2] + s[3];
					long forecast = actual + Math.round(Math.max(0, s[0] - actual) * remaining);
					rows.add(new BudgetYear.Row(cat, s[0], s[1], s[2], s[3], forecast,
							lines.getOrDefault(mission, Map.of()).getOrDefault(cat, List.of())));
				}
			}
			all.addAll(rows);
			missions.add(new BudgetYear.MissionBudget(mission, labels.get(mission), rows, BudgetYear.Totals.of(rows)));
		}
		var fec = store.fecImport(cptsId, year).map(f -> new BudgetYear.FecSummary(f.fileName(), f.importedAt(), f.lines())).orElse(null);
		return new BudgetYear(year, store.closed(cptsId, year), missions, BudgetYear.Totals.of(all), fec);
	}

	@Transactional
	public BudgetLine saveLine(UUID cptsId, @Nullable UUID lineId, BudgetLineForm f) {
		CurrentUser user = steering.require(cptsId);
		BudgetLine before = lineId == null ? null : store.line(cptsId, lineId).orElseThrow(NotFoundException::new);
		Problems problems = new Problems();
		int year = before != null ? before.year() : f.year() == null ? 0 : f.year();
		if (year < 2000 || year > 2100) {
			problems.reject("year", "missions.sheet.yearRange");
		}
		else if (store.closed(cptsId, year)) {
			problems.reject("year", "missions.budget.closed", year);
		}
		String mission = f.mission() == null ? "" : f.mission().strip();
		if (!missions(cptsId).containsKey(mission)) {
			problems.reject("mission", "missions.sheet.mission");
		}
		if (f.sheetId() != null && sheets.find(cptsId, f.sheetId()).isEmpty()) {
			problems.reject("sheetId", "missions.budget.sheetUnknown");
		}
		BudgetCategory category = BudgetCategory.parseOrNull(f.category());
		if (category == null) {
			problems.reject("category", "missions.budget.categoryUnknown");
		}
		if (f.label() == null || f.label().isBlank() || f.label().strip().length() > 200) {
			problems.reject("label", "missions.budget.labelMissing");
		}
		long planned = f.plannedCents() == null ? 0 : f.plannedCents();
		long actual = f.actualCents() == null ? 0 : f.actualCents();
		if (planned < 0 || planned > Euros.MAX_CENTS) {
			problems.reject("planned", "missions.budget.amount");
		}
		if (actual < 0 || actual > Euros.MAX_CENTS) {
			problems.reject("actual", "missions.budget.amount");
		}
		problems.throwIfAny();
		BudgetLine line = new BudgetLine(lineId == null ? UUID.randomUUID() : lineId, cptsId, year, mission, f.sheetId(), category, f.label().strip(),
				planned, actual);
		store.save(line);
		audit.change(before == null ? "missions.budget.lineAdded" : "missions.budget.lineChanged", "budget_line", line.id().toString(), cptsId,
				year + " " + mission + " " + category + " « " + line.label() + " » prévu " + Euros.plain(planned) + ", réalisé " + Euros.plain(actual)
						+ " par " + user.email());
		return line;
	}

	@Transactional
	public void deleteLine(UUID cptsId, UUID lineId) {
		CurrentUser user = steering.require(cptsId);
		BudgetLine line = store.line(cptsId, lineId).orElseThrow(NotFoundException::new);
		if (store.closed(cptsId, line.year())) {
			throw Problems.rejected("year", "missions.budget.closed", line.year());
		}
		store.delete(cptsId, lineId);
		audit.change("missions.budget.lineDeleted", "budget_line", lineId.toString(), cptsId, line.year() + " « " + line.label() + " » par " + user.email());
	}

	/** The treasurer closes a year: its lines and its FEC stay as they are. */
	@Transactional
	public void closeYear(UUID cptsId, int year) {
		CurrentUser user = steering.require(cptsId);
		store.close(cptsId, year, user.id());
		audit.change("missions.budget.closed", "cpts", cptsId.toString(), cptsId, year + " par " + user.email());
	}

	@Transactional(readOnly = true)
	public List<FecMapping> mappings(UUID cptsId) {
		steering.require(cptsId);
		return store.mappings(cptsId);
	}

	@Transactional
	public FecMapping saveMapping(UUID cptsId, FecMapping.@Nullable Kind kind, @Nullable String code, @Nullable String mission,
			@Nullable String category) {
		CurrentUser user = steering.require(cptsId);
		Problems problems = new Problems();
		String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		if (kind == null) {
			problems.reject("kind", "missions.fec.mapping.kind");
		}
		if (c.isEmpty() || c.length() > 40 || (kind == FecMapping.Kind.ACCOUNT && !c.matches("[0-9A-Z]+"))) {
			problems.reject("code", "missions.fec.mapping.code");
		}
		if (mission == null || !missions(cptsId).containsKey(mission.strip())) {
			problems.reject("mission", "missions.sheet.mission");
		}
		BudgetCategory cat = BudgetCategory.parseOrNull(category);
		if (cat == null) {
			problems.reject("category", "missions.budget.categoryUnknown");
		}
		problems.throwIfAny();
		FecMapping m = new FecMapping(kind, c, mission.strip(), cat);
		store.saveMapping(cptsId, m);
		audit.change("missions.fec.mapped", "fec_mapping", kind + "/" + c, cptsId, c + " → " + m.mission() + " " + cat + " par " + user.email());
		return m;
	}

	@Transactional
	public void deleteMapping(UUID cptsId, FecMapping.Kind kind, String code) {
		CurrentUser user = steering.require(cptsId);
		store.deleteMapping(cptsId, kind, code);
		audit.change("missions.fec.unmapped", "fec_mapping", kind + "/" + code, cptsId, code + " par " + user.email());
	}

	/** A mission code, an own mission's id, or what a module calls a mission (a label, a title); the functioning otherwise. */
	static String resolve(String hint, Map<String, String> labels) {
		String h = hint.strip();
		if (labels.containsKey(h)) {
			return h;
		}
		for (Map.Entry<String, String> e : labels.entrySet()) {
			if (e.getValue().equalsIgnoreCase(h)) {
				return e.getKey();
			}
		}
		return Contracts.FUNCTIONING;
	}

	private static long[] cell(Map<String, Map<BudgetCategory, long[]>> sums, String mission, BudgetCategory category) {
		return sums.computeIfAbsent(mission, k -> new java.util.EnumMap<>(BudgetCategory.class)).computeIfAbsent(category, k -> new long[4]);
	}
}
