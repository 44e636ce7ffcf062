package fr.maillage.crisis.web;

import static fr.maillage.platform.Access.AUTHENTICATED;
import static fr.maillage.platform.Access.CPTS_MEMBER;

import fr.maillage.platform.Bulkhead;
import fr.maillage.platform.Route;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** The crisis module's routes: a CPTS's hub and plan (members, the services check the cell), a crisis's pages and the recipients' answers. */
@Component
class CrisisRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get("/cpts/{id}/crise", CPTS_MEMBER),
				Route.post("/cpts/{id}/crise/competences", CPTS_MEMBER),
				Route.post("/cpts/{id}/crise/activation", CPTS_MEMBER),
				Route.get("/cpts/{id}/crise/plan", CPTS_MEMBER),
				Route.post("/cpts/{id}/crise/plan", CPTS_MEMBER),
				Route.get("/cpts/{id}/crise/plan.pdf", CPTS_MEMBER),
				Route.get("/crises/{crisisId}", AUTHENTICATED),
				Route.post("/crises/{crisisId}/alertes", AUTHENTICATED),
				Route.get("/crises/{crisisId}/alertes/{alertId}", AUTHENTICATED),
				Route.post("/crises/{crisisId}/alertes/{alertId}/cloture", AUTHENTICATED),
				Route.post("/crises/{crisisId}/conversation", AUTHENTICATED),
				Route.post("/crises/{crisisId}/patients-suivis", AUTHENTICATED),
				Route.post("/crises/{crisisId}/cloture", AUTHENTICATED),
				Route.post("/crises/{crisisId}/main-courante", AUTHENTICATED),
				Route.post("/crises/{crisisId}/sites", AUTHENTICATED),
				Route.get("/crises/sites/{siteId}", AUTHENTICATED),
				Route.post("/crises/sites/{siteId}/creneaux", AUTHENTICATED),
				Route.post("/crises/sites/{siteId}/trous", AUTHENTICATED),
				Route.get("/crises/sites/{siteId}/planning.csv", AUTHENTICATED),
				Route.get("/crises/sites/{siteId}/planning.pdf", AUTHENTICATED),
				Route.post("/crises/creneaux/{shiftId}/inscription", AUTHENTICATED),
				Route.post("/crises/creneaux/{shiftId}/retrait", AUTHENTICATED),
				Route.post("/crises/creneaux/{shiftId}/comptes", AUTHENTICATED),
				Route.post("/crises/creneaux/{shiftId}/echange", AUTHENTICATED),
				Route.post("/crises/creneaux/{shiftId}/reprise", AUTHENTICATED),
				Route.get("/api/v1/crises/{crisisId}/sites/{siteId}/shifts", AUTHENTICATED),
				Route.post("/api/v1/crises/{crisisId}/sites/{siteId}/shifts", AUTHENTICATED),
				Route.get("/crises/{crisisId}/main-courante.pdf", AUTHENTICATED),
				Route.get("/crises/main-courante/pieces/{attachmentId}", AUTHENTICATED),
				Route.get("/api/v1/crises/log/attachments/{attachmentId}", AUTHENTICATED),
				Route.get("/api/v1/crises/{crisisId}/log", AUTHENTICATED),
				Route.post("/api/v1/crises/{crisisId}/log", AUTHENTICATED),
				Route.get("/crises/alertes/{alertId}", AUTHENTICATED),
				Route.post("/crises/alertes/{alertId}/reponse", AUTHENTICATED),
				Route.get("/api/v1/cpts/{id}/crisis-plan", CPTS_MEMBER),
				Route.put("/api/v1/cpts/{id}/crisis-plan", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/crises", CPTS_MEMBER),
				Route.post("/api/v1/crises/{crisisId}/alerts", AUTHENTICATED),
				Route.post("/api/v1/crises/{crisisId}/alerts/{alertId}/answer", AUTHENTICATED),
				Route.get("/api/v1/crises/{crisisId}/availability", AUTHENTICATED),
				Route.post("/api/v1/crises/{crisisId}/close", AUTHENTICATED));
	}

	/**
	 * The answers to an alert come in storms (25,000 in a minute): a few at a time reach the
	 * application, so the cell's board and everyone else keep their database connections.
	 */
	@Bean
	Bulkhead crisisAnswers(@Value("${maillage.crisis.answers-at-once}") int permits) {
		return new Bulkhead("crisis-answers", List.of("/api/v1/crises/{crisisId}/alerts/{alertId}/answer", "/crises/alertes/{alertId}/reponse"),
				permits, Duration.ofSeconds(30));
	}
}
