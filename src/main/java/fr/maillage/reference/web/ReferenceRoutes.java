package fr.maillage.reference.web;

import static fr.maillage.platform.Access.ADMIN;
import static fr.maillage.platform.Access.AUTHENTICATED;
import static fr.maillage.platform.Access.PUBLIC;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class ReferenceRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get("/api/v1/communes", AUTHENTICATED),
				Route.get("/api/v1/epci", AUTHENTICATED),
				Route.get("/communes/recherche", AUTHENTICATED),
				Route.get("/communes/contours", PUBLIC),
				Route.get("/administration/reference", ADMIN),
				Route.post("/administration/reference/coordonnees", ADMIN),
				Route.post("/administration/reference/contours", ADMIN),
				Route.post("/administration/reference/coordonnees/confirmer", ADMIN),
				Route.post("/administration/reference/paquet", ADMIN),
				Route.post("/administration/reference/paquet/confirmer", ADMIN),
				Route.post("/api/v1/reference/coordinates", ADMIN));
	}
}
