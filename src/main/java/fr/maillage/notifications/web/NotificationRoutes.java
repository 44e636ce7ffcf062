package fr.maillage.notifications.web;

import static fr.maillage.platform.Access.ADMIN;
import static fr.maillage.platform.Access.AUTHENTICATED;
import static fr.maillage.platform.Access.CPTS_COORDINATOR;
import static fr.maillage.platform.Access.PUBLIC;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class NotificationRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get("/live", AUTHENTICATED),
				Route.get("/notifications", AUTHENTICATED),
				Route.get("/notifications/compteur", AUTHENTICATED),
				Route.get("/notifications/preferences", AUTHENTICATED),
				Route.post("/notifications/preferences", AUTHENTICATED),
				Route.post("/notifications/tout-lu", AUTHENTICATED),
				Route.get("/notifications/{id}", AUTHENTICATED),
				Route.get("/api/v1/me/notifications", AUTHENTICATED),
				Route.get("/api/v1/live", AUTHENTICATED),
				Route.post("/api/v1/me/notifications/{id}/read", AUTHENTICATED),
				Route.get("/administration/envois", ADMIN),
				Route.post("/administration/envois/{id}/relance", ADMIN),
				Route.get("/cpts/{id}/annonces", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/annonces/nouvelle", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/annonces/nouvelle", CPTS_COORDINATOR),
				Route.get("/annonces/{id}/suivi", AUTHENTICATED),
				Route.post("/annonces/{id}/relance", AUTHENTICATED),
				Route.get("/annonces/{id}", AUTHENTICATED),
				Route.post("/annonces/{id}/lu", AUTHENTICATED),
				Route.post("/annonces/{id}/disponibilite", AUTHENTICATED),
				Route.get("/annonces/accuse/{secret}", PUBLIC),
				Route.post("/annonces/accuse/{secret}", PUBLIC),
				Route.post("/api/v1/cpts/{id}/announcements", CPTS_COORDINATOR),
				Route.get("/api/v1/announcements/{id}/acknowledgements", AUTHENTICATED));
	}
}
