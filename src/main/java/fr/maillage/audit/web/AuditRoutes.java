package fr.maillage.audit.web;

import static fr.maillage.platform.Access.ADMIN;
import static fr.maillage.platform.Access.AUTHENTICATED;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

/** The audit log: administrators read all of it, coordinators their CPTS's part; others see nothing. */
@Component
class AuditRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get("/audit", AUTHENTICATED),
				Route.get("/audit/export.{format:csv|xlsx}", AUTHENTICATED),
				Route.get("/api/v1/audit", AUTHENTICATED),
				Route.get("/administration/audit", ADMIN),
				Route.get("/api/v1/audit/verification", ADMIN));
	}
}
