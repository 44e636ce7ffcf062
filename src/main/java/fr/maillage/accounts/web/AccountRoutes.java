package fr.maillage.accounts.web;

import static fr.maillage.platform.Access.ADMIN;
import static fr.maillage.platform.Access.AUTHENTICATED;
import static fr.maillage.platform.Access.PUBLIC;
import static fr.maillage.platform.Access.SETUP;

import fr.maillage.platform.Route;
import java.util.List;
import org.springframework.stereotype.Component;

/** Routes of the accounts module: setup, login, account, invitations, password resets, tokens. */
@Component
class AccountRoutes implements Route.Declarations {

	@Override
	public List<Route> routes() {
		return List.of(
				Route.get("/installation", SETUP),
				Route.post("/installation", SETUP),
				Route.get("/connexion", PUBLIC),
				Route.post("/api/v1/oauth2/token", PUBLIC),
				Route.get("/connexion/psc-obligatoire", AUTHENTICATED),
				Route.get("/cpts/{id}/connexion-securite", fr.maillage.platform.Access.CPTS_COORDINATOR),
				Route.post("/cpts/{id}/connexion-securite", fr.maillage.platform.Access.CPTS_COORDINATOR),
				Route.get("/cpts/{id}/clients-api", fr.maillage.platform.Access.CPTS_COORDINATOR),
				Route.post("/cpts/{id}/clients-api", fr.maillage.platform.Access.CPTS_COORDINATOR),
				Route.post("/cpts/{id}/clients-api/{client}/revocation", fr.maillage.platform.Access.CPTS_COORDINATOR),
				Route.post("/connexion", PUBLIC),
				Route.post("/deconnexion", AUTHENTICATED),
				Route.post("/connexion/deblocage", PUBLIC),
				Route.get("/connexion/deblocage/{secret}", PUBLIC),
				Route.post("/connexion/deblocage/{secret}", PUBLIC),
				Route.get("/mot-de-passe-oublie", PUBLIC),
				Route.post("/mot-de-passe-oublie", PUBLIC),
				Route.get("/mot-de-passe/{secret}", PUBLIC),
				Route.post("/mot-de-passe/{secret}", PUBLIC),
				Route.get("/invitation/{secret}", PUBLIC),
				Route.post("/invitation/{secret}", PUBLIC),
				Route.post("/invitation/{secret}/psc", PUBLIC),
				Route.get("/compte", AUTHENTICATED),
				Route.post("/compte/jetons", AUTHENTICATED),
				Route.post("/compte/mot-de-passe", AUTHENTICATED),
				Route.post("/compte/agenda", AUTHENTICATED),
				Route.post("/compte/agenda/supprimer", AUTHENTICATED),
				Route.get("/agenda", AUTHENTICATED),
				Route.get("/agenda/evenements", AUTHENTICATED),
				Route.get("/agenda/{secret:[A-Za-z0-9_-]{20,80}}.ics", PUBLIC),
				Route.post("/compte/jetons/{id}/revoquer", AUTHENTICATED),
				Route.get("/compte/double-facteur", AUTHENTICATED),
				Route.post("/compte/double-facteur", AUTHENTICATED),
				Route.post("/compte/double-facteur/desactiver", AUTHENTICATED),
				Route.post("/api/v1/auth/token", PUBLIC),
				Route.get("/api/v1/users", ADMIN));
	}
}
