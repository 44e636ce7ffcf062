package fr.maillage.directory.web;

import static fr.maillage.platform.Access.ADMIN;
import static fr.maillage.platform.Access.AUTHENTICATED;
import static fr.maillage.platform.Access.CPTS_COORDINATOR;
import static fr.maillage.platform.Access.CPTS_MEMBER;
import static fr.maillage.platform.Access.PUBLIC;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class DirectoryRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.post("/api/v1/cpts/{id}/imports/rpps", CPTS_COORDINATOR),
				Route.post("/api/v1/imports/rpps", ADMIN),
				Route.post("/api/v1/cpts/{id}/imports/annuaire", CPTS_COORDINATOR),
				Route.post("/api/v1/imports/annuaire", ADMIN),
				Route.get("/api/v1/imports/{id}", AUTHENTICATED),
				Route.get("/api/v1/practitioners", AUTHENTICATED),
				Route.get("/annuaire", AUTHENTICATED),
				Route.get("/annuaire/export.csv", AUTHENTICATED),
				Route.get("/annuaire/export.xlsx", AUTHENTICATED),
				Route.get("/cpts/{id}/annuaire/import", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/annuaire/import", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/annuaire/import-api", CPTS_COORDINATOR),
				Route.get("/annuaire/imports/{id}", AUTHENTICATED),
				Route.get("/annuaire/professionnels/nouveau", AUTHENTICATED),
				Route.post("/annuaire/professionnels/nouveau", AUTHENTICATED),
				Route.get("/annuaire/professionnels/{id}", AUTHENTICATED),
				Route.post("/annuaire/professionnels/{id}", AUTHENTICATED),
				Route.get("/api/v1/organizations", AUTHENTICATED),
				Route.post("/api/v1/organizations", AUTHENTICATED),
				Route.get("/api/v1/organizations/{id}", AUTHENTICATED),
				Route.get("/annuaire/structures", AUTHENTICATED),
				Route.get("/annuaire/structures/nouvelle", AUTHENTICATED),
				Route.post("/annuaire/structures/nouvelle", AUTHENTICATED),
				Route.get("/annuaire/structures/{id}", AUTHENTICATED),
				Route.post("/annuaire/structures/{id}", AUTHENTICATED),
				Route.get("/cpts/{id}/annuaire.pdf", CPTS_MEMBER),
				Route.get("/cpts/{id}/partenariats", CPTS_MEMBER),
				Route.post("/cpts/{id}/partenariats", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/partenariats/export.csv", CPTS_MEMBER),
				Route.get("/cpts/{id}/partenariats/export.xlsx", CPTS_MEMBER),
				Route.get("/cpts/{id}/partenariats/{partnershipId}/convention", CPTS_MEMBER),
				Route.get("/compte/annuaire", AUTHENTICATED),
				Route.post("/compte/annuaire/revendication", AUTHENTICATED),
				Route.post("/compte/annuaire/retrait-demande", AUTHENTICATED),
				Route.get("/annuaire/rattachement/{secret}", PUBLIC),
				Route.post("/annuaire/rattachement/{secret}", PUBLIC),
				Route.get("/cpts/{id}/rattachements", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/rattachements/{linkId}/validation", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/rattachements/{linkId}/refus", CPTS_COORDINATOR),
				Route.post("/annuaire/professionnels/{id}/compte", AUTHENTICATED),
				Route.post("/annuaire/structures/{id}/equipe", AUTHENTICATED),
				Route.post("/annuaire/liens/{linkId}/fin", AUTHENTICATED),
				Route.get("/api/v1/me/directory", AUTHENTICATED),
				Route.post("/api/v1/me/directory/claims", AUTHENTICATED),
				Route.get("/api/v1/cpts/{id}/directory-claims", CPTS_COORDINATOR),
				Route.post("/api/v1/cpts/{id}/directory-claims/{linkId}/approve", CPTS_COORDINATOR),
				Route.post("/api/v1/cpts/{id}/directory-claims/{linkId}/refuse", CPTS_COORDINATOR),
				Route.put("/api/v1/practitioners/{id}/account", AUTHENTICATED),
				Route.post("/api/v1/organizations/{id}/staff", AUTHENTICATED),
				Route.delete("/api/v1/account-links/{id}", AUTHENTICATED),
				Route.get("/cpts/{id}/professions", CPTS_MEMBER),
				Route.get("/cpts/{id}/professions/export.csv", CPTS_MEMBER),
				Route.get("/cpts/{id}/professions/export.xlsx", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/profession-table", CPTS_MEMBER),
				Route.post("/annuaire/professionnels/{id}/engagement", AUTHENTICATED),
				Route.post("/annuaire/sollicitation", AUTHENTICATED),
				Route.post("/annuaire/structures/{id}/sites", AUTHENTICATED),
				Route.post("/annuaire/structures/{id}/sites/{siteId}/suppression", AUTHENTICATED),
				Route.post("/annuaire/structures/{id}/contacts", AUTHENTICATED),
				Route.post("/annuaire/structures/{id}/contacts/{contactId}/suppression", AUTHENTICATED));
	}
}
