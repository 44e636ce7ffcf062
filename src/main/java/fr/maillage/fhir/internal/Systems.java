package fr.maillage.fhir.internal;

/** The code and identifier systems the French FHIR guides (fr-core, Annuaire Santé, SAS) use, and the profiles we claim. */
final class Systems {

	/** National id of a health professional: "8" + RPPS or "0" + ADELI. */
	static final String IDNPS = "urn:oid:1.2.250.1.71.4.2.1";
	/** National id of a structure: "1" + FINESS, "3" + SIRET. */
	static final String IDNST = "urn:oid:1.2.250.1.71.4.2.2";
	static final String RPPS = "http://rpps.fr";
	static final String ID_TYPE = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";
	static final String PROFESSION = "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante";
	static final String SPECIALTY = "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale";
	static final String ESTABLISHMENT_CATEGORY = "https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement";
	/** The category of a CPTS in the establishment categories (what the SAS reads as a CPTS slot). */
	static final String CPTS_CATEGORY = "604";
	static final String SLOT_TYPE = "https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau";
	static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
	static final String APPOINTMENT_REASON = "http://terminology.hl7.org/CodeSystem/v2-0276";
	static final String SLOT_SERVICE_TYPE_R5 = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType";
	/** Our own kinds of structures (no national table covers MSP, DAC, CMP… together). */
	static final String ORGANIZATION_KIND = "https://maillage.fr/fhir/CodeSystem/type-structure";
	/** A booking's own identifier. */
	static final String BOOKING = "https://maillage.fr/fhir/NamingSystem/reservation";

	static final String AS_PRACTITIONER = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-practitioner";
	static final String AS_PRACTITIONER_ROLE = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-practitionerrole";
	static final String AS_ORGANIZATION = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-organization";
	static final String AS_HEALTHCARE_SERVICE = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-healthcareservice";
	static final String AS_LOCATION = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-location";
	static final String SAS_SLOT = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator";
	static final String SAS_SCHEDULE = "http://sas.fr/fhir/StructureDefinition/FrScheduleAgregateur";

	private Systems() {
	}
}
