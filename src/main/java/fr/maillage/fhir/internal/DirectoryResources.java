package fr.maillage.fhir.internal;

import fr.maillage.cpts.Cpts;
import fr.maillage.directory.Organization;
import fr.maillage.directory.Practitioner;
import fr.maillage.platform.Messages;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The directory in FHIR, shaped after the ANS Annuaire Santé: a professional (identifiers "8" +
 * RPPS or "0" + ADELI under the national system, profession from TRE_G15), each active practice
 * as a PractitionerRole with its site as a Location, structures and CPTS as Organizations
 * ("1" + FINESS, "3" + SIRET), a structure's or a CPTS's services as a HealthcareService.
 */
@Component
class DirectoryResources {

	private final Messages messages;

	DirectoryResources(Messages messages) {
		this.messages = messages;
	}

	org.hl7.fhir.r4.model.Practitioner practitioner(Practitioner p) {
		var r = new org.hl7.fhir.r4.model.Practitioner();
		r.setId(p.id().toString());
		r.getMeta().addProfile(Systems.AS_PRACTITIONER);
		if (p.nationalId() != null) {
			r.addIdentifier(identifier(Systems.IDNPS, p.nationalId(), "IDNPS"));
			if (p.nationalId().startsWith("8")) {
				r.addIdentifier(identifier(Systems.RPPS, p.nationalId().substring(1), "RPPS"));
			}
		}
		r.setActive(true);
		HumanName name = r.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.lastName());
		if (p.firstName() != null) {
			name.addGiven(p.firstName());
		}
		if (p.civility() != null && p.civility().startsWith("Doct")) {
			name.addPrefix("Dr");
		}
		if (p.phone() != null) {
			r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone()).setUse(ContactPoint.ContactPointUse.WORK);
		}
		if (p.mssante() != null) {
			r.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.mssante()).setUse(ContactPoint.ContactPointUse.WORK);
		}
		if (p.professionCode() != null || p.professionLabel() != null) {
			r.addQualification().setCode(concept(Systems.PROFESSION, p.professionCode(), p.professionLabel()));
		}
		for (String language : p.languages()) {
			r.addCommunication().setText(language);
		}
		return r;
	}

	/** A practice: the professional at a site, the site contained (as the SAS reads it) and also readable as a Location. */
	PractitionerRole role(Practitioner p, Practitioner.Activity a) {
		var r = new PractitionerRole();
		r.setId(a.id().toString());
		r.getMeta().addProfile(Systems.AS_PRACTITIONER_ROLE);
		r.setActive(a.active());
		r.setPractitioner(new Reference("Practitioner/" + p.id()).setDisplay(p.displayName()));
		if (p.professionCode() != null || p.professionLabel() != null) {
			r.addCode(concept(Systems.PROFESSION, p.professionCode(), p.professionLabel()));
		}
		if (a.skillCode() != null || a.skillLabel() != null) {
			r.addSpecialty(concept(a.skillCode() != null && a.skillCode().startsWith("SM") ? Systems.SPECIALTY : null, a.skillCode(), a.skillLabel()));
		}
		Location site = location(a);
		site.setId("site");
		site.getMeta().setProfile(java.util.List.of());
		r.addContained(site);
		r.addLocation(new Reference("#site").setDisplay(site.getName()));
		if (a.phone() != null) {
			r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(a.phone()).setUse(ContactPoint.ContactPointUse.WORK);
		}
		return r;
	}

	/** A practice site (its id is the activity's). */
	Location location(Practitioner.Activity a) {
		var l = new Location();
		l.setId(a.id().toString());
		l.getMeta().addProfile(Systems.AS_LOCATION);
		l.setStatus(a.active() ? Location.LocationStatus.ACTIVE : Location.LocationStatus.INACTIVE);
		l.setName(a.siteName() == null ? a.communeName() : a.siteName());
		l.setAddress(address(a.address(), a.postcode(), a.communeName()));
		return l;
	}

	/** A structure's own address (its id is the structure's). */
	Location location(Organization o) {
		var l = new Location();
		l.setId(o.id().toString());
		l.getMeta().addProfile(Systems.AS_LOCATION);
		l.setStatus(Location.LocationStatus.ACTIVE);
		l.setName(o.name());
		l.setAddress(address(o.address(), o.postcode(), o.communeName()));
		l.setManagingOrganization(new Reference("Organization/" + o.id()).setDisplay(o.name()));
		return l;
	}

	org.hl7.fhir.r4.model.Organization organization(Organization o) {
		var r = new org.hl7.fhir.r4.model.Organization();
		r.setId(o.id().toString());
		r.getMeta().addProfile(Systems.AS_ORGANIZATION);
		if (o.finess() != null) {
			r.addIdentifier(identifier(Systems.IDNST, "1" + o.finess(), "IDNST"));
		} else if (o.siret() != null) {
			r.addIdentifier(identifier(Systems.IDNST, "3" + o.siret(), "IDNST"));
		}
		r.setActive(true);
		r.setName(o.name());
		r.addType(concept(Systems.ORGANIZATION_KIND, o.kind().name(), messages.get("directory.kind." + o.kind().name())));
		if (o.phone() != null) {
			r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(o.phone());
		}
		if (o.email() != null) {
			r.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(o.email());
		}
		if (o.website() != null) {
			r.addTelecom().setSystem(ContactPoint.ContactPointSystem.URL).setValue(o.website());
		}
		if (o.address() != null || o.communeName() != null) {
			r.addAddress(address(o.address(), o.postcode(), o.communeName()));
		}
		return r;
	}

	/**
	 * A CPTS: the establishment category the SAS expects (604), and one national structure id, "1" +
	 * its FINESS as the SAS's CPTS profile requires (sas-cpts-organization-aggregator), "3" + its
	 * SIRET until its coordinators give the FINESS.
	 */
	org.hl7.fhir.r4.model.Organization organization(Cpts c) {
		var r = new org.hl7.fhir.r4.model.Organization();
		r.setId(c.id().toString());
		r.getMeta().addProfile(Systems.AS_ORGANIZATION);
		if (c.finess() != null) {
			r.addIdentifier(identifier(Systems.IDNST, "1" + c.finess(), "IDNST"));
		}
		else if (c.siret() != null && !c.siret().isBlank()) {
			r.addIdentifier(identifier(Systems.IDNST, "3" + c.siret().replaceAll("\\s", ""), "IDNST"));
		}
		r.setActive(true);
		r.setName(c.name());
		r.addType(concept(Systems.ESTABLISHMENT_CATEGORY, Systems.CPTS_CATEGORY, messages.get("fhir.cpts.category")));
		if (c.phone() != null && !c.phone().isBlank()) {
			r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(c.phone());
		}
		if (c.email() != null && !c.email().isBlank()) {
			r.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(c.email());
		}
		return r;
	}

	/** The unscheduled care a CPTS organises: what a CPTS slot points to (its id is the CPTS's). */
	HealthcareService service(Cpts c) {
		var s = new HealthcareService();
		s.setId(c.id().toString());
		s.getMeta().addProfile(Systems.AS_HEALTHCARE_SERVICE);
		s.setActive(true);
		s.setProvidedBy(new Reference("Organization/" + c.id()).setDisplay(c.name()));
		s.addType(concept(Systems.ESTABLISHMENT_CATEGORY, Systems.CPTS_CATEGORY, messages.get("fhir.cpts.category")));
		s.setName(messages.get("fhir.cpts.service", c.name()));
		return s;
	}

	/** What a structure offers (its id is the structure's). */
	HealthcareService service(Organization o) {
		var s = new HealthcareService();
		s.setId(o.id().toString());
		s.getMeta().addProfile(Systems.AS_HEALTHCARE_SERVICE);
		s.setActive(true);
		s.setProvidedBy(new Reference("Organization/" + o.id()).setDisplay(o.name()));
		s.addType(concept(Systems.ORGANIZATION_KIND, o.kind().name(), messages.get("directory.kind." + o.kind().name())));
		s.setName(o.name());
		s.addLocation(new Reference("Location/" + o.id()));
		if (o.services() != null) {
			s.setComment(o.services());
		}
		if (o.openingHours() != null) {
			s.setAvailabilityExceptions(o.openingHours());
		}
		return s;
	}

	private static Identifier identifier(String system, String value, String type) {
		return new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(system).setValue(value)
			.setType(new CodeableConcept(new Coding(Systems.ID_TYPE, type, null)));
	}

	static CodeableConcept concept(@Nullable String system, @Nullable String code, @Nullable String label) {
		CodeableConcept c = new CodeableConcept();
		if (system != null && code != null) {
			c.addCoding(new Coding(system, code, label));
		}
		return c.setText(label == null ? code : label);
	}

	private static Address address(@Nullable String line, @Nullable String postcode, @Nullable String city) {
		Address a = new Address().setUse(Address.AddressUse.WORK).setType(Address.AddressType.PHYSICAL).setCountry("FR");
		if (line != null) {
			a.addLine(line);
		}
		return a.setPostalCode(postcode).setCity(city);
	}
}
