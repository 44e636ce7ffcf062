package fr.maillage.notifications.web;

import static fr.maillage.platform.Access.ADMIN;
import static fr.maillage.platform.Access.AUTHENTICATED;

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
				Route.post("/api/v1/me/notifications/{id}/read", AUTHENTICATED),
				Route.get("/administration/envois", ADMIN),
				Route.post("/administration/envois/{id}/relance", ADMIN));
	}
}
