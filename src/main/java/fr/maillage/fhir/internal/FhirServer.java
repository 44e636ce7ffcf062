package fr.maillage.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI's plain server as a servlet on {@code /fhir/*}, behind the security chain of its own
 * (accounts). A reference is followed into the bundle only when the provider put its resource
 * there, which providers do for the includes they allow.
 */
class FhirServer extends RestfulServer {

	FhirServer(List<IResourceProvider> providers, FaultTranslator faults, CapabilityWording wording, ParameterWhitelist whitelist) {
		super(context());
		setResourceProviders(providers);
		setDefaultResponseEncoding(EncodingEnum.JSON);
		setBundleInclusionRule(BundleInclusionRule.BASED_ON_RESOURCE_PRESENCE);
		setServerName("Maillage");
		setImplementationDescription("Maillage — API FHIR R4 de la CPTS");
		registerInterceptor(faults);
		registerInterceptor(wording);
		registerInterceptor(whitelist);
	}

	/** A context of the server's own: its parser does not look for resources to contain (ours never need it). */
	private static FhirContext context() {
		FhirContext context = FhirContext.forR4();
		context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
		return context;
	}

	@Configuration
	static class Registration {

		@Bean
		ServletRegistrationBean<FhirServer> fhirServlet(List<IResourceProvider> providers, FaultTranslator faults, CapabilityWording wording, ParameterWhitelist whitelist) {
			ServletRegistrationBean<FhirServer> registration = new ServletRegistrationBean<>(new FhirServer(providers, faults, wording, whitelist), "/fhir/*");
			registration.setName("fhir");
			registration.setLoadOnStartup(1);
			return registration;
		}

		@Bean
		org.springframework.boot.web.servlet.FilterRegistrationBean<ResponseBuffering> fhirResponseBuffering() {
			var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<ResponseBuffering>(new ResponseBuffering());
			registration.setUrlPatterns(List.of("/fhir/*"));
			registration.setName("fhirResponseBuffering");
			return registration;
		}
	}
}
