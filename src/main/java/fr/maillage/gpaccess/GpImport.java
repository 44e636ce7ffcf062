package fr.maillage.gpaccess;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.patients.Consent;
import fr.maillage.patients.Contact;
import fr.maillage.patients.Identity;
import fr.maillage.patients.Patients;
import fr.maillage.platform.Messages;
import fr.maillage.platform.Problems;
import fr.maillage.platform.TypedValues;
import fr.maillage.reference.CommuneListResolver;
import fr.maillage.shared.FrenchText;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the requests a CPTS kept in a spreadsheet, all or nothing: every line is checked as the
 * form checks it; if one is wrong, nothing is imported and every wrong line is listed with its
 * reason. The filing date of the spreadsheet is kept, so that waiting times stay true.
 */
@Service
public class GpImport {

	public static final int MAX_LINES = 20_000;

	/** The columns, French as the spreadsheets are; only the first four and the commune are required. */
	public static final List<String> COLUMNS = List.of("nom_naissance", "prenoms", "date_naissance", "sexe", "commune", "telephone",
			"email", "adresse", "nom_usage", "nir", "lieu_naissance", "ald", "numero_ald", "c2s", "situation", "visites_domicile",
			"distance_km", "remarques", "date_demande");

	public record LineError(long line, String field, String message) {
	}

	/** What the file holds: lines, the errors by line, the first lines read, and duplicates found. */
	public record Report(int lines, List<LineError> errors, List<String> preview, int duplicates) {

		public boolean ok() {
			return errors.isEmpty() && lines > 0;
		}
	}

	private record Line(long number, RequestForm form, @Nullable Instant filedAt) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final GpRequests requests;
	private final Patients patients;
	private final CommuneListResolver resolver;
	private final Messages messages;
	private final AuditLog audit;

	GpImport(JdbcClient jdbc, CptsAccess access, GpRequests requests, Patients patients, CommuneListResolver resolver, Messages messages,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.requests = requests;
		this.patients = patients;
		this.resolver = resolver;
		this.messages = messages;
		this.audit = audit;
	}

	/** Reads and checks the file; nothing is saved. */
	public Report preview(UUID cptsId, byte[] content) {
		access.requireCoordinatorForPatients(cptsId);
		List<LineError> errors = new ArrayList<>();
		List<Line> lines = parse(content, errors);
		return report(cptsId, lines, errors);
	}

	/** Imports every line, or none when one is wrong (then the report lists them). */
	@Transactional
	public Report apply(UUID cptsId, byte[] content) {
		CurrentUser user = access.requireCoordinatorForPatients(cptsId);
		List<LineError> errors = new ArrayList<>();
		List<Line> lines = parse(content, errors);
		Report report = report(cptsId, lines, errors);
		if (!report.ok()) {
			return report;
		}
		Consent consent = new Consent(GpRequests.CONSENT_PURPOSE, Instant.now(), Consent.How.IMPORT, user.id());
		for (Line line : lines) {
			boolean duplicate = !patients.sameIdentity(cptsId, line.form().identity()).isEmpty();
			UUID patient = patients.register(cptsId, line.form().identity(), line.form().contact(), consent);
			GpRequests.Filed filed = requests.insert(cptsId, patient, "IMPORT", user.id(), line.form(), duplicate);
			if (line.filedAt() != null) {
				jdbc.sql("update gp_request set filed_at = :at where id = :id").param("at", Timestamp.from(line.filedAt()))
					.param("id", filed.id()).update();
				jdbc.sql("update gp_request_event set at = :at where request_id = :id and kind = 'CREATED'")
					.param("at", Timestamp.from(line.filedAt())).param("id", filed.id()).update();
			}
		}
		audit.change("gp_request.import", "cpts", cptsId.toString(), cptsId, lines.size() + " demandes importées");
		return report;
	}

	private Report report(UUID cptsId, List<Line> lines, List<LineError> errors) {
		List<String> preview = lines.stream().limit(10).map(l -> l.number() + " : " + l.form().identity().displayName() + " – "
				+ l.form().contact().communeCode()).toList();
		int duplicates = 0;
		Set<String> seen = new HashSet<>();
		for (Line l : lines) {
			Identity i = Patients.normalise(l.form().identity());
			if (!seen.add(i.birthDate() + "|" + Patients.identityKey(i))) {
				duplicates++;
			}
		}
		errors.sort(java.util.Comparator.comparingLong(LineError::line));
		return new Report(lines.size() + (int) errors.stream().map(LineError::line).distinct().count(), errors, preview, duplicates);
	}

	private List<Line> parse(byte[] content, List<LineError> errors) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content)).toString();
		} catch (CharacterCodingException e) {
			text = new String(content, java.nio.charset.Charset.forName("windows-1252"));
		}
		text = text.replace("\uFEFF", "");
		String firstLine = text.lines().findFirst().orElse("");
		char delimiter = firstLine.chars().filter(c -> c == ';').count() >= firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
		List<Line> lines = new ArrayList<>();
		Map<String, String> communeCache = new HashMap<>();
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true).setTrim(true).setIgnoreHeaderCase(true).get().parse(new StringReader(text))) {
			List<String> missing = new ArrayList<>();
			for (String required : List.of("nom_naissance", "prenoms", "date_naissance", "sexe", "commune")) {
				if (!parser.getHeaderMap().containsKey(required)) {
					missing.add(required);
				}
			}
			if (!missing.isEmpty()) {
				errors.add(new LineError(1, String.join(", ", missing), messages.get("gpaccess.import.missingColumns", String.join(", ", missing),
						String.join(";", COLUMNS))));
				return lines;
			}
			for (CSVRecord record : parser) {
				long number = record.getRecordNumber() + 1;
				if (lines.size() + errors.size() >= MAX_LINES) {
					errors.add(new LineError(number, "", messages.get("gpaccess.import.tooMany", MAX_LINES)));
					break;
				}
				List<LineError> lineErrors = new ArrayList<>();
				Line line = line(record, number, lineErrors, communeCache);
				if (lineErrors.isEmpty()) {
					lines.add(line);
				} else {
					errors.addAll(lineErrors);
				}
			}
		} catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
			errors.add(new LineError(0, "", messages.get("gpaccess.import.unreadable")));
		}
		return lines;
	}

	private Line line(CSVRecord r, long number, List<LineError> errors, Map<String, String> communeCache) {
		Map<String, String> f = new HashMap<>();
		for (String column : COLUMNS) {
			f.put(column, r.isMapped(column) && r.isSet(column) ? r.get(column) : null);
		}
		LocalDate birth = TypedValues.date(f.get("date_naissance"));
		if (f.get("date_naissance") != null && !f.get("date_naissance").isBlank() && birth == null) {
			errors.add(new LineError(number, "date_naissance", messages.get("gpaccess.import.date", f.get("date_naissance"))));
		}
		String typedCommune = f.get("commune");
		String commune = typedCommune == null ? null : communeCache.computeIfAbsent(typedCommune, resolver::codeOrTyped);
		RequestForm form = new RequestForm(
				new Identity(f.get("nom_naissance"), f.get("prenoms"), f.get("nom_usage"), birth, sex(f.get("sexe")), f.get("lieu_naissance"),
						f.get("nir")),
				new Contact(f.get("email"), f.get("telephone"), f.get("adresse"), commune),
				TypedValues.yes(f.get("ald")), TypedValues.integer(f.get("numero_ald")), TypedValues.yes(f.get("c2s")), situation(f.get("situation")),
				TypedValues.yes(f.get("visites_domicile")), TypedValues.decimal(f.get("distance_km")), f.get("remarques"), true);
		Problems problems = requests.check(form);
		for (Problems.Problem p : problems.all()) {
			String column = column(p.field());
			// an unreadable value is reported once, not again as a missing one
			if (errors.stream().noneMatch(e -> e.line() == number && e.field().equals(column))) {
				errors.add(new LineError(number, column, messages.get(p)));
			}
		}
		Instant filedAt = null;
		if (f.get("date_demande") != null && !f.get("date_demande").isBlank()) {
			LocalDate filed = TypedValues.date(f.get("date_demande"));
			if (filed == null || filed.isAfter(LocalDate.now(GpCapacities.PARIS))) {
				errors.add(new LineError(number, "date_demande", messages.get("gpaccess.import.filedDate", f.get("date_demande"))));
			} else {
				filedAt = filed.atStartOfDay(GpCapacities.PARIS).toInstant();
			}
		}
		return new Line(number, form, filedAt);
	}

	private static String column(String field) {
		return switch (field) {
			case "birthName" -> "nom_naissance";
			case "firstNames" -> "prenoms";
			case "birthDate" -> "date_naissance";
			case "sex" -> "sexe";
			case "communeCode" -> "commune";
			case "phone" -> "telephone";
			case "birthplaceCode" -> "lieu_naissance";
			case "aldNumber" -> "numero_ald";
			case "maxKm" -> "distance_km";
			case "notes" -> "remarques";
			case "address" -> "adresse";
			default -> field;
		};
	}

	private static @Nullable String sex(@Nullable String v) {
		if (v == null) {
			return null;
		}
		return switch (FrenchText.normalize(v)) {
			case "F", "FEMME", "FEMININ" -> "F";
			case "M", "H", "HOMME", "MASCULIN" -> "M";
			case "I", "INDETERMINE" -> "I";
			default -> v;
		};
	}

	private static @Nullable Situation situation(@Nullable String v) {
		if (v == null || v.isBlank()) {
			return null;
		}
		String n = FrenchText.normalize(v);
		if (n.contains("RETRAITE")) {
			return Situation.MT_RETRAITE;
		}
		if (n.contains("ARRIV")) {
			return Situation.NOUVEL_ARRIVANT;
		}
		if (n.contains("JAMAIS")) {
			return Situation.JAMAIS_EU;
		}
		if (n.contains("PARTI") || n.contains("DEMENAG")) {
			return Situation.MT_PARTI;
		}
		return Situation.AUTRE;
	}
}
