package fr.maillage.association.web;

import static fr.maillage.platform.Access.AUTHENTICATED;
import static fr.maillage.platform.Access.CPTS_MEMBER;
import static fr.maillage.platform.Access.PUBLIC;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

/** The association's routes; board access (a current mandate in the bureau or council, or coordinator) is checked by the services. */
@Component
class AssociationRoutes implements Route.Declarations {

	static final String SLUG = "/{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}";

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get("/api/v1/cpts/{id}/colleges", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/colleges", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/members", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/members", CPTS_MEMBER),
				Route.put("/api/v1/members/{id}", AUTHENTICATED),
				Route.get("/api/v1/me/memberships", AUTHENTICATED),
				Route.get("/api/v1/cpts/{id}/membership-applications", CPTS_MEMBER),
				Route.post("/api/v1/membership-applications/{id}/accept", AUTHENTICATED),
				Route.post("/api/v1/membership-applications/{id}/refuse", AUTHENTICATED),
				Route.get("/api/v1/cpts/{id}/fees/rates", CPTS_MEMBER),
				Route.put("/api/v1/cpts/{id}/fees/rates", CPTS_MEMBER),
				Route.post("/api/v1/members/{id}/payments", AUTHENTICATED),
				Route.get("/api/v1/members/{id}/payments", AUTHENTICATED),
				Route.post("/api/v1/payments/{id}/cancel", AUTHENTICATED),
				Route.get("/api/v1/payments/{id}/receipt.pdf", AUTHENTICATED),
				Route.get("/api/v1/cpts/{id}/fees/statement", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/fees/standings", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/fees/reminders", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/bodies", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/bodies", CPTS_MEMBER),
				Route.get("/api/v1/bodies/{id}/mandates", AUTHENTICATED),
				Route.post("/api/v1/bodies/{id}/mandates", AUTHENTICATED),
				Route.post("/api/v1/mandates/{id}/end", AUTHENTICATED),
				Route.get("/api/v1/bodies/{id}/renewal", AUTHENTICATED),
				Route.get("/api/v1/cpts/{id}/meetings", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/meetings", CPTS_MEMBER),
				Route.post("/api/v1/meetings/{id}/invitees", AUTHENTICATED),
				Route.post("/api/v1/meetings/{id}/convene", AUTHENTICATED),
				Route.post("/api/v1/meetings/{id}/replies", AUTHENTICATED),
				Route.post("/api/v1/meetings/{id}/attendance", AUTHENTICATED),
				Route.get("/api/v1/meetings/{id}/attendance", AUTHENTICATED),
				Route.post("/api/v1/meetings/{id}/resolutions", AUTHENTICATED),
				Route.get("/api/v1/meetings/{id}/resolutions", AUTHENTICATED),
				Route.post("/api/v1/resolutions/{id}/ballots", AUTHENTICATED),
				Route.put("/api/v1/meetings/{id}/minutes", AUTHENTICATED),
				Route.post("/api/v1/meetings/{id}/minutes/publish", AUTHENTICATED),
				Route.get("/api/v1/meetings/{id}/minutes.pdf", AUTHENTICATED),
				Route.get("/cpts/{id}/adherents", CPTS_MEMBER),
				Route.get("/cpts/{id}/adherents/export.{format:csv|xlsx}", CPTS_MEMBER),
				Route.post("/cpts/{id}/adherents", CPTS_MEMBER),
				Route.post("/cpts/{id}/adhesions/{applicationId}/refus", CPTS_MEMBER),
				Route.get("/cpts/{id}/adherents/{memberId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/adherents/{memberId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/adherents/{memberId}/paiements", CPTS_MEMBER),
				Route.post("/cpts/{id}/paiements/{paymentId}/annulation", CPTS_MEMBER),
				Route.get("/recus/{paymentId}.pdf", AUTHENTICATED),
				Route.get("/cpts/{id}/cotisations", CPTS_MEMBER),
				Route.post("/cpts/{id}/cotisations/tarifs", CPTS_MEMBER),
				Route.post("/cpts/{id}/cotisations/relances", CPTS_MEMBER),
				Route.get("/cpts/{id}/cotisations/export", CPTS_MEMBER),
				Route.get("/cpts/{id}/cotisations/export.{format:csv|xlsx}", CPTS_MEMBER),
				Route.get("/cpts/{id}/instances", CPTS_MEMBER),
				Route.post("/cpts/{id}/instances", CPTS_MEMBER),
				Route.get("/cpts/{id}/instances/{bodyId}", CPTS_MEMBER),
				Route.post("/cpts/{id}/instances/{bodyId}/mandats", CPTS_MEMBER),
				Route.post("/cpts/{id}/mandats/{mandateId}/fin", CPTS_MEMBER),
				Route.post("/cpts/{id}/instances/{bodyId}/conversation", CPTS_MEMBER),
				Route.get("/cpts/{id}/reunions", CPTS_MEMBER),
				Route.get("/cpts/{id}/reunions/evenements", CPTS_MEMBER),
				Route.post("/cpts/{id}/reunions", CPTS_MEMBER),
				Route.get("/reunions/{meetingId}", AUTHENTICATED),
				Route.post("/reunions/{meetingId}/invites", AUTHENTICATED),
				Route.post("/reunions/{meetingId}/convocation", AUTHENTICATED),
				Route.post("/reunions/{meetingId}/reponses", AUTHENTICATED),
				Route.post("/reunions/{meetingId}/presences", AUTHENTICATED),
				Route.post("/reunions/{meetingId}/resolutions", AUTHENTICATED),
				Route.post("/reunions/{meetingId}/resolutions/{resolutionId}/votes", AUTHENTICATED),
				Route.post("/reunions/{meetingId}/proces-verbal", AUTHENTICATED),
				Route.get("/reunions/{meetingId}/proces-verbal.pdf", AUTHENTICATED),
				Route.get("/adhesion", AUTHENTICATED),
				Route.get("/cpts/{id}/documents", CPTS_MEMBER),
				Route.post("/cpts/{id}/documents", CPTS_MEMBER),
				Route.post("/cpts/{id}/documents/{documentId}/versions", CPTS_MEMBER),
				Route.get("/cpts/{id}/documents/{documentId}/fichier", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/documents", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/documents", CPTS_MEMBER),
				Route.get("/api/v1/documents/{id}/file", AUTHENTICATED),
				Route.post("/api/v1/meetings/{id}/documents", AUTHENTICATED),
				Route.post("/reunions/{meetingId}/documents", AUTHENTICATED),
				Route.get("/cpts/{id}/association", CPTS_MEMBER),
				Route.get("/cpts/{id}/indemnisations", CPTS_MEMBER),
				Route.post("/cpts/{id}/indemnisations/tarifs", CPTS_MEMBER),
				Route.get("/cpts/{id}/adherents/{memberId}/indemnisation.pdf", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/association/dashboard", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/compensation/rates", CPTS_MEMBER),
				Route.post("/api/v1/cpts/{id}/compensation/rates", CPTS_MEMBER),
				Route.get("/api/v1/cpts/{id}/compensation", CPTS_MEMBER),
				Route.get("/api/v1/members/{id}/compensation", AUTHENTICATED),
				Route.get(SLUG + "/adherer", PUBLIC),
				Route.post(SLUG + "/adherer", PUBLIC));
	}
}
