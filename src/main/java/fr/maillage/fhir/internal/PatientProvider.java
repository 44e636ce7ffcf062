package fr.maillage.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.maillage.pathways.CarePlans;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * A patient, read by their care circle only (through one of their pathways; audited); anyone else
 * gets 404. No search: a client finds its patients through its care plans, never by name.
 */
@Component
class PatientProvider implements IResourceProvider {

	private final CarePlans carePlans;
	private final PathwayResources resources;

	PatientProvider(CarePlans carePlans, PathwayResources resources) {
		this.carePlans = carePlans;
		this.resources = resources;
	}

	@Override
	public Class<Patient> getResourceType() {
		return Patient.class;
	}

	@Read
	public Patient read(@IdParam IdType id) {
		return resources.patient(carePlans.patient(Ids.uuid(id)));
	}
}
