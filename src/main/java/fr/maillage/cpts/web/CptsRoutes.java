package fr.maillage.cpts.web;

import static fr.maillage.platform.Access.ADMIN;
import static fr.maillage.platform.Access.AUTHENTICATED;
import static fr.maillage.platform.Access.CPTS_COORDINATOR;
import static fr.maillage.platform.Access.CPTS_MEMBER;
import static fr.maillage.platform.Access.PUBLIC;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class CptsRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.post("/api/v1/cpts", ADMIN),
				Route.get("/api/v1/cpts", AUTHENTICATED),
				Route.get("/api/v1/cpts/{id}", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/territory", CPTS_MEMBER),
				Route.put("/api/v1/cpts/{id}/territory", CPTS_COORDINATOR),
				Route.post("/api/v1/cpts/{id}/territory/preview", CPTS_COORDINATOR),
				Route.post("/api/v1/cpts/{id}/invitations", CPTS_COORDINATOR),
				Route.get("/", AUTHENTICATED),
				Route.get("/cpts/nouvelle", ADMIN),
				Route.post("/cpts/nouvelle", ADMIN),
				Route.get("/cpts/{id}", CPTS_MEMBER),
				Route.post("/cpts/{id}/invitations", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/territoire", CPTS_MEMBER),
				Route.get("/cpts/{id}/territoire/contours", CPTS_MEMBER),
				Route.get("/cpts/{id}/territoire/export.csv", CPTS_MEMBER),
				Route.get("/cpts/{id}/territoire/export.xlsx", CPTS_MEMBER),
				Route.get("/cpts/{id}/territoire/carte.json", CPTS_MEMBER),
				Route.get("/cpts/{id}/territoire/modifier", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/territoire/apercu", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/territoire/apercu-epci", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/territoire", CPTS_COORDINATOR),
				Route.get("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}", PUBLIC),
				Route.get("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}/logo", PUBLIC),
				Route.get("/cpts/{id}/identite", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/identite", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/finess", CPTS_COORDINATOR));
	}
}
