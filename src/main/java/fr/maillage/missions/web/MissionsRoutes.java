package fr.maillage.missions.web;

import static fr.maillage.platform.Access.ADMIN;
import static fr.maillage.platform.Access.AUTHENTICATED;
import static fr.maillage.platform.Access.CPTS_MEMBER;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

/** The contract's routes; coordination or board (a current mandate) is checked by the services. */
@Component
class MissionsRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get("/api/v1/cpts/{id}/contract", CPTS_MEMBER),
				Route.put("/api/v1/cpts/{id}/contract", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/contract/payments", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/contract/dialogues", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/missions", CPTS_MEMBER),
				Route.get("/api/v1/indicators/offered", AUTHENTICATED),
				Route.get("/api/v1/cpts/{id}/indicators", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/indicators", CPTS_MEMBER),
				Route.put("/api/v1/cpts/{id}/indicators/{indicatorId}", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/indicators/{indicatorId}/values", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/versements", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/dialogue", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/indicateurs", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/indicateurs", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/indicateurs/{indicatorId}/valeurs", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/justificatifs/{valueId}", CPTS_MEMBER),
				Route.get("/administration/aci", ADMIN),
				Route.post("/administration/aci", ADMIN));
	}
}
