package fr.maillage.reference.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes the reference tables in one transaction, keeping imported commune coordinates. */
@Component
class ReferenceStore {

	private final JdbcClient jdbc;
	private final DataSource dataSource;

	ReferenceStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	boolean isEmpty() {
		return jdbc.sql("select count(*) from commune").query(Long.class).single() == 0;
	}

	@Transactional
	void replace(ReferenceTables t, String source) {
		jdbc.sql("delete from region").update();
		jdbc.sql("delete from departement").update();
		jdbc.sql("delete from epci").update();
		jdbc.sql("delete from commune_former_name").update();
		jdbc.sql("create temporary table commune_load (like commune including defaults) on commit drop").update();
		copy("region (code, name)", t.regions().stream().map(r -> csv(r.code(), r.name())));
		copy("departement (code, name, region_code)",
				t.departements().stream().map(d -> csv(d.code(), d.name(), d.regionCode())));
		copy("epci (siren, name, kind, population)",
				t.epcis().stream().map(e -> csv(e.siren(), e.name(), e.kind(), String.valueOf(e.population()))));
		copy("commune_former_name (insee_code, name, kind, current_code)",
				t.formerNames().stream().distinct().map(f -> csv(f.code(), f.name(), f.kind(), f.currentCode())));
		copy("commune_load (insee_code, name, departement_code, region_code, epci_siren, population, postcodes, former_codes)",
				t.communes().stream().map(c -> csv(c.code(), c.name(), c.departementCode(), c.regionCode(),
						c.epciSiren() == null ? "" : c.epciSiren(), String.valueOf(c.population()),
						array(c.postcodes()), array(c.formerCodes()))));
		jdbc.sql("""
				insert into commune (insee_code, name, departement_code, region_code, epci_siren, population, postcodes, former_codes)
				select insee_code, name, departement_code, region_code, nullif(epci_siren, ''), population, postcodes, former_codes
				from commune_load
				on conflict (insee_code) do update set name = excluded.name, departement_code = excluded.departement_code,
				  region_code = excluded.region_code, epci_siren = excluded.epci_siren, population = excluded.population,
				  postcodes = excluded.postcodes, former_codes = excluded.former_codes
				""").update();
		jdbc.sql("delete from commune where insee_code not in (select insee_code from commune_load)").update();
		jdbc.sql("""
				insert into reference_dataset (name, source, loaded_at, row_count) values ('communes', :source, :at, :count)
				on conflict (name) do update set source = excluded.source, loaded_at = excluded.loaded_at, row_count = excluded.row_count
				""").param("source", source).param("at", java.sql.Timestamp.from(Instant.now()))
			.param("count", t.communes().size()).update();
	}

	private void copy(String target, java.util.stream.Stream<String> lines) {
		String body = lines.collect(Collectors.joining());
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy " + target + " from stdin with (format csv)", new java.io.StringReader(body));
		}
		catch (SQLException | java.io.IOException ex) {
			throw new IllegalStateException("copy into " + target + " failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static String array(List<String> values) {
		return "{" + String.join(",", values) + "}";
	}

	private static String csv(String... cells) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				sb.append(',');
			}
			String c = cells[i];
			if (!c.isEmpty()) {
				sb.append('"').append(c.replace("\"", "\"\"")).append('"');
			}
		}
		return sb.append('\n').toString();
	}
}
