package fr.maillage.directory;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.platform.UploadLimits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnerships of a CPTS with structures: read by the CPTS's members only (the notes are the
 * CPTS's own), recorded by its coordinators, with the signed convention as a PDF.
 */
@Service
public class Partnerships {

	public record Form(@Nullable UUID organizationId, Partnership.@Nullable Status status, @Nullable String representative,
			@Nullable LocalDate metOn, @Nullable LocalDate signedOn, boolean governance, @Nullable String notes) {
	}

	public record Document(String name, byte[] content) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;
	private final Organizations organizations;

	Partnerships(JdbcClient jdbc, CptsAccess access, AuditLog audit, Organizations organizations) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public List<Partnership> of(UUID cptsId) {
		access.requireMember(cptsId);
		return jdbc.sql("select p.*, o.* , p.id as pid from partnership p join organization o on o.id = p.organization_id where p.cpts_id = :c order by o.name")
			.param("c", cptsId).query(this::map).list();
	}

	/** Records or updates the CPTS's partnership with a structure; a PDF convention may come with it. */
	@Transactional
	public UUID save(UUID cptsId, Form form, @Nullable Document document) {
		access.requireCoordinator(cptsId);
		Problems problems = new Problems();
		if (form.organizationId() == null) {
			problems.reject("organizationId", "directory.partnership.organization.required");
		}
		if (form.status() == null) {
			problems.reject("status", "directory.partnership.status.required");
		}
		if (form.status() == Partnership.Status.SIGNE && form.signedOn() == null) {
			problems.reject("signedOn", "directory.partnership.signedOn.required");
		}
		if (document != null) {
			if (document.content().length > UploadLimits.LIST_BYTES) {
				problems.reject("document", "error.tooLarge", UploadLimits.describe());
			}
			else if (document.content().length < 5 || !new String(document.content(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
				problems.reject("document", "directory.partnership.document.notPdf");
			}
		}
		problems.throwIfAny();
		organizations.get(form.organizationId());
		UUID id = jdbc.sql("""
				insert into partnership (id, cpts_id, organization_id, status, representative, met_on, signed_on, governance, notes)
				values (:id, :c, :o, :s, :r, :m, :sg, :g, :n)
				on conflict (cpts_id, organization_id) do update set status = excluded.status, representative = excluded.representative,
				  met_on = excluded.met_on, signed_on = excluded.signed_on, governance = excluded.governance, notes = excluded.notes,
				  updated_at = now()
				returning id""")
			.param("id", UUID.randomUUID()).param("c", cptsId).param("o", form.organizationId()).param("s", form.status().name())
			.param("r", blank(form.representative())).param("m", form.metOn()).param("sg", form.signedOn()).param("g", form.governance())
			.param("n", blank(form.notes())).query(UUID.class).single();
		if (document != null) {
			jdbc.sql("update partnership set document_name = :n, document = :d where id = :id")
				.param("n", sanitize(document.name())).param("d", document.content()).param("id", id).update();
		}
		audit.change("directory.partnership.saved", "partnership", id.toString(), cptsId, form.status().name());
		return id;
	}

	/** The signed convention, for the CPTS's members. */
	@Transactional(readOnly = true)
	public Document document(UUID cptsId, UUID partnershipId) {
		access.requireMember(cptsId);
		return jdbc.sql("select document_name, document from partnership where id = :id and cpts_id = :c and document is not null")
			.param("id", partnershipId).param("c", cptsId)
			.query((rs, i) -> new Document(rs.getString(1), rs.getBytes(2))).optional().orElseThrow(NotFoundException::new);
	}

	private Partnership map(ResultSet rs, int row) throws SQLException {
		Organization o = new Organization(rs.getObject("organization_id", UUID.class), OrganizationKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("finess"), rs.getString("siret"), rs.getString("address"), rs.getString("postcode"),
				rs.getString("commune_code"), rs.getString("commune_name"), rs.getString("phone"), rs.getString("email"),
				rs.getString("website"), rs.getString("services"), rs.getString("opening_hours"), rs.getBoolean("public_listing"));
		return new Partnership(rs.getObject("pid", UUID.class), rs.getObject("cpts_id", UUID.class), o,
				Partnership.Status.valueOf(rs.getString("status")), rs.getString("representative"), rs.getObject("met_on", LocalDate.class),
				rs.getObject("signed_on", LocalDate.class), rs.getBoolean("governance"), rs.getString("notes"), rs.getString("document_name"));
	}

	/** A file name as people send it, reduced to what is safe in a header and on any disk. */
	static String sanitize(String name) {
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		base = base.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
		return base.isEmpty() ? "convention.pdf" : (base.length() > 120 ? base.substring(base.length() - 120) : base);
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
