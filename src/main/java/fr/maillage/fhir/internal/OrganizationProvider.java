package fr.maillage.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.maillage.cpts.CptsService;
import fr.maillage.directory.Organizations;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Structures of the directory and the CPTS themselves: read; search the structures by national identifier, name or kind. */
@Component
class OrganizationProvider implements IResourceProvider {

	private final Organizations organizations;
	private final CptsService cpts;
	private final DirectoryResources resources;

	OrganizationProvider(Organizations organizations, CptsService cpts, DirectoryResources resources) {
		this.organizations = organizations;
		this.cpts = cpts;
		this.resources = resources;
	}

	@Override
	public Class<Organization> getResourceType() {
		return Organization.class;
	}

	@Read
	public Organization read(@IdParam IdType id) {
		UUID uuid = Ids.uuid(id);
		return organizations.find(uuid).map(resources::organization)
			.or(() -> cpts.publicIdentity(uuid).map(resources::organization))
			.orElseThrow(() -> Ids.notFound(id));
	}

	/** {@code identifier} ("1" + FINESS, "3" + SIRET), {@code name} (words), {@code type} (our kinds: MSP, EHPAD…). */
	@Search
	public IBundleProvider search(@OptionalParam(name = Organization.SP_IDENTIFIER) @Nullable TokenParam identifier,
			@OptionalParam(name = Organization.SP_NAME) @Nullable StringParam name,
			@OptionalParam(name = Organization.SP_TYPE) @Nullable TokenParam type,
			@Count @Nullable Integer count, @Offset @Nullable Integer offset) {
		Paging paging = Paging.of(count, offset);
		String q = null;
		if (identifier != null) {
			String v = identifier.getValue() == null ? "" : identifier.getValue().strip();
			q = v.startsWith("3") && v.length() == 15 ? v.substring(1) : v;
			if (q.isEmpty()) {
				return paging.bundle(java.util.List.of(), 0);
			}
		} else if (name != null) {
			q = name.getValue();
		}
		String kind = type == null ? null : type.getValue();
		if (kind != null && !java.util.Arrays.stream(fr.maillage.directory.OrganizationKind.values()).anyMatch(k -> k.name().equalsIgnoreCase(kind))) {
			return paging.bundle(java.util.List.of(), 0);
		}
		Organizations.Page page = organizations.search(q, kind, null, paging.page(), paging.count());
		return paging.bundle(page.items().stream().map(resources::organization).toList(), page.total());
	}
}
