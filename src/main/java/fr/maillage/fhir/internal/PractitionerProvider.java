package fr.maillage.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.maillage.directory.DirectorySearch;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Professionals of the directory: read, and search by national identifier or by name (any signed-in user, as in the application). */
@Component
class PractitionerProvider implements IResourceProvider {

	private final DirectorySearch directory;
	private final DirectoryResources resources;

	PractitionerProvider(DirectorySearch directory, DirectoryResources resources) {
		this.directory = directory;
		this.resources = resources;
	}

	@Override
	public Class<Practitioner> getResourceType() {
		return Practitioner.class;
	}

	@Read
	public Practitioner read(@IdParam IdType id) {
		return directory.byId(Ids.uuid(id)).map(resources::practitioner).orElseThrow(() -> Ids.notFound(id));
	}

	/** {@code identifier} (IDNPS "8…"/"0…" or RPPS), {@code name} (words of the name), {@code family}, {@code given}. */
	@Search
	public IBundleProvider search(@OptionalParam(name = Practitioner.SP_IDENTIFIER) @Nullable TokenOrListParam identifier,
			@OptionalParam(name = Practitioner.SP_NAME) @Nullable StringParam name,
			@OptionalParam(name = Practitioner.SP_FAMILY) @Nullable StringParam family,
			@OptionalParam(name = Practitioner.SP_GIVEN) @Nullable StringParam given,
			@Count @Nullable Integer count, @Offset @Nullable Integer offset) {
		Paging paging = Paging.of(count, offset);
		if (identifier != null) {
			List<fr.maillage.directory.Practitioner> found = directory.byNationalIds(Ids.nationalIds(identifier));
			List<Practitioner> out = found.stream().skip(paging.offset()).limit(paging.count()).map(resources::practitioner).toList();
			return paging.bundle(out, found.size());
		}
		List<String> words = new ArrayList<>();
		for (StringParam p : new StringParam[] {name, family, given}) {
			if (p != null && !p.getValue().isBlank()) {
				words.add(p.getValue().strip());
			}
		}
		DirectorySearch.Page page = directory.practitioners(new DirectorySearch.Query(words.isEmpty() ? null : String.join(" ", words), null, null,
				null, paging.page(), paging.count()));
		return paging.bundle(page.items().stream().map(resources::practitioner).toList(), page.total());
	}
}
