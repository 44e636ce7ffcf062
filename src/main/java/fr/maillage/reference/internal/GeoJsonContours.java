package fr.maillage.reference.internal;

import fr.maillage.audit.AuditLog;
import fr.maillage.reference.CommuneContours;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Service
class GeoJsonContours implements CommuneContours {

	private static final int MAX_REPORTED = 200;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CommuneCatalog catalog;
	private final JdbcClient jdbc;
	private final AuditLog audit;

	GeoJsonContours(CommuneCatalog catalog, JdbcClient jdbc, AuditLog audit) {
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	@Transactional
	public Report apply(byte[] geojson) {
		CommuneIndex idx = catalog.index();
		List<Remark> errors = new ArrayList<>();
		List<Remark> unknown = new ArrayList<>();
		Map<String, String> direct = new LinkedHashMap<>();
		Map<String, String> viaFormer = new LinkedHashMap<>();
		int features = 0;
		int unknownCount = 0;
		JsonNode root;
		try {
			root = JSON.readTree(geojson);
		} catch (JacksonException ex) {
			errors.add(new Remark(0, "reference.contours.unreadable", List.of()));
			return new Report(0, 0, 0, 0, unknown, errors, false);
		}
		if (root == null || !"FeatureCollection".equals(root.path("type").asString("")) || !root.path("features").isArray()) {
			errors.add(new Remark(0, "reference.contours.notCollection", List.of()));
			return new Report(0, 0, 0, 0, unknown, errors, false);
		}
		for (JsonNode f : root.path("features")) {
			features++;
			JsonNode props = f.path("properties");
			String code = props.path("code").asString(props.path("insee").asString(props.path("INSEE_COM").asString(""))).strip().toUpperCase(java.util.Locale.ROOT);
			JsonNode geometry = f.path("geometry");
			String type = geometry.path("type").asString("");
			if (code.isEmpty()) {
				report(errors, new Remark(features, "reference.contours.noCode", List.of()));
				continue;
			}
			if (!type.equals("Polygon") && !type.equals("MultiPolygon") || !geometry.path("coordinates").isArray() || geometry.path("coordinates").isEmpty()) {
				report(errors, new Remark(features, "reference.contours.geometry", List.of(code, type.isEmpty() ? "—" : type)));
				continue;
			}
			if (idx.byCode.containsKey(code)) {
				direct.put(code, geometry.toString());
			} else if (idx.byFormerCode.containsKey(code)) {
				viaFormer.putIfAbsent(idx.byFormerCode.get(code).inseeCode(), geometry.toString());
			} else {
				unknownCount++;
				report(unknown, new Remark(features, "reference.contours.unknown", List.of(code)));
			}
		}
		int former = 0;
		for (var e : viaFormer.entrySet()) {
			if (direct.putIfAbsent(e.getKey(), e.getValue()) == null) {
				former++;
			}
		}
		if (!errors.isEmpty() || direct.isEmpty()) {
			if (direct.isEmpty() && errors.isEmpty()) {
				errors.add(new Remark(0, "reference.contours.none", List.of()));
			}
			return new Report(features, direct.size(), former, unknownCount, unknown, errors, false);
		}
		direct.forEach((code, geometry) -> jdbc.sql("""
				insert into commune_contour (insee_code, geometry) values (:c, cast(:g as jsonb))
				on conflict (insee_code) do update set geometry = excluded.geometry, imported_at = now()""")
			.param("c", code).param("g", geometry).update());
		audit.change("reference.contours.imported", "commune_contour", null, null, direct.size() + " contours, " + unknownCount + " codes inconnus");
		return new Report(features, direct.size(), former, unknownCount, unknown, errors, true);
	}

	private static void report(List<Remark> list, Remark r) {
		if (list.size() < MAX_REPORTED) {
			list.add(r);
		}
	}

	@Override
	public int communesWithContours() {
		return jdbc.sql("select count(*) from commune_contour").query(Integer.class).single();
	}

	@Override
	public int countAmong(Collection<String> inseeCodes) {
		return jdbc.sql("select count(*) from commune_contour where insee_code = any(:codes)").param("codes", inseeCodes.toArray(String[]::new))
			.query(Integer.class).single();
	}

	@Override
	public String featureCollection(Collection<String> inseeCodes) {
		return jdbc.sql("""
				select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object('type', 'Feature',
				  'properties', json_build_object('code', k.insee_code, 'name', c.name, 'population', c.population), 'geometry', k.geometry)
				  order by k.insee_code), '[]'::json))::text
				from commune_contour k join commune c on c.insee_code = k.insee_code where k.insee_code = any(:codes)""")
			.param("codes", inseeCodes.toArray(String[]::new)).query(String.class).single();
	}
}
