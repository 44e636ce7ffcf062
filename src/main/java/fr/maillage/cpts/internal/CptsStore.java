package fr.maillage.cpts.internal;

import fr.maillage.cpts.Cpts;
import fr.maillage.cpts.LegalForm;
import fr.maillage.cpts.TerritoryEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the cpts and cpts_commune tables. */
@Repository
public class CptsStore {

	private final JdbcClient jdbc;

	CptsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Cpts c) {
		jdbc.sql("""
				insert into cpts (id, name, legal_form, siret, address, email, phone, slug)
				values (:id, :name, :form, :siret, :address, :email, :phone, :slug)""")
			.param("id", c.id()).param("name", c.name()).param("form", c.legalForm().name()).param("siret", c.siret())
			.param("address", c.address()).param("email", c.email()).param("phone", c.phone()).param("slug", c.slug())
			.update();
	}

	public boolean slugTaken(String slug) {
		return jdbc.sql("select exists (select 1 from cpts where slug = :s)").param("s", slug).query(Boolean.class).single();
	}

	public Optional<Cpts> find(UUID id) {
		return jdbc.sql("select * from cpts where id = :id").param("id", id).query(CptsStore::map).optional();
	}

	public Optional<Cpts> findBySlug(String slug) {
		return jdbc.sql("select * from cpts where slug = :s").param("s", slug).query(CptsStore::map).optional();
	}

	public List<Cpts> findAll(Optional<Collection<UUID>> only) {
		if (only.isPresent()) {
			if (only.get().isEmpty()) {
				return List.of();
			}
			return jdbc.sql("select * from cpts where id = any(:ids) order by name").param("ids", only.get().toArray(UUID[]::new))
				.query(CptsStore::map).list();
		}
		return jdbc.sql("select * from cpts order by name").query(CptsStore::map).list();
	}

	public List<TerritoryEntry> territory(UUID id) {
		return jdbc.sql("select insee_code, qpv, zip, zac, zone_note from cpts_commune where cpts_id = :id order by insee_code")
			.param("id", id)
			.query((rs, i) -> new TerritoryEntry(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getString(5)))
			.list();
	}

	/** Replaces the territory as a whole; the caller's transaction makes it all or nothing. */
	public void replaceTerritory(UUID id, List<TerritoryEntry> entries) {
		jdbc.sql("select id from cpts where id = :id for update").param("id", id).query().listOfRows();
		jdbc.sql("delete from cpts_commune where cpts_id = :id").param("id", id).update();
		for (TerritoryEntry e : entries) {
			jdbc.sql("insert into cpts_commune (cpts_id, insee_code, qpv, zip, zac, zone_note) values (:id, :code, :qpv, :zip, :zac, :note)")
				.param("id", id).param("code", e.inseeCode()).param("qpv", e.qpv()).param("zip", e.zip()).param("zac", e.zac())
				.param("note", e.zoneNote()).update();
		}
		jdbc.sql("update cpts set version = version + 1 where id = :id").param("id", id).update();
	}

	public void setFiness(UUID id, @org.jspecify.annotations.Nullable String finess) {
		jdbc.sql("update cpts set finess = :f where id = :id").param("f", finess).param("id", id).update();
	}

	private static Cpts map(ResultSet rs, int row) throws SQLException {
		return new Cpts(rs.getObject("id", UUID.class), rs.getString("name"), LegalForm.valueOf(rs.getString("legal_form")),
				rs.getString("siret"), rs.getString("address"), rs.getString("email"), rs.getString("phone"),
				rs.getString("slug"), rs.getTimestamp("created_at").toInstant(), rs.getString("finess"));
	}
}
