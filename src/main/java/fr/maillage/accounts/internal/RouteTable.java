package fr.maillage.accounts.internal;

import fr.maillage.platform.Route;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every module's declared routes, gathered: the authorisation table of the application. */
@Component
public class RouteTable {

	private final List<Route> routes;

	RouteTable(List<Route.Declarations> declarations) {
		List<Route> all = new ArrayList<>();
		declarations.forEach(d -> all.addAll(d.routes()));
		// the most specific pattern first, as Spring MVC chooses its handler: "/actuator" (administrators)
		// must be decided before the public page "/{slug}" that would also match it
		var parser = org.springframework.web.util.pattern.PathPatternParser.defaultInstance;
		all.sort((a, b) -> org.springframework.web.util.pattern.PathPattern.SPECIFICITY_COMPARATOR.compare(parser.parse(a.pattern()),
				parser.parse(b.pattern())));
		this.routes = List.copyOf(all);
	}

	public List<Route> all() {
		return routes;
	}
}
