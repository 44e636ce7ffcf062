/**
 * The FHIR R4 adapter at {@code /fhir}: HAPI's plain RestfulServer with one resource provider per
 * type, calling the other modules' facades only (their access rules and audit apply). The
 * directory as the ANS Annuaire Santé shapes it (Practitioner, PractitionerRole, Organization,
 * HealthcareService, Location), unscheduled care as the SAS platform reads it (Schedule, Slot,
 * Appointment), and, for the care circle only, pathways (Patient, CarePlan, Task). Search
 * parameters are whitelisted per resource; errors are OperationOutcomes in French.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "accounts", "cpts", "directory", "unscheduledcare", "pathways", "patients"})
@NullMarked
package fr.maillage.fhir;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
