package fr.maillage.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.Organizations;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** What a structure offers, and the unscheduled care a CPTS organises (the service its slots point to): read, and search by provider. */
@Component
class HealthcareServiceProvider implements IResourceProvider {

	private final Organizations organizations;
	private final CptsService cpts;
	private final DirectoryResources resources;

	HealthcareServiceProvider(Organizations organizations, CptsService cpts, DirectoryResources resources) {
		this.organizations = organizations;
		this.cpts = cpts;
		this.resources = resources;
	}

	@Override
	public Class<HealthcareService> getResourceType() {
		return HealthcareService.class;
	}

	@Read
	public HealthcareService read(@IdParam IdType id) {
		return find(Ids.uuid(id)).orElseThrow(() -> Ids.notFound(id));
	}

	Optional<HealthcareService> find(UUID id) {
		return organizations.find(id).map(resources::service).or(() -> cpts.publicIdentity(id).map(resources::service));
	}

	@Search
	public List<HealthcareService> search(@RequiredParam(name = HealthcareService.SP_ORGANIZATION, chainWhitelist = {""}) ReferenceParam organization) {
		UUID id = Ids.uuidOrNull(organization.getIdPart());
		return id == null ? List.of() : Paging.matches(find(id).stream().toList());
	}
}
