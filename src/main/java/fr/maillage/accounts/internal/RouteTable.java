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
		this.routes = List.copyOf(all);
	}

	public List<Route> all() {
		return routes;
	}
}
