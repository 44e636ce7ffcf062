/**
 * Patients: the identity traits of the INS (birth name, first names, birth date, sex, birthplace,
 * NIR checked with its key), contact and commune of residence, consents, and the search for
 * possible duplicates. Other modules (GP access, pathways) decide who may see a patient and call
 * in here; every read and write is audited here. The patient's rights (RGPD) are answered here by
 * the CPTS's coordinators: find a patient, see and export everything held about them (each module
 * contributes through {@link fr.maillage.patients.PatientRecords}), erase it.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "audit", "reference", "accounts"})
@NullMarked
package fr.maillage.patients;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
