package fr.maillage.reference.internal;

import fr.maillage.audit.AuditLog;
import fr.maillage.reference.Commune;
import fr.maillage.reference.ReferenceUpdate;
import fr.maillage.reference.internal.ReferenceTables.CommuneRow;
import fr.maillage.reference.internal.ReferenceTables.DepartementRow;
import fr.maillage.reference.internal.ReferenceTables.EpciRow;
import fr.maillage.reference.internal.ReferenceTables.FormerNameRow;
import fr.maillage.reference.internal.ReferenceTables.RegionRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the etalab package's JSON files, the same way tools/reference/compact.py does for the bundled tables. */
@Service
class PackageReferenceUpdate implements ReferenceUpdate {

	static final String SOURCE = "@etalab/decoupage-administratif (fichiers JSON envoyés par un administrateur)";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CommuneCatalog catalog;
	private final ReferenceStore store;
	private final AuditLog audit;
	private final PendingPackages pending;

	PackageReferenceUpdate(CommuneCatalog catalog, ReferenceStore store, AuditLog audit, PendingPackages pending) {
		this.catalog = catalog;
		this.store = store;
		this.audit = audit;
		this.pending = pending;
	}

	@Override
	@Transactional
	public java.util.UUID keep(Files files) {
		return pending.keep(files);
	}

	@Override
	@Transactional
	public java.util.Optional<Report> applyKept(java.util.UUID id) {
		return pending.take(id).map(this::apply);
	}

	@Override
	public Report preview(Files files) {
		try {
			return report(read(files), false);
		}
		catch (RuntimeException ex) {
			return new Report(0, 0, 0, 0, 0, 0, 0, 0, "reference.update.unreadable", false);
		}
	}

	@Override
	@Transactional
	public Report apply(Files files) {
		ReferenceTables tables;
		try {
			tables = read(files);
		}
		catch (RuntimeException ex) {
			return new Report(0, 0, 0, 0, 0, 0, 0, 0, "reference.update.unreadable", false);
		}
		Report preview = report(tables, false);
		if (!preview.acceptable()) {
			return preview;
		}
		store.replace(tables, SOURCE);
		audit.change("reference.updated", "commune", null, null, preview.communes() + " communes, " + preview.added() + " ajoutées, "
				+ preview.removed() + " retirées, " + preview.renamed() + " renommées");
		catalog.changed();
		return report(tables, true);
	}

	private Report report(ReferenceTables t, boolean applied) {
		Map<String, Commune> current = catalog.index().byCode;
		int added = 0, renamed = 0, population = 0;
		Map<String, CommuneRow> incoming = new HashMap<>();
		for (CommuneRow c : t.communes()) {
			incoming.put(c.code(), c);
			Commune before = current.get(c.code());
			if (before == null) {
				added++;
			}
			else {
				if (!before.name().equals(c.name())) {
					renamed++;
				}
				if (before.population() != c.population()) {
					population++;
				}
			}
		}
		int removed = (int) current.keySet().stream().filter(code -> !incoming.containsKey(code)).count();
		String problem = t.communes().size() > 30_000 ? null : "reference.update.tooFew";
		return new Report(t.communes().size(), t.formerNames().size(), t.epcis().size(), t.departements().size(), added, removed, renamed,
				population, problem, applied);
	}

	static ReferenceTables read(Files files) {
		JsonNode epciJson = JSON.readTree(files.epci());
		Map<String, String> epciOf = new HashMap<>();
		List<EpciRow> epcis = new ArrayList<>();
		for (JsonNode e : epciJson) {
			String siren = e.get("code").asString();
			epcis.add(new EpciRow(siren, e.get("nom").asString(), e.get("type").asString(), e.path("populationTotale").asInt(0)));
			for (JsonNode m : e.path("membres")) {
				epciOf.put(m.get("code").asString(), siren);
			}
		}
		List<CommuneRow> communes = new ArrayList<>();
		List<FormerNameRow> formerNames = new ArrayList<>();
		for (JsonNode c : JSON.readTree(files.communes())) {
			String kind = c.get("type").asString();
			String code = c.get("code").asString();
			if ("commune-actuelle".equals(kind)) {
				communes.add(new CommuneRow(code, c.get("nom").asString(), c.path("departement").asString(""), c.path("region").asString(""),
						epciOf.get(code), c.path("population").asInt(0), strings(c.path("codesPostaux")), strings(c.path("anciensCodes"))));
			}
			else if (c.hasNonNull("chefLieu") && !"arrondissement-municipal".equals(kind)) {
				formerNames.add(new FormerNameRow(code, c.get("nom").asString(), kind, c.get("chefLieu").asString()));
			}
		}
		List<DepartementRow> departements = new ArrayList<>();
		for (JsonNode d : JSON.readTree(files.departements())) {
			departements.add(new DepartementRow(d.get("code").asString(), d.get("nom").asString(), d.path("region").asString("")));
		}
		List<RegionRow> regions = new ArrayList<>();
		for (JsonNode r : JSON.readTree(files.regions())) {
			regions.add(new RegionRow(r.get("code").asString(), r.get("nom").asString()));
		}
		return new ReferenceTables(regions, departements, epcis, communes, formerNames);
	}

	private static List<String> strings(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(n.asString()));
		return out;
	}
}
