package fr.maillage.oncall.web;

import static fr.maillage.platform.Access.AUTHENTICATED;
import static fr.maillage.platform.Access.CPTS_COORDINATOR;
import static fr.maillage.platform.Access.CPTS_MEMBER;
import static fr.maillage.platform.Access.PUBLIC;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class OnCallRoutes implements Route.Declarations {

	private static final String SLUG = "/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}";

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get(SLUG + "/garde", PUBLIC),
				Route.get(SLUG + "/garde/planning.pdf", PUBLIC),
				Route.get("/api/v1/cpts/{id}/oncall", PUBLIC),
				Route.get("/api/v1/cpts/{id}/oncall/gaps", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/rosters", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/rosters", CPTS_COORDINATOR),
				Route.get("/api/v1/rosters/{id}", AUTHENTICATED),
				Route.put("/api/v1/rosters/{id}", AUTHENTICATED),
				Route.get("/api/v1/rosters/{id}/shifts", AUTHENTICATED),
				Route.get("/api/v1/rosters/{id}/candidates", AUTHENTICATED),
				Route.post("/api/v1/rosters/{id}/months/{month}", AUTHENTICATED),
				Route.put("/api/v1/shifts/{id}/assignee", AUTHENTICATED),
				Route.post("/api/v1/swaps", AUTHENTICATED),
				Route.get("/api/v1/swaps/{id}", AUTHENTICATED),
				Route.post("/api/v1/swaps/{id}/accept", AUTHENTICATED),
				Route.post("/api/v1/swaps/{id}/refuse", AUTHENTICATED),
				Route.post("/api/v1/swaps/{id}/cancel", AUTHENTICATED),
				Route.get("/api/v1/me/swaps", AUTHENTICATED),
				Route.get("/cpts/{id}/gardes", CPTS_MEMBER),
				Route.post("/cpts/{id}/gardes", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/gardes/evenements", CPTS_MEMBER),
				Route.get("/cpts/{id}/gardes/{rosterId}", CPTS_MEMBER),
				Route.get("/cpts/{id}/gardes/{rosterId}/evenements", CPTS_MEMBER),
				Route.post("/cpts/{id}/gardes/{rosterId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/gardes/{rosterId}/mois", CPTS_MEMBER),
				Route.post("/cpts/{id}/gardes/{rosterId}/tour-de-role", CPTS_MEMBER),
				Route.post("/cpts/{id}/gardes/{rosterId}/delegation", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/gardes/tours/{shiftId}", CPTS_MEMBER),
				Route.get("/gardes", AUTHENTICATED),
				Route.post("/gardes/echanges", AUTHENTICATED),
				Route.post("/gardes/echanges/{swapId}/{decision}", AUTHENTICATED));
	}
}
