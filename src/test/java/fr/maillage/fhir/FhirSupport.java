package fr.maillage.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR API as a client sees it: HAPI's generic client with a bearer token, and HAPI's validator
 * (FHIR R4 structure, and terminology where the code systems are bundled) run on every resource a test receives.
 */
final class FhirSupport {

	static final FhirContext CONTEXT = FhirContext.forR4Cached();
	private static FhirValidator validator;

	private FhirSupport() {
	}

	static IGenericClient client(int port, String token) {
		CONTEXT.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		IGenericClient client = CONTEXT.newRestfulGenericClient("http://127.0.0.1:" + port + "/fhir");
		if (token != null) {
			client.registerInterceptor(new BearerTokenAuthInterceptor(token));
		}
		return client;
	}

	static synchronized FhirValidator validator() {
		if (validator == null) {
			// the SAS guide's one extension, transcribed from its FSH (the validator would otherwise take its R5 address for a bad version)
			PrePopulatedValidationSupport sas = new PrePopulatedValidationSupport(CONTEXT);
			try (var in = FhirSupport.class.getResourceAsStream("/fhir/sas-cpts-slot-servicetype-aggregator.json")) {
				sas.addStructureDefinition(CONTEXT.newJsonParser().parseResource(org.hl7.fhir.r4.model.StructureDefinition.class, in));
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(CONTEXT), sas,
					new CommonCodeSystemsTerminologyService(CONTEXT), new InMemoryTerminologyServerValidationSupport(CONTEXT),
					new SnapshotGeneratingValidationSupport(CONTEXT));
			FhirInstanceValidator module = new FhirInstanceValidator(chain);
			// the French profiles (fr-core, Annuaire Santé, SAS) are published as FSH, not bundled: the base R4 is checked
			module.setErrorForUnknownProfiles(false);
			module.setAnyExtensionsAllowed(true);
			validator = CONTEXT.newValidator().registerValidatorModule(module);
		}
		return validator;
	}

	/** The errors the validator finds in a resource (and, for a bundle, in every entry): none expected. */
	static List<String> errors(IBaseResource resource) {
		return validator().validateWithResult(resource).getMessages().stream()
			.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
			.map(SingleValidationMessage::toString).toList();
	}

	/** Validates the resource and every resource of a bundle one by one; fails with the messages. */
	static <T extends IBaseResource> T valid(T resource) {
		assertThat(errors(resource)).as("validation of " + resource.getIdElement().getValue()).isEmpty();
		if (resource instanceof Bundle b) {
			for (Bundle.BundleEntryComponent e : b.getEntry()) {
				Resource r = e.getResource();
				assertThat(errors(r)).as("validation of " + r.getIdElement().getValue()).isEmpty();
			}
		}
		return resource;
	}
}
