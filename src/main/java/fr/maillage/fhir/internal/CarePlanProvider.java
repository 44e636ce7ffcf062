package fr.maillage.fhir.internal;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.maillage.pathways.CarePlans;
import fr.maillage.pathways.Enrolments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A patient's pathway, for their care circle (and the coordinators of a pathway not reserved to the
 * circle): read; search the caller's plans, or one patient's ({@code patient}), with the patient
 * included on demand ({@code _include=CarePlan:subject}).
 */
@Component
class CarePlanProvider implements IResourceProvider {

	static final String INCLUDE_SUBJECT = "CarePlan:subject";

	private final CarePlans carePlans;
	private final PathwayResources resources;

	CarePlanProvider(CarePlans carePlans, PathwayResources resources) {
		this.carePlans = carePlans;
		this.resources = resources;
	}

	@Override
	public Class<CarePlan> getResourceType() {
		return CarePlan.class;
	}

	@Read
	public CarePlan read(@IdParam IdType id) {
		return resources.carePlan(carePlans.get(Ids.uuid(id)));
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = CarePlan.SP_PATIENT, chainWhitelist = {""}) @Nullable ReferenceParam patient,
			@IncludeParam(allow = {INCLUDE_SUBJECT}) @Nullable Set<Include> includes,
			@Count @Nullable Integer count, @Offset @Nullable Integer offset) {
		Paging paging = Paging.of(count, offset);
		List<UUID> ids;
		long total;
		if (patient != null) {
			UUID id = Ids.uuidOrNull(patient.getIdPart());
			List<UUID> all = id == null ? List.of() : carePlans.ofPatient(id);
			ids = all.stream().skip(paging.offset()).limit(paging.count()).toList();
			total = all.size();
		} else {
			CarePlans.Page page = carePlans.mine(paging.count(), paging.offset());
			ids = page.enrolmentIds();
			total = page.total();
		}
		boolean withSubject = includes != null && includes.stream().anyMatch(i -> i.getValue().equals(INCLUDE_SUBJECT));
		List<CarePlan> plans = new ArrayList<>();
		java.util.Map<UUID, org.hl7.fhir.r4.model.Patient> subjects = new java.util.HashMap<>();
		for (UUID id : ids) {
			Enrolments.Enrolment e = carePlans.get(id);
			CarePlan plan = resources.carePlan(e);
			if (withSubject) {
				plan.getSubject().setResource(subjects.computeIfAbsent(e.patientId(),
						p -> Paging.included(resources.patient(carePlans.patient(p)))));
			}
			plans.add(plan);
		}
		return paging.bundle(plans, total);
	}
}
