package fr.maillage.fhir.internal;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.maillage.unscheduledcare.Bookings;
import fr.maillage.unscheduledcare.SlotFeed;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Unscheduled-care slots as the SAS platform searches them (its example query runs as written):
 * {@code start} (a window of at most 31 days), {@code status}, {@code schedule} or
 * {@code schedule.actor:Practitioner.identifier}, and the four includes of the guide.
 */
@Component
class SlotProvider implements IResourceProvider {

	static final String INCLUDE_SCHEDULE = "Slot:schedule";
	static final String INCLUDE_ACTOR = "Schedule:actor";
	static final String INCLUDE_SERVICE = "Slot:service-type-reference";
	static final String INCLUDE_ORGANIZATION = "HealthcareService:organization";

	private final SlotFeed feed;
	private final Agendas agendas;
	private final SlotResources resources;

	SlotProvider(SlotFeed feed, Agendas agendas, SlotResources resources) {
		this.feed = feed;
		this.agendas = agendas;
		this.resources = resources;
	}

	@Override
	public Class<Slot> getResourceType() {
		return Slot.class;
	}

	@Read
	public Slot read(@IdParam IdType id) {
		UUID slot = Ids.uuid(id);
		return feed.get(slot).map(s -> resources.slot(s, feed.withdrawn(slot))).orElseThrow(() -> Ids.notFound(id));
	}

	@Search
	public IBundleProvider search(@RequiredParam(name = Slot.SP_START) DateRangeParam start,
			@RequiredParam(name = Slot.SP_SCHEDULE, chainWhitelist = {"", "actor"}) ReferenceOrListParam schedule,
			@OptionalParam(name = Slot.SP_STATUS) @Nullable TokenParam status,
			@IncludeParam(allow = {INCLUDE_SCHEDULE, INCLUDE_ACTOR, INCLUDE_SERVICE, INCLUDE_ORGANIZATION}) @Nullable Set<Include> includes,
			@Count @Nullable Integer count, @Offset @Nullable Integer offset) {
		Paging paging = Paging.of(count, offset);
		Boolean free = null;
		if (status != null) {
			switch (status.getValue()) {
				case "free" -> free = true;
				case "busy" -> free = false;
				default -> {
					return paging.bundle(java.util.List.of(), 0);
				}
			}
		}
		Instant from = start.getLowerBoundAsInstant() == null ? null : start.getLowerBoundAsInstant().toInstant();
		Instant to = start.getUpperBoundAsInstant() == null ? null : start.getUpperBoundAsInstant().toInstant();
		SlotFeed.Page page = feed.find(new SlotFeed.Query(agendas.owners(schedule, "actor:Practitioner.identifier"), from, to, free, paging.count(), paging.offset()));
		boolean withSchedule = has(includes, INCLUDE_SCHEDULE);
		boolean withService = has(includes, INCLUDE_SERVICE);
		Agendas.Request request = agendas.request(has(includes, INCLUDE_ACTOR), has(includes, INCLUDE_ORGANIZATION));
		java.util.List<Slot> slots = new java.util.ArrayList<>();
		for (Bookings.Slot s : page.slots()) {
			Slot slot = resources.slot(s, false);
			if (withSchedule) {
				Schedule agenda = request.schedule(SlotResources.owner(s));
				if (agenda != null) {
					Paging.included(agenda);
				}
				slot.getSchedule().setResource(agenda);
			}
			if (withService) {
				HealthcareService service = request.cptsService(s.cptsId());
				for (var type : slot.getServiceType()) {
					Extension e = type.getExtensionByUrl(Systems.SLOT_SERVICE_TYPE_R5);
					if (e != null && service != null) {
						((Reference) e.getValue()).setResource(service);
					}
				}
			}
			slots.add(slot);
		}
		return paging.bundle(slots, page.total());
	}

	private static boolean has(@Nullable Set<Include> includes, String name) {
		return includes != null && includes.stream().anyMatch(i -> i.getValue().equals(name));
	}
}
