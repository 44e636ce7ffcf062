package fr.maillage.directory;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneListResolver;
import fr.maillage.shared.EmailAddress;
import fr.maillage.shared.Finess;
import fr.maillage.shared.FrenchText;
import fr.maillage.shared.Siret;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Structures of the directory: searched by every signed-in user, entered and edited by coordinators
 * and administrators, and edited by the people who act for them.
 */
@Service
public class Organizations {

	public record Page(List<Organization> items, long total, int page, int size) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;
	private final CommuneListResolver resolver;
	private final DirectoryEditing editing;
	private final AccountLinks links;

	Organizations(JdbcClient jdbc, CptsAccess access, AuditLog audit, CommuneListResolver resolver,
			DirectoryEditing editing, AccountLinks links) {
		this.links = links;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.resolver = resolver;
		this.editing = editing;
	}

	@Transactional(readOnly = true)
	public Page search(@Nullable String q, @Nullable String kind, @Nullable String commune, int page, int size) {
		access.requireUser();
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		String compact = q == null ? "" : q.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
		if (compact.matches("1?\\d[0-9AB]\\d{7}")) {
			// a FINESS, bare or as a national structure id ("1" + FINESS)
			where.add("finess = :finess");
			params.put("finess", compact.length() == 10 ? compact.substring(1) : compact);
		}
		else if (compact.matches("\\d{14}")) {
			where.add("siret = :siret");
			params.put("siret", compact);
		}
		else if (q != null && !q.isBlank()) {
			int i = 0;
			for (String word : FrenchText.normalize(q).toLowerCase(Locale.ROOT).split(" ")) {
				where.add("search_text like :w" + i);
				params.put("w" + i++, "%" + word + "%");
			}
		}
		if (kind != null && !kind.isBlank()) {
			where.add("kind = :kind");
			params.put("kind", kind.strip().toUpperCase(Locale.ROOT));
		}
		if (commune != null && !commune.isBlank()) {
			where.add("(commune_code = :commune or exists (select 1 from organization_site s where s.organization_id = organization.id and s.commune_code = :commune))");
			params.put("commune", commune.strip());
		}
		String condition = where.isEmpty() ? "true" : String.join(" and ", where);
		int s = Math.clamp(size, 1, 200);
		int p = Math.max(0, page);
		var count = jdbc.sql("select count(*) from organization where " + condition);
		var select = jdbc.sql("select * from organization where " + condition + " order by name, id limit :limit offset :offset");
		for (var e : params.entrySet()) {
			count = count.param(e.getKey(), e.getValue());
			select = select.param(e.getKey(), e.getValue());
		}
		return new Page(select.param("limit", s).param("offset", (long) p * s).query(Organizations::map).list(),
				count.query(Long.class).single(), p, s);
	}

	@Transactional(readOnly = true)
	public Organization get(UUID id) {
		return find(id).orElseThrow(NotFoundException::new);
	}

	@Transactional(readOnly = true)
	public java.util.Optional<Organization> find(UUID id) {
		access.requireUser();
		return jdbc.sql("select * from organization where id = :id").param("id", id).query(Organizations::map).optional();
	}

	/** The structures a CPTS shows on its public page: public ones in its communes. Anyone may read them. */
	@Transactional(readOnly = true)
	public List<Organization> publicIn(java.util.Collection<String> communeCodes) {
		if (communeCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from organization where public_listing and commune_code = any(:c) order by kind, name")
			.param("c", communeCodes.toArray(String[]::new)).query(Organizations::map).list();
	}

	/** The structures of a kind located in these communes, by name (the pharmacies of a sector, say). */
	@Transactional(readOnly = true)
	public List<Organization> ofKindIn(OrganizationKind kind, java.util.Collection<String> communeCodes) {
		access.requireUser();
		if (communeCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from organization where kind = :k and commune_code = any(:c) order by name, id limit 5000")
			.param("k", kind.name()).param("c", communeCodes.toArray(String[]::new)).query(Organizations::map).list();
	}

	@Transactional
	public UUID create(OrganizationForm form) {
		requireEditor();
		Checked c = check(form, null);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into organization (id, kind, name, finess, siret, address, postcode, commune_code, commune_name, phone, email, website,
				  services, opening_hours, public_listing, search_text)
				values (:id, :kind, :name, :finess, :siret, :address, :postcode, :code, :cname, :phone, :email, :website, :services, :hours,
				  :public, :search)""")
			.param("id", id).params(c.params()).update();
		audit.change("directory.organization.created", "organization", id.toString(), null, c.params().get("name").toString());
		return id;
	}

	@Transactional
	public void update(UUID id, OrganizationForm form) {
		access.requireUser();
		get(id);
		if (!canEdit(id)) {
			throw new AccessDeniedException("coordinators, administrators and the structure's staff only");
		}
		Checked c = check(form, id);
		jdbc.sql("""
				update organization set kind = :kind, name = :name, finess = :finess, siret = :siret, address = :address, postcode = :postcode,
				  commune_code = :code, commune_name = :cname, phone = :phone, email = :email, website = :website, services = :services,
				  opening_hours = :hours, public_listing = :public, search_text = :search, updated_at = now() where id = :id""")
			.param("id", id).params(c.params()).update();
		audit.change("directory.organization.updated", "organization", id.toString(), null, c.params().get("name").toString());
	}

	public boolean canEdit() {
		return editing.canEdit();
	}

	/** Editors, and the people who act for the structure (its staff), edit it. */
	public boolean canEdit(UUID id) {
		return editing.canEdit() || links.isStaff(id);
	}

	private void requireEditor() {
		access.requireUser();
		if (!editing.canEdit()) {
			throw new AccessDeniedException("coordinators and administrators only");
		}
	}

	private record Checked(Map<String, Object> params) {
	}

	private Checked check(OrganizationForm form, @Nullable UUID self) {
		Problems problems = new Problems();
		OrganizationKind kind = null;
		try {
			kind = OrganizationKind.valueOf(blank(form.kind()) == null ? "" : form.kind().strip());
		}
		catch (IllegalArgumentException ex) {
			problems.reject("kind", "directory.organization.kind.invalid");
		}
		String name = blank(form.name());
		if (name == null) {
			problems.reject("name", "directory.organization.name.required");
		}
		String finess = blank(form.finess()) == null ? null : Finess.clean(form.finess());
		if (finess != null) {
			if (!Finess.hasValidForm(finess)) {
				problems.reject("finess", "directory.organization.finess.format");
			}
			else if (!Finess.hasValidKey(finess)) {
				problems.reject("finess", "directory.organization.finess.key");
			}
			else if (jdbc.sql("select exists (select 1 from organization where finess = :f and id is distinct from :id)")
				.param("f", finess).param("id", self).query(Boolean.class).single()) {
				problems.reject("finess", "directory.organization.finess.taken", finess);
			}
		}
		String siret = blank(form.siret()) == null ? null : Siret.clean(form.siret());
		if (siret != null) {
			Siret.check(siret).ifPresent(p -> problems.reject("siret", p == Siret.Problem.WRONG_KEY ? "cpts.siret.key" : "cpts.siret.format"));
		}
		Commune commune = null;
		String typed = blank(form.commune());
		if (typed != null) {
			commune = resolver.resolveOne(typed).orElse(null);
			if (commune == null) {
				problems.reject("commune", "directory.organization.commune.unknown", typed);
			}
		}
		String email = blank(form.email());
		if (email != null && !EmailAddress.isPlausible(email)) {
			problems.reject("email", "cpts.email.invalid");
		}
		if (!problems.any() && finess == null && name != null
				&& jdbc.sql("""
						select exists (select 1 from organization where kind = :k and commune_code is not distinct from :c
						  and lower(unaccent(name)) = lower(unaccent(:n)) and id is distinct from :id)""")
					.param("k", kind.name()).param("c", commune == null ? null : commune.inseeCode()).param("n", name).param("id", self)
					.query(Boolean.class).single()) {
			// without a FINESS to tell them apart, the same name in the same commune is the same structure entered twice
			problems.reject("name", "directory.organization.duplicate", name);
		}
		problems.throwIfAny();
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("kind", kind.name());
		p.put("name", name);
		p.put("finess", finess);
		p.put("siret", siret);
		p.put("address", blank(form.address()));
		p.put("postcode", commune == null || commune.postcodes().isEmpty() ? null : commune.postcodes().getFirst());
		p.put("code", commune == null ? null : commune.inseeCode());
		p.put("cname", commune == null ? null : commune.name());
		p.put("phone", blank(form.phone()));
		p.put("email", email);
		p.put("website", blank(form.website()));
		p.put("services", blank(form.services()));
		p.put("hours", blank(form.openingHours()));
		p.put("public", Boolean.TRUE.equals(form.publicListing()));
		p.put("search", FrenchText.normalize(name + " " + (commune == null ? "" : commune.name()) + " " + kind.name().replace('_', ' '))
			.toLowerCase(Locale.ROOT));
		return new Checked(p);
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static Organization map(ResultSet rs, int row) throws SQLException {
		return new Organization(rs.getObject("id", UUID.class), OrganizationKind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getString("finess"), rs.getString("siret"), rs.getString("address"), rs.getString("postcode"), rs.getString("commune_code"),
				rs.getString("commune_name"), rs.getString("phone"), rs.getString("email"), rs.getString("website"), rs.getString("services"),
				rs.getString("opening_hours"), rs.getBoolean("public_listing"));
	}
}
