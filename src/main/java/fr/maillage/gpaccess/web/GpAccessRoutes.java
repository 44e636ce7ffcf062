package fr.maillage.gpaccess.web;

import static fr.maillage.platform.Access.CPTS_COORDINATOR;
import static fr.maillage.platform.Access.CPTS_MEMBER;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class GpAccessRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.post("/api/v1/cpts/{id}/gp-requests", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/gp-requests", CPTS_COORDINATOR),
				Route.get("/api/v1/cpts/{id}/gp-requests/indicators", CPTS_COORDINATOR),
				Route.get("/api/v1/cpts/{id}/gp-requests/{requestId}", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/gp-requests/{requestId}/answer", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/gp-requests/{requestId}/declare", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/gp-requests/{requestId}/withdraw", CPTS_COORDINATOR),
				Route.get("/api/v1/cpts/{id}/gp-capacities", CPTS_COORDINATOR),
				Route.put("/api/v1/cpts/{id}/gp-capacities/{practitionerId}", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/orientation", CPTS_COORDINATOR),
				Route.post("/api/v1/cpts/{id}/orientation/commit", CPTS_COORDINATOR),
				Route.get("/api/v1/cpts/{id}/gp-protocol", CPTS_MEMBER),
				Route.put("/api/v1/cpts/{id}/gp-protocol", CPTS_COORDINATOR),
				Route.put("/api/v1/cpts/{id}/gp-baseline", CPTS_COORDINATOR));
	}
}
