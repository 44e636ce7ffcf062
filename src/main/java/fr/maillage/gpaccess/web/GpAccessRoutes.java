package fr.maillage.gpaccess.web;

import static fr.maillage.platform.Access.CPTS_COORDINATOR;
import static fr.maillage.platform.Access.CPTS_MEMBER;
import static fr.maillage.platform.Access.PUBLIC;

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
				Route.put("/api/v1/cpts/{id}/gp-baseline", CPTS_COORDINATOR),
				Route.post("/api/v1/cpts/{id}/gp-requests/import", CPTS_COORDINATOR),
				Route.get("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}/medecin-traitant", PUBLIC),
				Route.post("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}/medecin-traitant", PUBLIC),
				Route.get("/cpts/{id}/medecin-traitant", CPTS_MEMBER),
				Route.get("/cpts/{id}/medecin-traitant/export.{format:csv|xlsx}", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/medecin-traitant/nouvelle", CPTS_MEMBER),
				Route.post("/cpts/{id}/medecin-traitant/nouvelle", CPTS_MEMBER),
				Route.get("/cpts/{id}/medecin-traitant/demandes/{requestId}", CPTS_MEMBER),
				Route.get("/cpts/{id}/medecin-traitant/demandes/{requestId}/courrier.pdf", CPTS_MEMBER),
				Route.post("/cpts/{id}/medecin-traitant/demandes/{requestId}/reponse", CPTS_MEMBER),
				Route.get("/cpts/{id}/medecin-traitant/demandes/{requestId}/modifier", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/medecin-traitant/demandes/{requestId}/modifier", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/medecin-traitant/demandes/{requestId}/declaration", CPTS_MEMBER),
				Route.post("/cpts/{id}/medecin-traitant/demandes/{requestId}/retrait", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/medecin-traitant/propositions", CPTS_MEMBER),
				Route.get("/cpts/{id}/medecin-traitant/capacites", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/medecin-traitant/capacites/{practitionerId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/medecin-traitant/capacites/{practitionerId}", CPTS_MEMBER),
				Route.get("/cpts/{id}/medecin-traitant/orientation", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/medecin-traitant/orientation", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/medecin-traitant/orientation/envoi", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/medecin-traitant/protocole", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/medecin-traitant/protocole", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/medecin-traitant/indicateurs", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/medecin-traitant/indicateurs/export.{format:csv|xlsx}", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/medecin-traitant/indicateurs/reference", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/medecin-traitant/import", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/medecin-traitant/import", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/medecin-traitant/import/confirmer", CPTS_COORDINATOR));
	}
}
