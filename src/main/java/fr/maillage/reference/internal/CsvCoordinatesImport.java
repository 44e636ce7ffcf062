package fr.maillage.reference.internal;

import fr.maillage.audit.AuditLog;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CoordinatesImport;
import fr.maillage.shared.FrenchText;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CsvCoordinatesImport implements CoordinatesImport {

	private static final int MAX_REPORTED = 200;

	private final CommuneCatalog catalog;
	private final JdbcClient jdbc;
	private final AuditLog audit;

	CsvCoordinatesImport(CommuneCatalog catalog, JdbcClient jdbc, AuditLog audit) {
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	private record Parsed(Map<String, double[]> byCurrentCode, int lines, int viaFormer, int unknownCount, List<Remark> unknown, List<Remark> errors) {
	}

	@Override
	public Report preview(String csv) {
		Parsed p = parse(csv);
		return new Report(p.lines(), p.byCurrentCode().size(), p.viaFormer(), p.unknownCount(), p.unknown(), p.errors(), false);
	}

	@Override
	@Transactional
	public Report apply(String csv) {
		Parsed p = parse(csv);
		if (!p.errors().isEmpty() || p.byCurrentCode().isEmpty()) {
			return new Report(p.lines(), p.byCurrentCode().size(), p.viaFormer(), p.unknownCount(), p.unknown(), p.errors(), false);
		}
		List<Object[]> rows = new ArrayList<>();
		p.byCurrentCode().forEach((code, ll) -> rows.add(new Object[] { ll[0], ll[1], code }));
		jdbc.sql("create temporary table coordinates_load (insee_code text, latitude double precision, longitude double precision) on commit drop").update();
		for (int i = 0; i < rows.size(); i += 1000) {
			List<Object[]> chunk = rows.subList(i, Math.min(rows.size(), i + 1000));
			var spec = jdbc.sql("insert into coordinates_load values " + String.join(",", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?)")));
			int k = 0;
			for (Object[] r : chunk) {
				spec = spec.param(++k, r[2]).param(++k, r[0]).param(++k, r[1]);
			}
			spec.update();
		}
		jdbc.sql("update commune c set latitude = l.latitude, longitude = l.longitude from coordinates_load l where c.insee_code = l.insee_code").update();
		audit.change("reference.coordinates.imported", "commune", null, null,
				p.byCurrentCode().size() + " communes placées, " + p.unknownCount() + " codes inconnus");
		catalog.changed();
		return new Report(p.lines(), p.byCurrentCode().size(), p.viaFormer(), p.unknownCount(), p.unknown(), p.errors(), true);
	}

	@Override
	public int communesWithCoordinates() {
		return (int) catalog.index().byCode.values().stream().filter(Commune::hasCoordinates).count();
	}

	private Parsed parse(String csv) {
		CommuneIndex idx = catalog.index();
		List<Remark> errors = new ArrayList<>();
		List<Remark> unknown = new ArrayList<>();
		Map<String, double[]> direct = new LinkedHashMap<>();
		Map<String, double[]> viaFormer = new LinkedHashMap<>();
		String firstLine = csv.lines().findFirst().orElse("");
		char delimiter = firstLine.contains(";") ? ';' : firstLine.contains("\t") ? '\t' : ',';
		int lines = 0;
		int unknownCount = 0;
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(csv.replace("\uFEFF", "")))) {
			Map<String, Integer> header = parser.getHeaderMap();
			Integer code = column(header, "CODE INSEE", "INSEE", "CODE COMMUNE", "CODE", "COG");
			Integer lat = column(header, "LATITUDE", "LAT", "Y");
			Integer lon = column(header, "LONGITUDE", "LON", "LNG", "LONG", "X");
			if (code == null || lat == null || lon == null) {
				errors.add(new Remark(1, "reference.coordinates.header", List.of(String.join(",", header.keySet()))));
				return new Parsed(Map.of(), 0, 0, 0, unknown, errors);
			}
			for (CSVRecord r : parser) {
				lines++;
				int line = (int) r.getRecordNumber() + 1;
				if (r.size() <= Math.max(code, Math.max(lat, lon))) {
					report(errors, new Remark(line, "reference.coordinates.columns", List.of()));
					continue;
				}
				String c = r.get(code).toUpperCase(Locale.ROOT);
				double[] ll;
				try {
					ll = new double[] { Double.parseDouble(r.get(lat).replace(',', '.')), Double.parseDouble(r.get(lon).replace(',', '.')) };
				}
				catch (NumberFormatException ex) {
					report(errors, new Remark(line, "reference.coordinates.number", List.of(r.get(lat), r.get(lon))));
					continue;
				}
				if (ll[0] < -90 || ll[0] > 90 || ll[1] < -180 || ll[1] > 180) {
					report(errors, new Remark(line, "reference.coordinates.range", List.of(r.get(lat), r.get(lon))));
					continue;
				}
				if (idx.byCode.containsKey(c)) {
					direct.put(c, ll);
				}
				else if (idx.byFormerCode.containsKey(c)) {
					viaFormer.putIfAbsent(idx.byFormerCode.get(c).inseeCode(), ll);
				}
				else {
					unknownCount++;
					report(unknown, new Remark(line, "reference.coordinates.unknown", List.of(c)));
				}
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			errors.add(new Remark(lines + 1, "reference.coordinates.unreadable", List.of()));
		}
		int former = 0;
		for (var e : viaFormer.entrySet()) {
			if (direct.putIfAbsent(e.getKey(), e.getValue()) == null) {
				former++;
			}
		}
		return new Parsed(direct, lines, former, unknownCount, unknown, errors);
	}

	private static void report(List<Remark> list, Remark r) {
		if (list.size() < MAX_REPORTED) {
			list.add(r);
		}
	}

	private static Integer column(Map<String, Integer> header, String... names) {
		for (String n : names) {
			for (var e : header.entrySet()) {
				String h = FrenchText.normalize(e.getKey().replace('_', ' '));
				if (h.equals(n)) {
					return e.getValue();
				}
			}
		}
		return null;
	}
}
