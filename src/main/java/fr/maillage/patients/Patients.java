package fr.maillage.patients;

import fr.maillage.audit.AuditLog;
import fr.maillage.platform.NotFoundException;
import fr.maillage.platform.Problems;
import fr.maillage.reference.CommuneDirectory;
import fr.maillage.shared.EmailAddress;
import fr.maillage.shared.FrenchText;
import fr.maillage.shared.InseeCode;
import fr.maillage.shared.Nir;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads patients. Callers have already decided that the person acting may do so (a
 * coordinator, the GP a request was proposed to, a member of a care circle); this service checks
 * what was typed and writes every read and write to the audit log.
 */
@Service
public class Patients {

	public static final String SUBJECT = "patient";
	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	private static final int OLDEST_AGE = 130;

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final CommuneDirectory communes;
	private final Clock clock = Clock.systemUTC();

	private final List<PatientRecords> records;

	Patients(JdbcClient jdbc, AuditLog audit, CommuneDirectory communes, List<PatientRecords> records) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.communes = communes;
		this.records = records;
	}

	/** Trimmed, birth name in capitals, NIR without separators, empty strings as absent. */
	public static Identity normalise(Identity i) {
		return new Identity(upper(i.birthName()), blankToNull(i.firstNames()), upper(i.usedName()), i.birthDate(),
				i.sex() == null || i.sex().isBlank() ? null : i.sex().strip().toUpperCase(Locale.ROOT),
				i.birthplaceCode() == null || i.birthplaceCode().isBlank() ? null : i.birthplaceCode().strip().toUpperCase(Locale.ROOT),
				i.nir() == null || i.nir().isBlank() ? null : Nir.clean(i.nir()));
	}

	public static Contact normalise(Contact c) {
		return new Contact(blankToNull(c.email()), blankToNull(c.phone()), blankToNull(c.address()), blankToNull(c.communeCode()));
	}

	/**
	 * What is wrong with an identity and a contact, as message keys by field ({@code birthName},
	 * {@code firstNames}, {@code birthDate}, {@code sex}, {@code birthplaceCode}, {@code nir},
	 * {@code email}, {@code phone}, {@code communeCode}); give them normalised.
	 */
	public Problems check(Identity i, Contact c) {
		Problems problems = new Problems();
		if (i.birthName() == null) {
			problems.reject("birthName", "patients.birthName.required");
		} else if (i.birthName().length() > 100) {
			problems.reject("birthName", "patients.tooLong", 100);
		}
		if (i.firstNames() == null) {
			problems.reject("firstNames", "patients.firstNames.required");
		} else if (i.firstNames().length() > 200) {
			problems.reject("firstNames", "patients.tooLong", 200);
		}
		LocalDate today = LocalDate.now(clock.withZone(PARIS));
		if (i.birthDate() == null) {
			problems.reject("birthDate", "patients.birthDate.required");
		} else if (i.birthDate().isAfter(today)) {
			problems.reject("birthDate", "patients.birthDate.future");
		} else if (i.birthDate().isBefore(today.minusYears(OLDEST_AGE))) {
			problems.reject("birthDate", "patients.birthDate.tooOld", OLDEST_AGE);
		}
		if (i.sex() == null || !List.of("F", "M", "I").contains(i.sex())) {
			problems.reject("sex", "patients.sex.required");
		}
		if (i.birthplaceCode() != null && !InseeCode.looksLikeOne(i.birthplaceCode())) {
			problems.reject("birthplaceCode", "patients.birthplace.invalid");
		}
		if (i.nir() != null) {
			if (!Nir.hasValidForm(i.nir())) {
				problems.reject("nir", "patients.nir.form");
			} else if (!Nir.hasValidKey(i.nir())) {
				problems.reject("nir", "patients.nir.key");
			} else if (i.birthDate() != null && i.sex() != null && !Nir.agreesWith(i.nir(), i.birthDate(), i.sex())) {
				problems.reject("nir", "patients.nir.disagrees");
			}
		}
		if (c.email() != null && !EmailAddress.isPlausible(c.email())) {
			problems.reject("email", "patients.email.invalid");
		}
		if (c.phone() != null && !c.phone().matches("\\+?[0-9 .()\\-]{6,30}")) {
			problems.reject("phone", "patients.phone.invalid");
		}
		if (c.address() != null && c.address().length() > 300) {
			problems.reject("address", "patients.tooLong", 300);
		}
		if (c.communeCode() == null) {
			problems.reject("communeCode", "patients.commune.required");
		} else if (communes.find(c.communeCode()).isEmpty()) {
			problems.reject("communeCode", "patients.commune.unknown", c.communeCode());
		}
		return problems;
	}

	/**
	 * The patients of the CPTS who may be the same person: the same NIR, or the same birth date,
	 * birth name and first first name (case, accents and punctuation ignored). Answers ids only;
	 * the caller decides what the person acting may see of them.
	 */
	@Transactional(readOnly = true)
	public List<UUID> sameIdentity(UUID cptsId, Identity identity) {
		Identity i = normalise(identity);
		if (i.birthDate() == null || i.birthName() == null || i.firstNames() == null) {
			return List.of();
		}
		return jdbc.sql("""
				select id from patient where cpts_id = :c and ((birth_date = :d and identity_key = :k) or (:nir::text is not null and nir = :nir))
				order by created_at, id""")
			.param("c", cptsId).param("d", i.birthDate()).param("k", identityKey(i)).param("nir", i.nir())
			.query(UUID.class).list();
	}

	/** Records a patient with their consent; throws {@link Problems.RejectedException} on bad input. */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID register(UUID cptsId, Identity identity, Contact contact, Consent consent) {
		Identity i = normalise(identity);
		Contact c = normalise(contact);
		check(i, c).throwIfAny();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into patient (id, cpts_id, birth_name, first_names, used_name, birth_date, sex, birthplace_code, nir, email, phone,
				  address, commune_code, identity_key, created_by)
				values (:id, :c, :bn, :fn, :un, :bd, :sex, :bp, :nir, :email, :phone, :address, :commune, :key, :by)""")
			.param("id", id).param("c", cptsId).param("bn", i.birthName()).param("fn", i.firstNames()).param("un", i.usedName())
			.param("bd", i.birthDate()).param("sex", i.sex()).param("bp", i.birthplaceCode()).param("nir", i.nir())
			.param("email", c.email()).param("phone", c.phone()).param("address", c.address()).param("commune", c.communeCode())
			.param("key", identityKey(i)).param("by", consent.recordedBy()).update();
		jdbc.sql("insert into patient_consent (id, patient_id, purpose, given_at, how, recorded_by) values (:id, :p, :purpose, :at, :how, :by)")
			.param("id", UUID.randomUUID()).param("p", id).param("purpose", consent.purpose())
			.param("at", Timestamp.from(consent.givenAt())).param("how", consent.how().name()).param("by", consent.recordedBy()).update();
		audit.change("patient.create", SUBJECT, id.toString(), cptsId, "consent: " + consent.purpose() + " (" + consent.how() + ")");
		return id;
	}

	/** Records one more consent of a known patient (a new purpose: a pathway, say). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordConsent(UUID patientId, Consent consent) {
		UUID cptsId = jdbc.sql("select cpts_id from patient where id = :id").param("id", patientId).query(UUID.class).optional()
			.orElseThrow(NotFoundException::new);
		jdbc.sql("insert into patient_consent (id, patient_id, purpose, given_at, how, recorded_by) values (:id, :p, :purpose, :at, :how, :by)")
			.param("id", UUID.randomUUID()).param("p", patientId).param("purpose", consent.purpose())
			.param("at", Timestamp.from(consent.givenAt())).param("how", consent.how().name()).param("by", consent.recordedBy()).update();
		audit.change("patient.consent", SUBJECT, patientId.toString(), cptsId, consent.purpose() + " (" + consent.how() + ")");
	}

	/** Corrects identity traits or contact; audited with the fields changed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void update(UUID id, Identity identity, Contact contact) {
		Identity i = normalise(identity);
		Contact c = normalise(contact);
		check(i, c).throwIfAny();
		Patient before = load(List.of(id)).get(id);
		if (before == null) {
			throw new NotFoundException();
		}
		if (before.erased()) {
			throw Problems.rejected("birthName", "patients.erase.already");
		}
		jdbc.sql("""
				update patient set birth_name = :bn, first_names = :fn, used_name = :un, birth_date = :bd, sex = :sex, birthplace_code = :bp,
				  nir = :nir, email = :email, phone = :phone, address = :address, commune_code = :commune, identity_key = :key where id = :id""")
			.param("id", id).param("bn", i.birthName()).param("fn", i.firstNames()).param("un", i.usedName())
			.param("bd", i.birthDate()).param("sex", i.sex()).param("bp", i.birthplaceCode()).param("nir", i.nir())
			.param("email", c.email()).param("phone", c.phone()).param("address", c.address()).param("commune", c.communeCode())
			.param("key", identityKey(i)).update();
		audit.change("patient.update", SUBJECT, id.toString(), before.cptsId(), null);
	}

	/** One patient, the read audited with its purpose. */
	public Patient get(UUID id, String purpose) {
		Patient patient = load(List.of(id)).get(id);
		if (patient == null) {
			throw new NotFoundException();
		}
		audit.read("patient.read", SUBJECT, id.toString(), patient.cptsId(), purpose);
		return patient;
	}

	/**
	 * Several patients (a list page, an export), the read audited in one row naming them; unknown
	 * ids are left out.
	 */
	public Map<UUID, Patient> getAll(UUID cptsId, Collection<UUID> ids, String purpose) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Patient> found = load(ids);
		found.values().removeIf(p -> !p.cptsId().equals(cptsId));
		audit.read("patient.list", SUBJECT, null, cptsId, purpose + " (" + found.size() + "): "
				+ String.join(",", found.keySet().stream().limit(500).map(UUID::toString).toList()));
		return found;
	}

	private Map<UUID, Patient> load(Collection<UUID> ids) {
		Map<UUID, Patient> found = new LinkedHashMap<>();
		jdbc.sql("select * from patient where id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
			.query(Patients::map).list().forEach(p -> found.put(p.id(), p));
		return found;
	}

	private static Patient map(ResultSet rs, int row) throws SQLException {
		return new Patient(rs.getObject("id", UUID.class), rs.getObject("cpts_id", UUID.class),
				new Identity(rs.getString("birth_name"), rs.getString("first_names"), rs.getString("used_name"),
						rs.getObject("birth_date", LocalDate.class), rs.getString("sex"), rs.getString("birthplace_code"), rs.getString("nir")),
				new Contact(rs.getString("email"), rs.getString("phone"), rs.getString("address"), rs.getString("commune_code")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("erased_at") == null ? null : rs.getTimestamp("erased_at").toInstant());
	}

	/**
	 * The patients of a CPTS whose name contains the words typed (birth or used name, first name;
	 * case and accents ignored) or whose NIR is the one typed, erased ones included, at most 50;
	 * the read audited with the ids found. Only for the CPTS's coordinators answering a patient.
	 */
	public List<Patient> search(UUID cptsId, String query, String purpose) {
		String q = FrenchText.normalize(query == null ? "" : query).strip();
		if (q.length() < 2) {
			return List.of();
		}
		String nir = query.replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT);
		List<String> words = List.of(q.split("\\s+"));
		StringBuilder where = new StringBuilder("cpts_id = :c and (nir = :nir or (true");
		for (int k = 0; k < words.size(); k++) {
			where.append(" and (identity_key like :w").append(k).append(" or lower(coalesce(used_name, '')) like :w").append(k).append(')');
		}
		where.append("))");
		var spec = jdbc.sql("select * from patient where " + where + " order by birth_name, first_names, birth_date limit 50")
			.param("c", cptsId).param("nir", nir);
		for (int k = 0; k < words.size(); k++) {
			spec = spec.param("w" + k, "%" + words.get(k).replace("%", "").replace("_", "") + "%");
		}
		List<Patient> found = spec.query(Patients::map).list();
		audit.read("patient.search", SUBJECT, null, cptsId, purpose + " (" + found.size() + "): "
				+ String.join(",", found.stream().map(p -> p.id().toString()).toList()));
		return found;
	}

	/** Everything the CPTS holds about a patient: identity, contact, consents and what each module keeps (read audited). */
	public record Record(Patient patient, List<ConsentView> consents, List<PatientRecords.Held> held) {
	}

	public record ConsentView(String purpose, Instant givenAt, String how, @Nullable Instant withdrawnAt) {
	}

	public Record record(UUID id, String purpose) {
		Patient patient = get(id, purpose);
		List<ConsentView> consents = jdbc.sql("select purpose, given_at, how, withdrawn_at from patient_consent where patient_id = :p order by given_at")
			.param("p", id)
			.query((rs, n) -> new ConsentView(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
			.list();
		List<PatientRecords.Held> held = new ArrayList<>();
		records.forEach(r -> held.addAll(r.heldAbout(id)));
		return new Record(patient, consents, held);
	}

	/** The ids under which reads of this patient's data are audited: the patient's and those of every module's records. */
	public List<String> auditedIds(UUID id) {
		List<String> ids = new ArrayList<>(List.of(id.toString()));
		records.forEach(r -> ids.addAll(r.auditedIds(id)));
		return ids;
	}

	/**
	 * Erases a patient at their request (RGPD, article 17): the identity is replaced by "Patient
	 * EFFACÉ", the birth date by the first of January of its year, NIR, contact and birthplace
	 * removed, the commune kept (indicators count by commune and age); every module erases what it
	 * holds, in this transaction. The reason is kept and audited; it must not name the patient.
	 */
	@Transactional
	public void erase(UUID id, UUID erasedBy, @Nullable String reason) {
		checkErasureReason(reason).throwIfAny();
		String why = reason == null ? "" : reason.strip();
		record Row(UUID cpts, @Nullable Timestamp erased) {
		}
		Row row = jdbc.sql("select cpts_id, erased_at from patient where id = :id for update").param("id", id)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getTimestamp(2))).optional().orElseThrow(NotFoundException::new);
		if (row.erased() != null) {
			throw Problems.rejected("reason", "patients.erase.already");
		}
		jdbc.sql("""
				update patient set birth_name = 'EFFACÉ', first_names = 'Patient', used_name = null,
				  birth_date = make_date(extract(year from birth_date)::int, 1, 1), birthplace_code = null, nir = null, email = null,
				  phone = null, address = null, identity_key = 'EFFACE|' || id, erased_at = now(), erased_by = :by, erasure_reason = :why
				where id = :id""")
			.param("id", id).param("by", erasedBy).param("why", why).update();
		records.forEach(r -> r.erase(id));
		audit.change("patient.erase", SUBJECT, id.toString(), row.cpts(), why);
	}

	/** An erasure's reason: required (the request, its date), at most 500 characters. */
	public static Problems checkErasureReason(@Nullable String reason) {
		Problems problems = new Problems();
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 5) {
			problems.reject("reason", "patients.erase.reason.required");
		} else if (why.length() > 500) {
			problems.reject("reason", "patients.tooLong", 500);
		}
		return problems;
	}

	/** What deduplication compares besides the birth date: normalised birth name and first first name. */
	public static String identityKey(Identity i) {
		String first = i.firstNames() == null ? "" : FrenchText.normalize(i.firstNames()).split(" ")[0];
		return FrenchText.normalize(i.birthName() == null ? "" : i.birthName()) + "|" + first;
	}

	private static @Nullable String upper(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
