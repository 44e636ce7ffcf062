package fr.maillage.platform.web;

import static fr.maillage.platform.Access.ADMIN;
import static fr.maillage.platform.Access.PUBLIC;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

/** Static files, errors, language, API documentation and operators' endpoints. */
@Component
class PlatformRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get("/webjars/**", PUBLIC),
				Route.get("/assets/**", PUBLIC),
				Route.get("/favicon.ico", PUBLIC),
				Route.any("/error", PUBLIC),
				Route.post("/langue", PUBLIC),
				Route.get("/actuator/health", PUBLIC),
				Route.get("/actuator/health/**", PUBLIC),
				Route.get("/actuator", ADMIN),
				Route.get(JobsController.PATH, ADMIN),
				Route.get("/actuator/info", ADMIN),
				Route.get("/actuator/prometheus", ADMIN),
				Route.get("/api/docs", PUBLIC),
				Route.get("/api/docs/**", PUBLIC),
				Route.get("/swagger-ui/**", PUBLIC));
	}
}
