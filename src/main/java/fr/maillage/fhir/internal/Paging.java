package fr.maillage.fhir.internal;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jspecify.annotations.Nullable;

/**
 * A page of a search: {@code _count} capped at {@link #MAX}, {@code _offset} at {@link #MAX_OFFSET}
 * and aligned on a page; the bundle carries the total and HAPI writes the links.
 */
record Paging(int count, int offset) {

	static final int DEFAULT = 20;
	static final int MAX = 100;
	static final int MAX_OFFSET = 10_000;

	/** Marks a resource an include brings, so that its bundle entry says so. */
	static <T extends IBaseResource> T included(T resource) {
		ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(resource, BundleEntrySearchModeEnum.INCLUDE);
		return resource;
	}

	/** Marks whole results (searches that return everything at once) as matches. */
	static <T extends IBaseResource> List<T> matches(List<T> resources) {
		resources.forEach(r -> ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.MATCH));
		return resources;
	}

	static Paging of(@Nullable Integer count, @Nullable Integer offset) {
		int c = count == null ? DEFAULT : Math.clamp(count, 1, MAX);
		int o = offset == null ? 0 : Math.clamp(offset, 0, MAX_OFFSET);
		// the directory pages by page number: an offset inside a page starts at that page, and the bundle says so
		return new Paging(c, o - o % c);
	}

	int page() {
		return offset / count;
	}

	SimpleBundleProvider bundle(List<? extends IBaseResource> resources, long total) {
		resources.forEach(r -> ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.MATCH));
		SimpleBundleProvider bundle = new SimpleBundleProvider(resources);
		bundle.setSize((int) Math.min(total, Integer.MAX_VALUE));
		bundle.setCurrentPageOffset(offset);
		bundle.setCurrentPageSize(count);
		return bundle;
	}
}
