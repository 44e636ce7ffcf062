package fr.maillage.unscheduledcare.web;

import static fr.maillage.platform.Access.AUTHENTICATED;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class SnpRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.post("/api/v1/slots", AUTHENTICATED),
				Route.post("/api/v1/absences", AUTHENTICATED),
				Route.get("/api/v1/me/slot-rules", AUTHENTICATED),
				Route.post("/api/v1/slot-rules/{id}/withdraw", AUTHENTICATED),
				Route.post("/soins-non-programmes/regles/{id}/retrait", AUTHENTICATED),
				Route.get("/api/v1/me/slots", AUTHENTICATED),
				Route.post("/api/v1/slots/{id}/withdraw", AUTHENTICATED),
				Route.post("/soins-non-programmes/creneaux/{id}/retrait", AUTHENTICATED),
				Route.post("/soins-non-programmes/absences", AUTHENTICATED),
				Route.get("/api/v1/slots/search", AUTHENTICATED),
				Route.get("/api/v1/slots/of-professionals", AUTHENTICATED),
				Route.get("/api/v1/cpts/{id}/unscheduled-care/indicators", fr.maillage.platform.Access.CPTS_COORDINATOR),
				Route.get("/cpts/{id}/soins-non-programmes/indicateurs", fr.maillage.platform.Access.CPTS_COORDINATOR),
				Route.get("/cpts/{id}/soins-non-programmes/indicateurs/export.{format:csv|xlsx}", fr.maillage.platform.Access.CPTS_COORDINATOR),
				Route.post("/api/v1/slots/{id}/booking", AUTHENTICATED),
				Route.get("/api/v1/bookings/{id}", AUTHENTICATED),
				Route.post("/api/v1/bookings/{id}/cancel", AUTHENTICATED),
				Route.post("/api/v1/bookings/{id}/outcome", AUTHENTICATED),
				Route.get("/api/v1/me/bookings", AUTHENTICATED),
				Route.get("/api/v1/me/slot-bookings", AUTHENTICATED),
				Route.get("/soins-non-programmes", AUTHENTICATED),
				Route.get("/soins-non-programmes/creneaux/{id}/reserver", AUTHENTICATED),
				Route.post("/soins-non-programmes/creneaux/{id}/reserver", AUTHENTICATED),
				Route.get("/soins-non-programmes/mes-reservations", AUTHENTICATED),
				Route.get("/soins-non-programmes/mes-creneaux", AUTHENTICATED),
				Route.get("/soins-non-programmes/mes-creneaux/evenements", AUTHENTICATED),
				Route.post("/soins-non-programmes/reservations/{id}/issue", AUTHENTICATED),
				Route.post("/soins-non-programmes/reservations/{id}/annulation", AUTHENTICATED),
				Route.get("/soins-non-programmes/publier", AUTHENTICATED),
				Route.post("/soins-non-programmes/publier", AUTHENTICATED));
	}
}
