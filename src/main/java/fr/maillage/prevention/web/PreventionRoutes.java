package fr.maillage.prevention.web;

import static fr.maillage.platform.Access.CPTS_MEMBER;
import static fr.maillage.platform.Access.PUBLIC;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

/** Prevention's routes: the organisers' (coordination, checked by the services) and the public ones. */
@Component
class PreventionRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get("/cpts/{id}/etp", CPTS_MEMBER),
				Route.post("/cpts/{id}/etp", CPTS_MEMBER),
				Route.get("/cpts/{id}/etp/{programmeId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/etp/{programmeId}/statut", CPTS_MEMBER),
				Route.post("/cpts/{id}/etp/{programmeId}/seances", CPTS_MEMBER),
				Route.get("/cpts/{id}/etp/{programmeId}/inclure", CPTS_MEMBER),
				Route.post("/cpts/{id}/etp/{programmeId}/inclure", CPTS_MEMBER),
				Route.get("/cpts/{id}/etp/{programmeId}/seances/{sessionId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/etp/{programmeId}/seances/{sessionId}/presences", CPTS_MEMBER),
				Route.get("/cpts/{id}/campagnes", CPTS_MEMBER),
				Route.post("/cpts/{id}/campagnes", CPTS_MEMBER),
				Route.get("/cpts/{id}/campagnes/{campaignId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/campagnes/{campaignId}/actions", CPTS_MEMBER),
				Route.post("/cpts/{id}/campagnes/{campaignId}/actions/{actionId}/resultats", CPTS_MEMBER),
				Route.get("/cpts/{id}/campagnes/{campaignId}/affiche.pdf", CPTS_MEMBER),
				Route.get("/cpts/{id}/campagnes/{campaignId}/actions.csv", CPTS_MEMBER),
				Route.get("/cpts/{id}/campagnes/{campaignId}/actions.xlsx", CPTS_MEMBER),
				Route.post("/cpts/{id}/campagnes/{campaignId}/supports", CPTS_MEMBER),
				Route.post("/cpts/{id}/campagnes/{campaignId}/supports/{documentId}/retrait", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/campaigns", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/campaigns", CPTS_MEMBER),
				Route.get("/api/v1/campaigns/{campaignId}", fr.maillage.platform.Access.AUTHENTICATED),
				Route.post("/api/v1/campaigns/{campaignId}/actions", fr.maillage.platform.Access.AUTHENTICATED),
				Route.put("/api/v1/campaign-actions/{actionId}/results", fr.maillage.platform.Access.AUTHENTICATED),
				Route.get("/api/v1/prevention/themes", PUBLIC),
				Route.put("/api/v1/prevention/themes/{code}", fr.maillage.platform.Access.ADMIN),
				Route.get("/prevention/mon-offre", fr.maillage.platform.Access.AUTHENTICATED),
				Route.post("/prevention/mon-offre", fr.maillage.platform.Access.AUTHENTICATED),
				Route.post("/prevention/mon-offre/arret", fr.maillage.platform.Access.AUTHENTICATED),
				Route.post("/prevention/mon-offre/mois", fr.maillage.platform.Access.AUTHENTICATED),
				Route.get("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}/bilan-prevention", PUBLIC),
				Route.get("/api/v1/prevention/consultations", PUBLIC),
				Route.get("/cpts/{id}/evenements", CPTS_MEMBER),
				Route.post("/cpts/{id}/evenements", CPTS_MEMBER),
				Route.get("/cpts/{id}/evenements/{eventId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/evenements/{eventId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/evenements/{eventId}/statut", CPTS_MEMBER),
				Route.post("/cpts/{id}/evenements/{eventId}/presences/{registrationId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/evenements/{eventId}/inscriptions/{registrationId}/annulation", CPTS_MEMBER),
				Route.get("/cpts/{id}/evenements/{eventId}/emargement.pdf", CPTS_MEMBER),
				Route.get("/cpts/{id}/evenements/{eventId}/pointage/{registrationId}", CPTS_MEMBER),
				Route.get("/cpts/{id}/evenements/{eventId}/attestations/{registrationId}.pdf", CPTS_MEMBER),
				Route.get("/cpts/{id}/evenements/{eventId}/inscrits.csv", CPTS_MEMBER),
				Route.get("/cpts/{id}/evenements/{eventId}/inscrits.xlsx", CPTS_MEMBER),
				Route.get("/evenements/{eventId}", PUBLIC),
				Route.post("/evenements/{eventId}/inscription", PUBLIC),
				Route.get("/inscriptions/{registrationId}", PUBLIC),
				Route.post("/inscriptions/{registrationId}/annulation", PUBLIC),
				Route.get("/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}/agenda", PUBLIC),
				Route.get("/api/v1/cpts/{id}/events", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/events", CPTS_MEMBER),
				Route.get("/api/v1/events/{eventId}", fr.maillage.platform.Access.AUTHENTICATED),
				Route.put("/api/v1/events/{eventId}", fr.maillage.platform.Access.AUTHENTICATED),
				Route.get("/api/v1/events/{eventId}/registrations", fr.maillage.platform.Access.AUTHENTICATED),
				Route.post("/api/v1/events/{eventId}/registrations", PUBLIC),
				Route.delete("/api/v1/events/{eventId}/registrations/{registrationId}", PUBLIC),
				Route.post("/api/v1/events/{eventId}/attendance", fr.maillage.platform.Access.AUTHENTICATED),
				Route.get("/api/v1/cpts/{id}/events.ics", PUBLIC));
	}
}
