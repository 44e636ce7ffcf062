package fr.maillage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules respect their declared dependencies; their documentation is written in every build. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MaillageApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}
}
