package fr.maillage.pathways.web;

import static fr.maillage.platform.Access.AUTHENTICATED;
import static fr.maillage.platform.Access.CPTS_COORDINATOR;
import static fr.maillage.platform.Access.CPTS_MEMBER;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class PathwayRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get("/api/v1/cpts/{id}/pathway-templates", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/pathway-templates", CPTS_COORDINATOR),
				Route.post("/api/v1/cpts/{id}/pathway-templates/examples", CPTS_COORDINATOR),
				Route.get("/api/v1/pathway-templates/{id}", AUTHENTICATED),
				Route.put("/api/v1/pathway-templates/{id}", AUTHENTICATED),
				Route.post("/api/v1/pathway-enrolments", AUTHENTICATED),
				Route.get("/api/v1/pathway-enrolments/{id}", AUTHENTICATED),
				Route.get("/api/v1/pathway-enrolments/{id}/schedule", AUTHENTICATED),
				Route.post("/api/v1/pathway-enrolments/{id}/circle", AUTHENTICATED),
				Route.delete("/api/v1/pathway-enrolments/{id}/circle/{memberId}", AUTHENTICATED),
				Route.post("/api/v1/pathway-enrolments/{id}/migrate", AUTHENTICATED),
				Route.post("/api/v1/pathway-enrolments/{id}/end", AUTHENTICATED),
				Route.post("/api/v1/pathway-steps/{id}/done", AUTHENTICATED),
				Route.get("/api/v1/me/tasks", AUTHENTICATED),
				Route.get("/api/v1/cpts/{id}/pathway-enrolments", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/pathways/indicators", CPTS_COORDINATOR),
				Route.get("/api/v1/cpts/{id}/pathways/ruptures", CPTS_COORDINATOR),
				Route.post("/api/v1/admin/jobs/pathway-ruptures", fr.maillage.platform.Access.ADMIN),
				Route.get("/cpts/{id}/parcours", CPTS_MEMBER),
				Route.post("/cpts/{id}/parcours/exemples", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/parcours/modeles/nouveau", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/parcours/modeles/nouveau", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/parcours/modeles/{templateId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/parcours/modeles/{templateId}", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/parcours/inclure", CPTS_MEMBER),
				Route.post("/cpts/{id}/parcours/inclure", CPTS_MEMBER),
				Route.get("/cpts/{id}/parcours/indicateurs", CPTS_COORDINATOR),
				Route.get("/parcours/inclusions/{id}", AUTHENTICATED),
				Route.post("/parcours/inclusions/{id}/cercle", AUTHENTICATED),
				Route.post("/parcours/inclusions/{id}/cercle/{memberId}/retrait", AUTHENTICATED),
				Route.post("/parcours/inclusions/{id}/migration", AUTHENTICATED),
				Route.post("/parcours/inclusions/{id}/conversation", AUTHENTICATED),
				Route.post("/parcours/inclusions/{id}/compte-rendu", AUTHENTICATED),
				Route.post("/parcours/inclusions/{id}/fin", AUTHENTICATED),
				Route.post("/parcours/etapes/{id}/fait", AUTHENTICATED),
				Route.get("/taches", AUTHENTICATED),
				Route.get("/api/v1/cpts/{id}/decision-trees", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/decision-trees", CPTS_COORDINATOR),
				Route.post("/api/v1/cpts/{id}/decision-trees/example", CPTS_COORDINATOR),
				Route.get("/api/v1/decision-trees/{id}", AUTHENTICATED),
				Route.put("/api/v1/decision-trees/{id}", AUTHENTICATED),
				Route.post("/api/v1/decision-trees/{id}/runs", AUTHENTICATED),
				Route.get("/api/v1/pathway-enrolments/{id}/decision-runs", AUTHENTICATED),
				Route.get("/cpts/{id}/logigrammes", CPTS_MEMBER),
				Route.post("/cpts/{id}/logigrammes/exemple", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/logigrammes/nouveau", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/logigrammes/nouveau", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/logigrammes/{treeId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/logigrammes/{treeId}", CPTS_COORDINATOR),
				Route.get("/logigrammes/{treeId}/parcourir", AUTHENTICATED),
				Route.post("/logigrammes/{treeId}/parcourir", AUTHENTICATED),
				Route.get("/logigrammes/{treeId}/imprimer", AUTHENTICATED));
	}
}
