package fr.maillage.reference.internal;

import fr.maillage.reference.internal.ReferenceTables.CommuneRow;
import fr.maillage.reference.internal.ReferenceTables.DepartementRow;
import fr.maillage.reference.internal.ReferenceTables.EpciRow;
import fr.maillage.reference.internal.ReferenceTables.FormerNameRow;
import fr.maillage.reference.internal.ReferenceTables.RegionRow;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the compact tables shipped in {@code reference/*.csv.gz}, derived from
 * {@code @etalab/decoupage-administratif} by {@code tools/reference/compact.py}.
 */
final class BundledReferenceReader {

	static final String SOURCE = "@etalab/decoupage-administratif 6.0.0 (tables intégrées)";

	private BundledReferenceReader() {
	}

	static ReferenceTables read() {
		List<CommuneRow> communes = new ArrayList<>();
		List<FormerNameRow> formerNames = new ArrayList<>();
		for (CSVRecord r : records("communes")) {
			String kind = r.get("kind");
			if ("commune-actuelle".equals(kind)) {
				communes.add(new CommuneRow(r.get("code"), r.get("name"), r.get("departement"), r.get("region"),
						r.get("epci").isEmpty() ? null : r.get("epci"),
						r.get("population").isEmpty() ? 0 : Integer.parseInt(r.get("population")),
						words(r.get("postcodes")), words(r.get("former_codes"))));
			}
			else if (!r.get("chef_lieu").isEmpty()) {
				formerNames.add(new FormerNameRow(r.get("code"), r.get("name"), kind, r.get("chef_lieu")));
			}
		}
		return new ReferenceTables(
				map("regions", r -> new RegionRow(r.get("code"), r.get("name"))),
				map("departements", r -> new DepartementRow(r.get("code"), r.get("name"), r.get("region"))),
				map("epci", r -> new EpciRow(r.get("code"), r.get("name"), r.get("kind"), Integer.parseInt(r.get("population")))),
				communes, formerNames);
	}

	private static List<String> words(String s) {
		return s.isBlank() ? List.of() : Arrays.asList(s.split(" "));
	}

	private static <T> List<T> map(String table, Function<CSVRecord, T> f) {
		return records(table).stream().map(f).toList();
	}

	private static List<CSVRecord> records(String table) {
		var resource = new ClassPathResource("reference/" + table + ".csv.gz");
		try (Reader in = new InputStreamReader(new GZIPInputStream(resource.getInputStream()), StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("reference table " + table + " unreadable", ex);
		}
	}
}
