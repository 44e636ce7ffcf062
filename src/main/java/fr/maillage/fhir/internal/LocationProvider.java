package fr.maillage.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Organizations;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.springframework.stereotype.Component;

/** Places: a professional's practice site (the practice's id) or a structure's address (the structure's id); read only. */
@Component
class LocationProvider implements IResourceProvider {

	private final DirectorySearch directory;
	private final Organizations organizations;
	private final DirectoryResources resources;

	LocationProvider(DirectorySearch directory, Organizations organizations, DirectoryResources resources) {
		this.directory = directory;
		this.organizations = organizations;
		this.resources = resources;
	}

	@Override
	public Class<Location> getResourceType() {
		return Location.class;
	}

	@Read
	public Location read(@IdParam IdType id) {
		UUID uuid = Ids.uuid(id);
		return directory.byActivity(uuid).flatMap(p -> p.activities().stream().filter(a -> a.id().equals(uuid)).findFirst())
			.map(resources::location)
			.or(() -> organizations.find(uuid).map(resources::location))
			.orElseThrow(() -> Ids.notFound(id));
	}
}
