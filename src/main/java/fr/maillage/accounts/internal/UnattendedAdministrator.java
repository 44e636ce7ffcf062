package fr.maillage.accounts.internal;

import fr.maillage.accounts.Accounts;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * For unattended installs: MAILLAGE_ADMIN_EMAIL and MAILLAGE_ADMIN_PASSWORD create the first
 * administrator at start when none exists; MAILLAGE_ADMIN_TOKEN registers that string as one of
 * their API tokens. Runs before the web server accepts requests.
 */
@Component
class UnattendedAdministrator implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(UnattendedAdministrator.class);

	private final Accounts accounts;
	private final Environment env;

	UnattendedAdministrator(Accounts accounts, Environment env) {
		this.accounts = accounts;
		this.env = env;
	}

	@Override
	public void afterPropertiesSet() {
		String email = env.getProperty("maillage.admin.email");
		String password = env.getProperty("maillage.admin.password");
		String token = env.getProperty("maillage.admin.token");
		if (!StringUtils.hasText(email)) {
			return;
		}
		UUID id = accounts.userIdByEmail(email).orElse(null);
		if (id == null && StringUtils.hasText(password)) {
			if (!Accounts.isAcceptablePassword(password)) {
				throw new IllegalStateException("MAILLAGE_ADMIN_PASSWORD doit compter au moins " + Accounts.MIN_PASSWORD_LENGTH + " caractères");
			}
			id = accounts.createFirstAdministrator(email, "Administrateur", password).orElse(null);
			if (id != null) {
				log.info("Administrateur {} créé depuis l'environnement", email);
			}
			else {
				log.info("Un administrateur existe déjà : MAILLAGE_ADMIN_EMAIL ignoré");
			}
		}
		if (id != null && StringUtils.hasText(token)) {
			if (token.length() < 24) {
				throw new IllegalStateException("MAILLAGE_ADMIN_TOKEN doit compter au moins 24 caractères");
			}
			accounts.registerToken(id, "MAILLAGE_ADMIN_TOKEN", token);
		}
	}
}
