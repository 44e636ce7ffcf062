package fr.maillage.missions.web;

import fr.maillage.missions.ActionSheet;
import fr.maillage.missions.ActionSheetForm;
import fr.maillage.platform.Problems;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The action sheet's page form, bound as typed so nothing is lost when it comes back with its
 * errors. Milestones are written one per line: "30/06/2026 Première réunion", "[x]" in front when done.
 */
public record SheetPageForm(@Nullable String year, @Nullable String mission, @Nullable String title, @Nullable String context,
		@Nullable String objectives, @Nullable String targetPopulation, @Nullable String actions, @Nullable String pilotId,
		@Nullable List<String> teamIds, @Nullable List<String> partnerIds, @Nullable String milestones, @Nullable List<String> indicatorIds,
		@Nullable Integer version) {

	private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/uuuu");
	private static final Pattern MILESTONE = Pattern.compile("^(\\[x\\]\\s*)?(\\d{1,2}/\\d{1,2}/\\d{4})\\s+[-–:]?\\s*(.+)$", Pattern.CASE_INSENSITIVE);

	static SheetPageForm empty(int year, @Nullable String mission) {
		return new SheetPageForm(Integer.toString(year), mission, "", "", "", "", "", "", List.of(), List.of(), "", List.of(), null);
	}

	static SheetPageForm of(ActionSheet s) {
		StringBuilder ms = new StringBuilder();
		for (ActionSheet.Milestone m : s.milestones()) {
			ms.append(m.done() ? "[x] " : "").append(m.due().format(FR)).append(' ').append(m.label()).append('\n');
		}
		return new SheetPageForm(Integer.toString(s.year()), s.mission(), s.title(), nz(s.context()), nz(s.objectives()), nz(s.targetPopulation()),
				nz(s.actions()), s.pilot() == null ? "" : s.pilot().memberId().toString(), s.team().stream().map(p -> p.memberId().toString()).toList(),
				s.partners().stream().map(p -> p.organizationId().toString()).toList(), ms.toString(),
				s.indicatorIds().stream().map(UUID::toString).toList(), s.version());
	}

	public boolean has(@Nullable List<String> ids, Object id) {
		return ids != null && ids.contains(id.toString());
	}

	/** The service's form; what cannot be read (a year, an id, a milestone's line) is reported under its field. */
	ActionSheetForm read() {
		Problems problems = new Problems();
		Integer y = ContractForms.number(year, "year", problems);
		List<ActionSheet.Milestone> read = new ArrayList<>();
		int lineNo = 0;
		for (String line : (milestones == null ? "" : milestones).split("\\R")) {
			lineNo++;
			if (line.isBlank()) {
				continue;
			}
			Matcher m = MILESTONE.matcher(line.strip());
			LocalDate due = null;
			if (m.matches()) {
				try {
					due = LocalDate.parse(pad(m.group(2)), FR);
				}
				catch (DateTimeParseException ex) {
					due = null;
				}
			}
			if (due == null) {
				problems.reject("milestones", "missions.sheet.milestoneLine", lineNo);
				break;
			}
			read.add(new ActionSheet.Milestone(due, m.group(3).strip(), m.group(1) != null));
		}
		problems.throwIfAny();
		return new ActionSheetForm(y, mission, title, context, objectives, targetPopulation, actions, uuid(pilotId, "pilotId"), uuids(teamIds, "teamIds"),
				uuids(partnerIds, "partnerIds"), read, uuids(indicatorIds, "indicatorIds"), version);
	}

	private static String pad(String date) {
		String[] p = date.split("/");
		return String.format("%02d/%02d/%s", Integer.parseInt(p[0]), Integer.parseInt(p[1]), p[2]);
	}

	private static @Nullable UUID uuid(@Nullable String s, String field) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(s.strip());
		}
		catch (IllegalArgumentException ex) {
			throw Problems.rejected(field, "missions.sheet.person");
		}
	}

	private static List<UUID> uuids(@Nullable List<String> list, String field) {
		return list == null ? List.of() : list.stream().filter(s -> s != null && !s.isBlank()).map(s -> uuid(s, field)).toList();
	}

	private static String nz(@Nullable String s) {
		return s == null ? "" : s;
	}
}
