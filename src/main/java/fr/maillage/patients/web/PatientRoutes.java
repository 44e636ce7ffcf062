package fr.maillage.patients.web;

import static fr.maillage.platform.Access.AUTHENTICATED;
import static fr.maillage.platform.Access.CPTS_COORDINATOR;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class PatientRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get("/api/v1/cpts/{id}/patients", CPTS_COORDINATOR),
				Route.get("/api/v1/patients/{id}/record", AUTHENTICATED),
				Route.post("/api/v1/patients/{id}/erasure", AUTHENTICATED),
				Route.get("/cpts/{id}/patients", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/patients/{patientId}", CPTS_COORDINATOR),
				Route.get("/cpts/{id}/patients/{patientId}/export.json", CPTS_COORDINATOR),
				Route.post("/cpts/{id}/patients/{patientId}/effacement", CPTS_COORDINATOR));
	}
}
