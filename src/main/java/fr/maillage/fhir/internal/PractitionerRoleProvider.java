package fr.maillage.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.maillage.directory.DirectorySearch;
import fr.maillage.directory.Practitioner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** A professional's active practices: read, and search by the professional (their resource or their national identifier). */
@Component
class PractitionerRoleProvider implements IResourceProvider {

	private final DirectorySearch directory;
	private final DirectoryResources resources;

	PractitionerRoleProvider(DirectorySearch directory, DirectoryResources resources) {
		this.directory = directory;
		this.resources = resources;
	}

	@Override
	public Class<PractitionerRole> getResourceType() {
		return PractitionerRole.class;
	}

	@Read
	public PractitionerRole read(@IdParam IdType id) {
		UUID activity = Ids.uuid(id);
		Practitioner p = directory.byActivity(activity).orElseThrow(() -> Ids.notFound(id));
		return p.activities().stream().filter(a -> a.id().equals(activity)).findFirst().map(a -> resources.role(p, a))
			.orElseThrow(() -> Ids.notFound(id));
	}

	/** {@code practitioner=Practitioner/…} (a list), or {@code practitioner.identifier=…}, the only chain allowed. */
	@Search
	public IBundleProvider search(@RequiredParam(name = PractitionerRole.SP_PRACTITIONER, chainWhitelist = {"", "identifier"}) ReferenceOrListParam practitioner,
			@Count @Nullable Integer count, @Offset @Nullable Integer offset) {
		Paging paging = Paging.of(count, offset);
		Set<UUID> ids = new LinkedHashSet<>();
		TokenOrListParam identifiers = new TokenOrListParam();
		for (ReferenceParam r : practitioner.getValuesAsQueryTokens()) {
			if (r.getChain() != null && !r.getChain().isEmpty() && !"identifier".equals(r.getChain())) {
				throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException("chaîne " + r.getChain() + " non prise en charge");
			}
			if ("identifier".equals(r.getChain())) {
				Ids.addToken(r, identifiers);
			} else {
				UUID id = Ids.uuidOrNull(r.getIdPart());
				if (id != null) {
					ids.add(id);
				}
			}
		}
		List<Practitioner> people = new ArrayList<>(directory.byIds(ids));
		if (!identifiers.getValuesAsQueryTokens().isEmpty()) {
			people.addAll(directory.byNationalIds(Ids.nationalIds(identifiers)));
		}
		List<PractitionerRole> roles = people.stream().distinct()
			.flatMap(p -> p.activities().stream().map(a -> resources.role(p, a))).toList();
		return paging.bundle(roles.stream().skip(paging.offset()).limit(paging.count()).toList(), roles.size());
	}
}
