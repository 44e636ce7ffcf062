package fr.maillage.fhir.internal;

import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Organization;
import fr.maillage.directory.Organizations;
import fr.maillage.directory.Practitioner;
import fr.maillage.unscheduledcare.SlotFeed;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.springframework.stereotype.Component;

/**
 * The owners of agendas (a professional or a structure) named by the references of a search, and
 * their Schedules with, when asked, the resources an include brings (built once per request).
 */
@Component
class Agendas {

	private final DirectorySearch directory;
	private final Organizations organizations;
	private final CptsService cpts;
	private final SlotFeed feed;
	private final DirectoryResources directoryResources;
	private final SlotResources slotResources;

	Agendas(DirectorySearch directory, Organizations organizations, CptsService cpts, SlotFeed feed, DirectoryResources directoryResources,
			SlotResources slotResources) {
		this.directory = directory;
		this.organizations = organizations;
		this.cpts = cpts;
		this.feed = feed;
		this.directoryResources = directoryResources;
		this.slotResources = slotResources;
	}

	/**
	 * {@code Practitioner/…}, {@code HealthcareService/…}, {@code Schedule/…} (all the owner's id), or
	 * a professional's national identifier through the one chain allowed; any other chain is refused.
	 */
	Set<UUID> owners(ReferenceOrListParam refs, String identifierChain) {
		Set<UUID> owners = new LinkedHashSet<>();
		TokenOrListParam identifiers = new TokenOrListParam();
		for (ReferenceParam r : refs.getValuesAsQueryTokens()) {
			String chain = r.getChain();
			// HAPI's whitelist sees the first link of a chain only ("actor"): the whole chain is checked here
			if (chain != null && !chain.isEmpty() && !chain.equals(identifierChain)) {
				throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException("chaîne " + chain + " non prise en charge (seule " + identifierChain
						+ " l'est)");
			}
			if (chain != null && chain.equals(identifierChain)) {
				Ids.addToken(r, identifiers);
			} else {
				UUID id = Ids.uuidOrNull(r.getIdPart());
				if (id != null) {
					owners.add(id);
				}
			}
		}
		if (!identifiers.getValuesAsQueryTokens().isEmpty()) {
			owners.addAll(directory.idsOf(Ids.nationalIds(identifiers)));
		}
		return owners;
	}

	/** The Schedules of these owners who publish in the caller's CPTS; with their actors as resources when {@code withActors}. */
	List<Schedule> schedules(Collection<UUID> owners, boolean withActors) {
		Request request = new Request(withActors, false);
		return owners.stream().filter(feed::publishes).map(request::schedule).filter(java.util.Objects::nonNull).toList();
	}

	Request request(boolean withActors, boolean withOrganizations) {
		return new Request(withActors, withOrganizations);
	}

	/** What one search builds, each resource once: schedules (and their actors), the CPTS services (and their organizations). */
	final class Request {
		private final boolean withActors;
		private final boolean withOrganizations;
		private final Map<UUID, Schedule> schedules = new HashMap<>();
		private final Map<UUID, HealthcareService> services = new HashMap<>();

		private Request(boolean withActors, boolean withOrganizations) {
			this.withActors = withActors;
			this.withOrganizations = withOrganizations;
		}

		/** Null when the owner is neither a professional nor a structure of the directory. */
		Schedule schedule(UUID owner) {
			if (schedules.containsKey(owner)) {
				return schedules.get(owner);
			}
			Schedule s = null;
			Practitioner p = directory.byId(owner).orElse(null);
			if (p != null) {
				s = slotResources.schedule(owner, true, p.displayName());
				if (withActors) {
					s.getActorFirstRep().setResource(Paging.included(directoryResources.practitioner(p)));
					for (Practitioner.Activity a : p.activities()) {
						Reference role = new Reference("PractitionerRole/" + a.id());
						role.setResource(Paging.included(directoryResources.role(p, a)));
						s.addActor(role);
					}
				}
			} else {
				Organization o = organizations.find(owner).orElse(null);
				if (o != null) {
					s = slotResources.schedule(owner, false, o.name());
					if (withActors) {
						HealthcareService service = Paging.included(directoryResources.service(o));
						if (withOrganizations) {
							service.getProvidedBy().setResource(Paging.included(directoryResources.organization(o)));
						}
						s.getActorFirstRep().setResource(service);
					}
				}
			}
			schedules.put(owner, s);
			return s;
		}

		/** The unscheduled-care service of a CPTS, with its organization when asked. */
		HealthcareService cptsService(UUID cptsId) {
			return services.computeIfAbsent(cptsId, id -> cpts.publicIdentity(id).map(c -> {
				HealthcareService s = Paging.included(directoryResources.service(c));
				if (withOrganizations) {
					s.getProvidedBy().setResource(Paging.included(directoryResources.organization(c)));
				}
				return s;
			}).orElse(null));
		}
	}
}
