package fr.maillage.reference.internal;

import fr.maillage.reference.ReferenceUpdate.Files;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Previewed reference packages waiting for their confirmation, in the database so that any node
 * can confirm them; a package not confirmed within a day is forgotten.
 */
@Repository
class PendingPackages {

	private final JdbcClient jdbc;

	PendingPackages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID keep(Files files) {
		jdbc.sql("delete from reference_pending where created_at < now() - interval '1 day'").update();
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into reference_pending (id, communes, epci, departements, regions) values (:id, :c, :e, :d, :r)")
			.param("id", id).param("c", files.communes()).param("e", files.epci()).param("d", files.departements()).param("r", files.regions())
			.update();
		return id;
	}

	/** The package kept under this id, removed as it is read: a second confirmation finds nothing. */
	Optional<Files> take(UUID id) {
		return jdbc.sql("""
				delete from reference_pending where id = :id and created_at >= now() - interval '1 day'
				returning communes, epci, departements, regions""")
			.param("id", id)
			.query((rs, n) -> new Files(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4)))
			.optional();
	}
}
