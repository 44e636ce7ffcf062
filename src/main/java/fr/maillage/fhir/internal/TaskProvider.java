package fr.maillage.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.maillage.pathways.CarePlans;
import fr.maillage.pathways.Enrolments;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The steps of a patient's pathway, for their care circle: read; search by plan ({@code based-on}) or by patient. */
@Component
class TaskProvider implements IResourceProvider {

	private final CarePlans carePlans;
	private final PathwayResources resources;

	TaskProvider(CarePlans carePlans, PathwayResources resources) {
		this.carePlans = carePlans;
		this.resources = resources;
	}

	@Override
	public Class<Task> getResourceType() {
		return Task.class;
	}

	@Read
	public Task read(@IdParam IdType id) {
		UUID step = Ids.uuid(id);
		Enrolments.Enrolment e = carePlans.ofStep(step);
		return e.steps().stream().filter(s -> s.id().equals(step)).findFirst().map(s -> resources.task(e, s)).orElseThrow(() -> Ids.notFound(id));
	}

	/** {@code based-on=CarePlan/…} or {@code patient=Patient/…}: the steps of the plans the caller may read, at most 1,000. */
	@Search
	public List<Task> search(@OptionalParam(name = Task.SP_BASED_ON, chainWhitelist = {""}) @Nullable ReferenceParam basedOn,
			@OptionalParam(name = Task.SP_PATIENT, chainWhitelist = {""}) @Nullable ReferenceParam patient) {
		List<UUID> plans = new ArrayList<>();
		if (basedOn != null) {
			UUID id = Ids.uuidOrNull(basedOn.getIdPart());
			if (id != null && "CarePlan".equals(basedOn.getResourceType() == null ? "CarePlan" : basedOn.getResourceType())) {
				plans.add(id);
			}
		}
		if (patient != null) {
			UUID id = Ids.uuidOrNull(patient.getIdPart());
			List<UUID> ofPatient = id == null ? List.of() : carePlans.ofPatient(id);
			if (basedOn != null) {
				plans.retainAll(ofPatient);
			} else {
				plans.addAll(ofPatient);
			}
		}
		List<Task> tasks = new ArrayList<>();
		for (UUID plan : plans) {
			try {
				Enrolments.Enrolment e = carePlans.get(plan);
				e.steps().forEach(s -> tasks.add(resources.task(e, s)));
			} catch (fr.maillage.platform.NotFoundException outside) {
				// a plan outside the caller's circles: nothing, as if it did not exist
			}
		}
		return Paging.matches(tasks.stream().limit(1000).toList());
	}
}
