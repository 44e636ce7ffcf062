package fr.maillage.directory;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.reference.Commune;
import fr.maillage.shared.EmailAddress;
import fr.maillage.shared.FrenchText;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hand edits of the directory by coordinators (of any CPTS: the directory is shared) and
 * administrators: what the RPPS does not know about a professional, and professionals without a
 * national id (a social worker, a sophrologist). RPPS fields are left to the import. A professional
 * whose account is linked to their entry edits their own contact details.
 */
@Service
public class DirectoryEditing {

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;
	private final DirectorySearch search;
	private final fr.maillage.reference.CommuneListResolver resolver;
	private final AccountLinks links;

	DirectoryEditing(JdbcClient jdbc, CptsAccess access, AuditLog audit, DirectorySearch search,
			fr.maillage.reference.CommuneListResolver resolver, AccountLinks links) {
		this.resolver = resolver;
		this.links = links;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.search = search;
	}

	/** Coordinators of any CPTS and administrators edit the shared directory. */
	public boolean canEdit() {
		return access.current().map(u -> u.isAdmin() || u.roles().values().stream().anyMatch(r -> r.contains(Role.COORDINATOR))).orElse(false);
	}

	/** Editors, and the professional themself (the account linked to the entry), edit its contact details. */
	public boolean canEditContact(UUID practitionerId) {
		return canEdit() || links.isSelf(practitionerId);
	}

	private CurrentUser requireEditor() {
		CurrentUser user = access.requireUser();
		if (!canEdit()) {
			throw new AccessDeniedException("coordinators and administrators only");
		}
		return user;
	}

	@Transactional(readOnly = true)
	public Practitioner get(UUID id) {
		return search.byId(id).orElseThrow(NotFoundException::new);
	}

	@Transactional
	public void updateContact(UUID id, PractitionerForm form) {
		access.requireUser();
		get(id);
		if (!canEditContact(id)) {
			throw new AccessDeniedException("coordinators, administrators and the professional only");
		}
		Problems problems = new Problems();
		String mssante = blankToNull(form.mssante());
		if (mssante != null && !EmailAddress.isPlausible(mssante)) {
			problems.reject("mssante", "directory.edit.mssante.invalid");
		}
		problems.throwIfAny();
		jdbc.sql("""
				update practitioner set mssante = :m, phone = :p, languages = :l, takes_new_patients = :t, updated_at = now() where id = :id""")
			.param("m", mssante).param("p", blankToNull(form.phone())).param("l", languages(form.languages()))
			.param("t", yesNo(form.takesNewPatients())).param("id", id).update();
		audit.change("directory.practitioner.updated", "practitioner", id.toString(), null, null);
	}

	/** A professional entered by hand, with one practice site; a national id is optional. */
	@Transactional
	public UUID create(PractitionerForm form) {
		requireEditor();
		Problems problems = new Problems();
		String lastName = blankToNull(form.lastName());
		if (lastName == null) {
			problems.reject("lastName", "directory.edit.lastName.required");
		}
		String profession = blankToNull(form.professionLabel());
		if (profession == null) {
			problems.reject("professionLabel", "directory.edit.profession.required");
		}
		Commune commune = null;
		String code = blankToNull(form.communeCode());
		if (code == null) {
			problems.reject("communeCode", "directory.edit.commune.required");
		}
		else {
			// a name typed rather than picked is taken only when it resolves to one commune
			String typed = code;
			commune = resolver.resolveOne(typed).orElse(null);
			if (commune == null) {
				problems.reject("communeCode", "territory.unknownCode", code);
			}
		}
		String nationalId = blankToNull(form.nationalId());
		if (nationalId != null) {
			nationalId = nationalId.replaceAll("\\s", "");
			if (nationalId.matches("\\d{11}")) {
				nationalId = "8" + nationalId;
			}
			if (!nationalId.matches("8\\d{11}|0\\w{9}")) {
				problems.reject("nationalId", "directory.edit.nationalId.format");
			}
			else if (jdbc.sql("select exists (select 1 from practitioner where national_id = :n)").param("n", nationalId).query(Boolean.class).single()) {
				problems.reject("nationalId", "directory.edit.nationalId.taken", nationalId);
			}
		}
		String mssante = blankToNull(form.mssante());
		if (mssante != null && !EmailAddress.isPlausible(mssante)) {
			problems.reject("mssante", "directory.edit.mssante.invalid");
		}
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		String firstName = blankToNull(form.firstName());
		jdbc.sql("""
				insert into practitioner (id, national_id, id_kind, last_name, first_name, profession_label, mssante, phone, languages,
				  takes_new_patients, source, search_text)
				values (:id, :nid, :kind, :last, :first, :prof, :m, :p, :l, :t, 'MANUAL', :search)""")
			.param("id", id).param("nid", nationalId).param("kind", nationalId == null ? null : nationalId.startsWith("8") ? "RPPS" : "ADELI")
			.param("last", lastName).param("first", firstName).param("prof", profession).param("m", mssante)
			.param("p", blankToNull(form.phone())).param("l", languages(form.languages())).param("t", yesNo(form.takesNewPatients()))
			.param("search", FrenchText.normalize(lastName + " " + (firstName == null ? "" : firstName) + " " + profession).toLowerCase(Locale.ROOT))
			.update();
		jdbc.sql("""
				insert into practitioner_activity (id, practitioner_id, activity_key, address, postcode, commune_code, commune_name, phone,
				  content_hash, source)
				values (:a, :id, :key, :address, :postcode, :code, :name, :phone, '', 'MANUAL')""")
			.param("a", UUID.randomUUID()).param("id", id).param("key", "MANUAL|" + id).param("address", blankToNull(form.address()))
			.param("postcode", commune.postcodes().isEmpty() ? null : commune.postcodes().getFirst()).param("code", commune.inseeCode())
			.param("name", commune.name()).param("phone", blankToNull(form.phone())).update();
		audit.change("directory.practitioner.created", "practitioner", id.toString(), null, lastName + " " + profession);
		return id;
	}

	private static String[] languages(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return new String[0];
		}
		return Arrays.stream(text.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toArray(String[]::new);
	}

	private static @Nullable Boolean yesNo(@Nullable String value) {
		return value == null || value.isBlank() ? null : switch (value) {
			case "true", "oui" -> Boolean.TRUE;
			case "false", "non" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static List<String> languagesOf(String[] array) {
		return List.of(array);
	}
}
