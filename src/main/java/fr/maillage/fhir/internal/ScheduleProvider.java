package fr.maillage.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Schedule;
import org.springframework.stereotype.Component;

/** The agendas of those who publish unscheduled-care slots in the caller's CPTS: read, and search by actor. */
@Component
class ScheduleProvider implements IResourceProvider {

	private final Agendas agendas;

	ScheduleProvider(Agendas agendas) {
		this.agendas = agendas;
	}

	@Override
	public Class<Schedule> getResourceType() {
		return Schedule.class;
	}

	@Read
	public Schedule read(@IdParam IdType id) {
		UUID owner = Ids.uuid(id);
		return agendas.schedules(List.of(owner), false).stream().findFirst().orElseThrow(() -> Ids.notFound(id));
	}

	/** {@code actor=Practitioner/…} or {@code actor:Practitioner.identifier=…} (a list), the only chain allowed. */
	@Search
	public List<Schedule> search(@RequiredParam(name = Schedule.SP_ACTOR, chainWhitelist = {"", "identifier"}) ReferenceOrListParam actor) {
		return Paging.matches(agendas.schedules(agendas.owners(actor, "identifier"), false));
	}
}
