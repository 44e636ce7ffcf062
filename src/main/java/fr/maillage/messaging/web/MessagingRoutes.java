package fr.maillage.messaging.web;

import static fr.maillage.platform.Access.AUTHENTICATED;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class MessagingRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get("/messages", AUTHENTICATED),
				Route.post("/messages/direct", AUTHENTICATED),
				Route.post("/messages/groupe", AUTHENTICATED),
				Route.get("/messages/{id}", AUTHENTICATED),
				Route.post("/messages/{id}", AUTHENTICATED),
				Route.post("/messages/{id}/quitter", AUTHENTICATED),
				Route.get("/messages/pieces/{attachmentId}/{token}", AUTHENTICATED),
				Route.get("/api/v1/me/conversations", AUTHENTICATED),
				Route.post("/api/v1/conversations", AUTHENTICATED),
				Route.get("/api/v1/conversations/{id}/messages", AUTHENTICATED),
				Route.post("/api/v1/conversations/{id}/messages", AUTHENTICATED));
	}
}
