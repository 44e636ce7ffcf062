package fr.maillage.crisis;

import fr.maillage.platform.Problems;
import fr.maillage.shared.EmailAddress;
import fr.maillage.shared.PhoneNumber;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The plan's page as typed: numbered rows (cell, resources, drills) and one text per reflex sheet,
 * kept as text so a refused page comes back whole. {@link #read} turns it into a plan or explains,
 * field by field, what is wrong.
 */
public record PlanForm(Map<String, String> fields) {

	public static final int CELL_ROWS = 6;
	public static final int RESOURCE_ROWS = 8;
	public static final int DRILL_ROWS = 6;

	public String get(String name) {
		String v = fields.get(name);
		return v == null ? "" : v;
	}

	/** The form showing a plan (its rows, then empty ones to fill). */
	public static PlanForm of(CrisisPlan p, java.util.function.Function<CrisisKind, String> defaultSheet) {
		Map<String, String> f = new java.util.HashMap<>();
		for (int i = 0; i < p.cell().size(); i++) {
			CrisisPlan.CellMember m = p.cell().get(i);
			f.put("cell" + i + ".user", m.userId().toString());
			f.put("cell" + i + ".role", m.role().name());
			f.put("cell" + i + ".phone", m.phone() == null ? "" : m.phone());
			f.put("cell" + i + ".email", m.email() == null ? "" : m.email());
		}
		for (int i = 0; i < p.resources().size(); i++) {
			CrisisPlan.Resource r = p.resources().get(i);
			f.put("resource" + i + ".kind", r.kind().name());
			f.put("resource" + i + ".name", r.name());
			f.put("resource" + i + ".commune", r.communeCode() == null ? "" : r.communeCode());
			f.put("resource" + i + ".quantity", r.quantity() == null ? "" : r.quantity());
			f.put("resource" + i + ".note", r.note() == null ? "" : r.note());
		}
		for (int i = 0; i < p.drills().size(); i++) {
			CrisisPlan.Drill d = p.drills().get(i);
			f.put("drill" + i + ".on", d.on().toString());
			f.put("drill" + i + ".kind", d.kind().name());
			f.put("drill" + i + ".title", d.title());
			f.put("drill" + i + ".note", d.note() == null ? "" : d.note());
		}
		for (CrisisKind k : CrisisKind.values()) {
			f.put("sheet." + k.name(), p.reflexSheets().getOrDefault(k, defaultSheet.apply(k)));
		}
		f.put("communication", p.communication() == null ? "" : p.communication());
		f.put("fragilePatients", p.fragilePatients() == null ? "" : p.fragilePatients());
		return new PlanForm(f);
	}

	/** The plan typed, members named by {@code names} (the CPTS's people); every problem with its field. */
	public CrisisPlan read(Map<UUID, String> names, Problems problems) {
		List<CrisisPlan.CellMember> cell = new ArrayList<>();
		for (int i = 0; i < CELL_ROWS; i++) {
			String user = get("cell" + i + ".user").strip();
			if (user.isEmpty()) {
				continue;
			}
			UUID id = uuid(user);
			if (id == null || !names.containsKey(id)) {
				problems.reject("cell" + i + ".user", "crisis.plan.cell.member");
				continue;
			}
			if (cell.stream().anyMatch(m -> m.userId().equals(id))) {
				problems.reject("cell" + i + ".user", "crisis.plan.cell.twice");
				continue;
			}
			CrisisPlan.CellRole role = enumOf(CrisisPlan.CellRole.class, get("cell" + i + ".role"), CrisisPlan.CellRole.MEMBER);
			String phone = blank(get("cell" + i + ".phone"));
			if (phone != null && !PhoneNumber.isPlausible(phone)) {
				problems.reject("cell" + i + ".phone", "crisis.plan.cell.phoneInvalid");
			}
			String email = blank(get("cell" + i + ".email"));
			if (email != null && !EmailAddress.isPlausible(email)) {
				problems.reject("cell" + i + ".email", "crisis.plan.cell.emailInvalid");
			}
			cell.add(new CrisisPlan.CellMember(id, names.get(id), role, phone == null ? null : PhoneNumber.display(phone), email));
		}
		long referents = cell.stream().filter(m -> m.role() == CrisisPlan.CellRole.REFERENT).count();
		if (referents != 1) {
			problems.reject("cell0.role", referents == 0 ? "crisis.plan.cell.noReferent" : "crisis.plan.cell.oneReferent");
		}
		List<CrisisPlan.Resource> resources = new ArrayList<>();
		for (int i = 0; i < RESOURCE_ROWS; i++) {
			String name = blank(get("resource" + i + ".name"));
			if (name == null) {
				continue;
			}
			if (name.length() > 200) {
				problems.reject("resource" + i + ".name", "crisis.tooLong");
			}
			String commune = blank(get("resource" + i + ".commune"));
			if (commune != null && !commune.matches("\\d[0-9AB]\\d{3}")) {
				problems.reject("resource" + i + ".commune", "crisis.plan.resource.communeInvalid");
			}
			resources.add(new CrisisPlan.Resource(enumOf(CrisisPlan.ResourceKind.class, get("resource" + i + ".kind"), CrisisPlan.ResourceKind.OTHER), name,
					commune, blank(get("resource" + i + ".quantity")), blank(get("resource" + i + ".note"))));
		}
		List<CrisisPlan.Drill> drills = new ArrayList<>();
		for (int i = 0; i < DRILL_ROWS; i++) {
			String title = blank(get("drill" + i + ".title"));
			String on = blank(get("drill" + i + ".on"));
			if (title == null && on == null) {
				continue;
			}
			LocalDate day = null;
			try {
				day = on == null ? null : LocalDate.parse(on);
			} catch (DateTimeParseException ex) {
				// reported below
			}
			if (day == null) {
				problems.reject("drill" + i + ".on", "crisis.plan.drill.date");
			}
			if (title == null) {
				problems.reject("drill" + i + ".title", "crisis.plan.drill.titleRequired");
			}
			if (day != null && title != null) {
				drills.add(new CrisisPlan.Drill(day, enumOf(CrisisPlan.DrillKind.class, get("drill" + i + ".kind"), CrisisPlan.DrillKind.EXERCISE), title,
						blank(get("drill" + i + ".note"))));
			}
		}
		Map<CrisisKind, String> sheets = new EnumMap<>(CrisisKind.class);
		for (CrisisKind k : CrisisKind.values()) {
			String text = blank(get("sheet." + k.name()));
			if (text != null && text.length() > 10_000) {
				problems.reject("sheet." + k.name(), "crisis.tooLong");
			}
			if (text != null) {
				sheets.put(k, text);
			}
		}
		for (String field : List.of("communication", "fragilePatients")) {
			if (get(field).length() > 10_000) {
				problems.reject(field, "crisis.tooLong");
			}
		}
		return new CrisisPlan(cell, resources, sheets, blank(get("communication")), blank(get("fragilePatients")), drills);
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static @Nullable UUID uuid(String s) {
		try {
			return UUID.fromString(s);
		} catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String typed, E otherwise) {
		for (E e : type.getEnumConstants()) {
			if (e.name().equals(typed.strip())) {
				return e;
			}
		}
		return otherwise;
	}
}
