package fr.maillage.fhir.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.springframework.stereotype.Component;

/**
 * The capability statement HAPI writes from the providers (so it lists exactly the interactions and
 * search parameters they accept), worded for the people who read it: what is allowed and what is not.
 */
@Component
@Interceptor
class CapabilityWording {

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void word(IBaseConformance generated) {
		CapabilityStatement statement = (CapabilityStatement) generated;
		statement.setPublisher("Maillage");
		statement.setDescription("API FHIR R4 de Maillage : annuaire (profils de l'Annuaire Santé), créneaux de soins non programmés "
				+ "pour la plateforme numérique SAS (type de créneau CPTS), parcours de soins pour le cercle de soins du patient.");
		var rest = statement.getRestFirstRep();
		rest.setDocumentation("Seuls les paramètres de recherche listés ici sont acceptés : pas de _has, pas de chaîne autre que celles "
				+ "nommées (schedule.actor:Practitioner.identifier, practitioner.identifier, actor:Practitioner.identifier), _count plafonné à "
				+ Paging.MAX + ". Les erreurs sont des OperationOutcome.");
		rest.getSecurity().setDescription("Jeton d'accès (Authorization: Bearer) d'un compte Maillage ; les données d'un patient ne sont "
				+ "accessibles qu'à son cercle de soins et chaque lecture est tracée.");
	}
}
