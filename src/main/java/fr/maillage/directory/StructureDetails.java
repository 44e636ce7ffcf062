package fr.maillage.directory;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneListResolver;
import fr.maillage.shared.EmailAddress;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A structure's other sites and its contacts: read by signed-in users, kept by the structure's
 * editors (coordinators, administrators, the people who act for it). Contacts never reach the
 * public page.
 */
@Service
public class StructureDetails {

	public record Site(UUID id, String name, @Nullable String address, @Nullable String postcode, @Nullable String communeCode,
			@Nullable String communeName, @Nullable String phone, @Nullable String openingHours) {
	}

	public record Contact(UUID id, String name, @Nullable String function, @Nullable String phone, @Nullable String email,
			@Nullable String availability) {
	}

	/** Flashed back to the page when refused: the session (in the database) stores it serialized. */
	public record SiteForm(@Nullable String name, @Nullable String address, @Nullable String commune, @Nullable String phone,
			@Nullable String openingHours) implements java.io.Serializable {
		public static SiteForm empty() {
			return new SiteForm(null, null, null, null, null);
		}
	}

	public record ContactForm(@Nullable String name, @Nullable String function, @Nullable String phone, @Nullable String email,
			@Nullable String availability) implements java.io.Serializable {
		public static ContactForm empty() {
			return new ContactForm(null, null, null, null, null);
		}
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;
	private final Organizations organizations;
	private final CommuneListResolver resolver;

	StructureDetails(JdbcClient jdbc, CptsAccess access, AuditLog audit, Organizations organizations,
			CommuneListResolver resolver) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.organizations = organizations;
		this.resolver = resolver;
	}

	@Transactional(readOnly = true)
	public List<Site> sites(UUID organizationId) {
		access.requireUser();
		return jdbc.sql("select * from organization_site where organization_id = :o order by name, id").param("o", organizationId)
			.query((rs, i) -> new Site(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("address"), rs.getString("postcode"),
					rs.getString("commune_code"), rs.getString("commune_name"), rs.getString("phone"), rs.getString("opening_hours")))
			.list();
	}

	@Transactional(readOnly = true)
	public List<Contact> contacts(UUID organizationId) {
		access.requireUser();
		return jdbc.sql("select * from organization_contact where organization_id = :o order by name, id").param("o", organizationId)
			.query((rs, i) -> new Contact(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("function"), rs.getString("phone"),
					rs.getString("email"), rs.getString("availability")))
			.list();
	}

	@Transactional
	public UUID addSite(UUID organizationId, SiteForm form) {
		requireEditor(organizationId);
		Problems problems = new Problems();
		String name = blank(form.name());
		if (name == null) {
			problems.reject("site.name", "directory.site.name.required");
		}
		Commune commune = null;
		String typed = blank(form.commune());
		if (typed == null) {
			problems.reject("site.commune", "directory.edit.commune.required");
		}
		else {
			commune = resolver.resolveOne(typed).orElse(null);
			if (commune == null) {
				problems.reject("site.commune", "directory.organization.commune.unknown", typed);
			}
		}
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into organization_site (id, organization_id, name, address, postcode, commune_code, commune_name, phone, opening_hours)
				values (:id, :o, :n, :a, :pc, :cc, :cn, :p, :h)""")
			.param("id", id).param("o", organizationId).param("n", name).param("a", blank(form.address()))
			.param("pc", commune.postcodes().isEmpty() ? null : commune.postcodes().getFirst()).param("cc", commune.inseeCode())
			.param("cn", commune.name()).param("p", blank(form.phone())).param("h", blank(form.openingHours())).update();
		audit.change("directory.organization.site.added", "organization", organizationId.toString(), null, name);
		return id;
	}

	@Transactional
	public UUID addContact(UUID organizationId, ContactForm form) {
		requireEditor(organizationId);
		Problems problems = new Problems();
		String name = blank(form.name());
		if (name == null) {
			problems.reject("contact.name", "directory.contact.name.required");
		}
		String email = blank(form.email());
		if (email != null && !EmailAddress.isPlausible(email)) {
			problems.reject("contact.email", "cpts.email.invalid");
		}
		if (blank(form.phone()) == null && email == null) {
			problems.reject("contact.phone", "directory.contact.reach.required");
		}
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into organization_contact (id, organization_id, name, function, phone, email, availability)
				values (:id, :o, :n, :f, :p, :e, :a)""")
			.param("id", id).param("o", organizationId).param("n", name).param("f", blank(form.function())).param("p", blank(form.phone()))
			.param("e", email).param("a", blank(form.availability())).update();
		audit.change("directory.organization.contact.added", "organization", organizationId.toString(), null, name);
		return id;
	}

	@Transactional
	public void removeSite(UUID organizationId, UUID siteId) {
		requireEditor(organizationId);
		if (jdbc.sql("delete from organization_site where id = :id and organization_id = :o").param("id", siteId).param("o", organizationId).update() == 0) {
			throw new NotFoundException();
		}
		audit.change("directory.organization.site.removed", "organization", organizationId.toString(), null, siteId.toString());
	}

	@Transactional
	public void removeContact(UUID organizationId, UUID contactId) {
		requireEditor(organizationId);
		if (jdbc.sql("delete from organization_contact where id = :id and organization_id = :o").param("id", contactId).param("o", organizationId)
			.update() == 0) {
			throw new NotFoundException();
		}
		audit.change("directory.organization.contact.removed", "organization", organizationId.toString(), null, contactId.toString());
	}

	private void requireEditor(UUID organizationId) {
		organizations.get(organizationId);
		if (!organizations.canEdit(organizationId)) {
			throw new AccessDeniedException("the structure's editors only");
		}
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
