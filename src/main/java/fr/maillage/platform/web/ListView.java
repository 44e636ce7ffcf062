package fr.maillage.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The state of one list page, shared by every list and its fragment {@code fragments/list}: the
 * words searched ({@code q}), the column sorted ({@code tri}, among the list's own keys) and its
 * direction ({@code ordre=desc}), the page ({@code page}, from 0). Links keep every other filter of
 * the current address, so sorting a filtered list or going to its next page keeps the filter; the
 * export of a list lives at its address followed by {@code /export.csv} or {@code /export.xlsx} and
 * takes the same filters and order, without the page.
 */
public final class ListView {

	private final String path;
	private final MultiValueMap<String, String> params;
	private final String q;
	private final String sort;
	private final boolean desc;
	private final int page;
	private final int size;
	private long total;
	private boolean exportable = true;

	private ListView(String path, MultiValueMap<String, String> params, String q, String sort, boolean desc, int page, int size) {
		this.path = path;
		this.params = params;
		this.q = q;
		this.sort = sort;
		this.desc = desc;
		this.page = page;
		this.size = size;
	}

	/**
	 * Reads the list's state from the request; an unknown sort key falls back to the default (an
	 * address edited by hand never fails), a negative page is the first.
	 */
	public static ListView of(HttpServletRequest request, Set<String> sortKeys, String defaultSort, boolean defaultDesc, int size) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals("_csrf")) {
				params.put(name, List.of(values));
			}
		});
		String asked = request.getParameter("tri");
		boolean known = asked != null && sortKeys.contains(asked);
		String sort = known ? asked : defaultSort;
		String order = request.getParameter("ordre");
		boolean desc = known ? "desc".equals(order) : (order == null ? defaultDesc : "desc".equals(order));
		String q = request.getParameter("q");
		int page = 0;
		try {
			page = Math.max(0, Integer.parseInt(request.getParameter("page") == null ? "0" : request.getParameter("page")));
		}
		catch (NumberFormatException ex) {
			page = 0;
		}
		String path = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
		return new ListView(path, params, q == null ? "" : q.strip(), sort, desc, page, Math.clamp(size, 1, 500));
	}

	/** The words searched, stripped; empty when none. */
	public String q() {
		return q;
	}

	/** The words searched as a SQL {@code ilike} pattern, or null when none. */
	public @Nullable String like() {
		return q.isEmpty() ? null : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	public String sort() {
		return sort;
	}

	public boolean desc() {
		return desc;
	}

	public int page() {
		return page;
	}

	public int size() {
		return size;
	}

	public long offset() {
		return (long) page * size;
	}

	public long total() {
		return total;
	}

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	/** Whether the reader may export the list (its exports are links of the summary). */
	public boolean exportable() {
		return exportable;
	}

	public ListView exportable(boolean allowed) {
		this.exportable = allowed;
		return this;
	}

	/** Records how many rows match, for the count and the pagination. */
	public ListView total(long total) {
		this.total = total;
		return this;
	}

	/**
	 * Filters, sorts and cuts a list held in memory (the members of one CPTS, a year's fees):
	 * records the total, returns the current page. Ties keep the list's own order.
	 */
	public <T> List<T> apply(List<T> all, Predicate<T> matches, Map<String, Comparator<T>> comparators) {
		List<T> kept = all.stream().filter(matches).toList();
		Comparator<T> order = comparators.get(sort);
		if (order != null) {
			kept = kept.stream().sorted(desc ? order.reversed() : order).toList();
		}
		total = kept.size();
		return kept.stream().skip(offset()).limit(size).toList();
	}

	/** The link of a column's header: ascending first, then the other way; back to the first page. */
	public String sortHref(String key) {
		boolean nextDesc = key.equals(sort) && !desc;
		return href(path, Map.of("tri", key, "ordre", nextDesc ? "desc" : "asc"), true);
	}

	/** {@code aria-sort} of a column's header: what a screen reader says, and what draws the arrow. */
	public String ariaSort(String key) {
		return !key.equals(sort) ? "none" : desc ? "descending" : "ascending";
	}

	public String pageHref(int target) {
		return href(path, Map.of("page", Integer.toString(target)), false);
	}

	/**
	 * The same list with some parameters changed, back to its first page: {@code with("view",
	 * "carte")}; an empty value removes the parameter.
	 */
	public String with(String... namesAndValues) {
		Map<String, String> replaced = new java.util.LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			replaced.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return href(path, replaced, true);
	}

	/** The export of the list in {@code csv} or {@code xlsx}: every row that matches, in the same order. */
	public String exportHref(String format) {
		return href(path + "/export." + format, Map.of(), true);
	}

	private String href(String target, Map<String, String> replaced, boolean firstPage) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(target);
		params.forEach((name, values) -> {
			if (!replaced.containsKey(name) && !(firstPage && name.equals("page")) && !values.stream().allMatch(String::isEmpty)) {
				builder.queryParam(name, values.toArray());
			}
		});
		replaced.forEach((name, value) -> {
			if (!value.isEmpty()) {
				builder.queryParam(name, value);
			}
		});
		return builder.encode().build().toUriString();
	}
}
