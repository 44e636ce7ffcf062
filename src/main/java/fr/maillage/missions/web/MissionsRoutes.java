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
				Route.get("/api/v1/cpts/{id}/action-sheets", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/action-sheets", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/action-sheets/{sheetId}", CPTS_MEMBER),
				Route.put("/api/v1/cpts/{id}/action-sheets/{sheetId}", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/action-sheets/{sheetId}/transitions", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/action-sheets/{sheetId}/versions", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/action-sheets/{sheetId}/copy", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/own-missions", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/own-missions", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/fiches", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/fiches", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/fiches/nouvelle", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/fiches/{sheetId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/fiches/{sheetId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/fiches/{sheetId}/statut", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/fiches/{sheetId}/copie", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/missions-propres", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/budget", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/budget/lines", CPTS_MEMBER),
				Route.put("/api/v1/cpts/{id}/budget/lines/{lineId}", CPTS_MEMBER),
				Route.delete("/api/v1/cpts/{id}/budget/lines/{lineId}", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/budget/close", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/budget/mapping", CPTS_MEMBER),
				Route.put("/api/v1/cpts/{id}/budget/mapping", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/budget/fec", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/budget/export.csv", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/budget/export.xlsx", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/budget", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/budget/lignes", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/budget/lignes/{lineId}/suppression", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/budget/cloture", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/budget/fec", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/budget/correspondances", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/budget/correspondances/suppression", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/budget/export.csv", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/budget/export.xlsx", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/rapport", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/rapport", CPTS_MEMBER),
				Route.post("/cpts/{id}/contrat/rapport/{reportId}/envoi", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/rapport/{reportId}.pdf", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/rapport/{reportId}.xlsx", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/projet-de-sante.docx", CPTS_MEMBER),
				Route.get("/cpts/{id}/contrat/projet-de-sante.pdf", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/aci-report", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/aci-report", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/aci-report/{reportId}.pdf", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/aci-report/{reportId}.xlsx", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/aci-report/{reportId}/sent", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/projet-de-sante.docx", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/projet-de-sante.pdf", CPTS_MEMBER),
				Route.post("/api/v1/admin/jobs/indicator-snapshots", ADMIN),
				Route.get("/administration/aci", ADMIN),
				Route.post("/administration/aci", ADMIN));
	}
}
