package fr.maillage.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.CurrentUser;
import fr.maillage.accounts.Role;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The second factor is required of coordinators and administrators by an installation that says
 * nothing (issue 16): the policy is built from the shipped application.properties, resolved as the
 * application resolves it, without MAILLAGE_TOTP_REQUIRED_FOR.
 */
class TotpPolicyDefaultTest {

	private static final UUID CPTS = UUID.randomUUID();

	private static TotpPolicy shipped(boolean demo) throws Exception {
		var env = new StandardEnvironment();
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		env.getPropertySources().addLast(new ResourcePropertySource(new ClassPathResource("application.properties")));
		String value = env.getRequiredProperty("maillage.security.totp-required-for");
		return new TotpPolicy(value, demo);
	}

	private static CurrentUser user(boolean admin, boolean totp, Role... roles) {
		return new CurrentUser(UUID.randomUUID(), "x@maillage.test", "X", null, admin, true, totp,
				roles.length == 0 ? Map.of() : Map.of(CPTS, Set.of(roles)));
	}

	@Test
	void coordinatorsAndAdministratorsMustEnableItByDefault() throws Exception {
		TotpPolicy policy = shipped(false);
		assertThat(policy.mustEnable(user(true, false))).isTrue();
		assertThat(policy.mustEnable(user(false, false, Role.COORDINATOR))).isTrue();
		assertThat(policy.mustEnable(user(false, false, Role.MEMBER, Role.COORDINATOR))).isTrue();
		assertThat(policy.mustEnable(user(false, false, Role.MEMBER))).isFalse();
		assertThat(policy.mustEnable(user(false, false, Role.PARTNER))).isFalse();
		assertThat(policy.mustEnable(user(true, true))).as("already enabled").isFalse();
	}

	@Test
	void anInstallationCanRelaxItAndTheDemonstrationDoes() throws Exception {
		assertThat(new TotpPolicy("", false).mustEnable(user(true, false))).isFalse();
		assertThat(new TotpPolicy("ADMIN", false).mustEnable(user(false, false, Role.COORDINATOR))).isFalse();
		assertThat(shipped(true).mustEnable(user(true, false))).as("demonstration: shared public accounts").isFalse();
		assertThat(new TotpPolicy("ADMIN,COORDINATOR", true).mustEnable(user(true, false))).as("set explicitly in a demonstration").isTrue();
	}
}
