package fr.maillage.directory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One page of the Annuaire Santé FHIR API (a searchset Bundle of {@code PractitionerRole} with its
 * {@code Practitioner} and {@code Organization} included, or the reverse), read as the activities
 * the RPPS extraction would give: who (national id, name, profession, MSSanté address), where
 * (the organisation's name, identifiers, address and INSEE code) and how (mode, function).
 * Profiles of the ANS IG fhir-annuaire (as-dp-practitioner, as-dp-practitionerrole,
 * as-dp-organization).
 */
record AnnuairePage(List<RppsRow> rows, List<ImportLedger.Rejection> rejections, int situations, @Nullable String next,
		@Nullable Long total) {

	private static final String IDNPS = "urn:oid:1.2.250.1.71.4.2.1";

	/** Reads a page; {@code firstLine} numbers its situations after those of the pages before. */
	static AnnuairePage read(JsonNode bundle, long firstLine) {
		Map<String, JsonNode> byReference = new HashMap<>();
		List<JsonNode> roles = new ArrayList<>();
		for (JsonNode entry : bundle.path("entry")) {
			JsonNode r = entry.path("resource");
			String type = r.path("resourceType").asString("");
			byReference.put(type + "/" + r.path("id").asString(""), r);
			if (type.equals("PractitionerRole")) {
				roles.add(r);
			}
		}
		List<RppsRow> rows = new ArrayList<>();
		List<ImportLedger.Rejection> rejections = new ArrayList<>();
		long line = firstLine;
		for (JsonNode role : roles) {
			line++;
			if (!role.path("active").asBoolean(true)) {
				continue; // a closed situation: absent from the extraction too
			}
			JsonNode who = byReference.get(role.path("practitioner").path("reference").asString(""));
			JsonNode where = byReference.get(role.path("organization").path("reference").asString(""));
			RppsRow row = who == null ? null : row(line, role, who, where);
			if (row == null || row.nationalId().isEmpty() || row.lastName().isEmpty() || row.professionCode().isEmpty()) {
				rejections.add(new ImportLedger.Rejection(line, "directory.import.line.missingIdentity", List.of(),
						"PractitionerRole/" + role.path("id").asString("?")));
				continue;
			}
			rows.add(row);
		}
		String next = null;
		for (JsonNode link : bundle.path("link")) {
			if (link.path("relation").asString("").equals("next")) {
				next = link.path("url").asString(null);
			}
		}
		Long total = bundle.has("total") ? bundle.path("total").asLong() : null;
		return new AnnuairePage(rows, rejections, roles.size(), next, total);
	}

	private static @Nullable RppsRow row(long line, JsonNode role, JsonNode who, @Nullable JsonNode where) {
		String nationalId = nationalId(who);
		JsonNode name = usualName(who);
		Coding profession = coding(who.path("qualification"), "TRE_G15");
		Coding category = coding(who.path("qualification"), "TRE_R09");
		Coding skill = coding(who.path("qualification"), "TRE_R38");
		Coding mode = codingIn(role.path("code"), "TRE_R23");
		Coding function = codingIn(role.path("code"), "TRE_R21");
		String prefix = text(name.path("prefix").isArray() ? name.path("prefix").path(0) : name.path("prefix"));
		String mssante = mailbox(who.path("telecom"));
		if (mssante == null) {
			mssante = mailbox(role.path("telecom"));
		}
		JsonNode site = where;
		JsonNode address = site == null ? null : site.path("address").path(0);
		return new RppsRow(line, nationalId == null ? "" : nationalId, nationalId == null ? null : nationalId.substring(0, 1),
				NosLabels.label(NosLabels.CIVILITIES, prefix, null), nz(text(name.path("family"))), text(name.path("given").path(0)),
				profession == null ? "" : profession.code(), profession == null ? null : NosLabels.label(NosLabels.PROFESSIONS, profession.code(),
						profession.display()),
				category == null ? null : NosLabels.label(NosLabels.CATEGORIES, category.code(), category.display()),
				skill == null ? null : skill.code(), skill == null ? null : skill.display(),
				mode == null ? null : NosLabels.label(NosLabels.MODES, mode.code(), mode.display()), site == null ? null : sector(site),
				function == null ? null : function.display() != null ? function.display() : function.code(), site == null ? null : text(site.path("name")),
				site == null ? null : identifier(site, "SIRET", "sirene"), site == null ? null : identifier(site, "FINEG", "finess.esante.gouv.fr"),
				site == null ? null : identifier(site, "IDNST", "1.2.250.1.71.4.2.2"), address == null ? null : street(address),
				address == null ? null : text(address.path("postalCode")), address == null ? "" : nz(insee(address)),
				address == null ? null : text(address.path("city")), site == null ? null : telecom(site.path("telecom"), "phone"),
				telecom(role.path("telecom"), "email"), mssante);
	}

	private record Coding(String code, @Nullable String display) {
	}

	private static @Nullable String nationalId(JsonNode who) {
		String rpps = null;
		String adeli = null;
		for (JsonNode id : who.path("identifier")) {
			String system = id.path("system").asString("");
			String value = text(id.path("value"));
			String type = typeCode(id);
			if (value == null) {
				continue;
			}
			if (system.equals(IDNPS) || "IDNPS".equals(type)) {
				return value;
			}
			if ("RPPS".equals(type) || system.contains("rpps.esante.gouv.fr")) {
				rpps = "8" + value;
			}
			if ("ADELI".equals(type) || system.contains("adeli")) {
				adeli = "0" + value;
			}
		}
		return rpps != null ? rpps : adeli;
	}

	private static JsonNode usualName(JsonNode who) {
		for (JsonNode n : who.path("name")) {
			if (n.path("use").asString("").equals("usual")) {
				return n;
			}
		}
		return who.path("name").path(0);
	}

	/** The first coding of a qualification whose system names the nomenclature. */
	private static @Nullable Coding coding(JsonNode qualifications, String nomenclature) {
		for (JsonNode q : qualifications) {
			Coding c = codingIn(List.of(q.path("code")), nomenclature);
			if (c != null) {
				return c;
			}
		}
		return null;
	}

	private static @Nullable Coding codingIn(Iterable<JsonNode> concepts, String nomenclature) {
		for (JsonNode concept : concepts) {
			for (JsonNode c : concept.path("coding")) {
				String code = text(c.path("code"));
				if (code != null && c.path("system").asString("").contains(nomenclature)) {
					return new Coding(code, text(c.path("display")));
				}
			}
		}
		return null;
	}

	private static @Nullable String typeCode(JsonNode identifier) {
		for (JsonNode c : identifier.path("type").path("coding")) {
			return text(c.path("code"));
		}
		return null;
	}

	private static @Nullable String identifier(JsonNode organization, String type, String systemPart) {
		for (JsonNode id : organization.path("identifier")) {
			if (type.equals(typeCode(id)) || id.path("system").asString("").contains(systemPart)) {
				return text(id.path("value"));
			}
		}
		return null;
	}

	private static @Nullable String sector(JsonNode organization) {
		for (JsonNode t : organization.path("type")) {
			for (JsonNode c : t.path("coding")) {
				if (c.path("system").asString("").contains("TRE_R02")) {
					String display = text(c.path("display"));
					return display != null ? display : text(c.path("code"));
				}
			}
		}
		return null;
	}

	/** An MSSanté mailbox: an e-mail whose type extension says MSSANTE. */
	private static @Nullable String mailbox(JsonNode telecoms) {
		for (JsonNode t : telecoms) {
			if (isMailbox(t)) {
				return text(t.path("value"));
			}
		}
		return null;
	}

	private static boolean isMailbox(JsonNode telecom) {
		if (!telecom.path("system").asString("").equals("email")) {
			return false;
		}
		for (JsonNode e : telecom.path("extension")) {
			if ("MSSANTE".equals(text(e.path("valueCoding").path("code")))) {
				return true;
			}
		}
		return false;
	}

	/** The first telecom of the system that is not an MSSanté mailbox. */
	private static @Nullable String telecom(JsonNode telecoms, String system) {
		for (JsonNode t : telecoms) {
			if (t.path("system").asString("").equals(system) && !isMailbox(t)) {
				return text(t.path("value"));
			}
		}
		return null;
	}

	/** The street: the line's text, or its parts (number, type, name) as the IG's extensions give them. */
	private static @Nullable String street(JsonNode address) {
		List<String> parts = new ArrayList<>();
		JsonNode lines = address.path("line");
		for (JsonNode l : lines) {
			if (text(l) != null) {
				parts.add(text(l));
			}
		}
		for (JsonNode l : address.path("_line")) {
			for (JsonNode e : l.path("extension")) {
				String v = text(e.path("valueString"));
				if (v != null) {
					parts.add(v);
				}
			}
		}
		return parts.isEmpty() ? null : String.join(" ", parts);
	}

	private static @Nullable String insee(JsonNode address) {
		for (JsonNode e : address.path("extension")) {
			JsonNode coding = e.path("valueCoding");
			if (coding.path("system").asString("").contains("TRE_R13") || e.path("url").asString("").contains("insee")) {
				return text(coding.path("code"));
			}
		}
		return null;
	}

	private static @Nullable String text(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull() || !node.isValueNode()) {
			return null;
		}
		String s = node.asString("").strip();
		return s.isEmpty() ? null : s;
	}

	private static String nz(@Nullable String s) {
		return s == null ? "" : s;
	}
}
