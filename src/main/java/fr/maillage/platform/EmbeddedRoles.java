package fr.maillage.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Secures a started embedded PostgreSQL: the owner ({@code postgres}) gets its generated
 * password, the application's role ({@code maillage}) is created without any power over the
 * schema, and every connection, even on the loopback, must give a password (scram-sha-256)
 * instead of being trusted as zonky's initdb leaves it.
 */
final class EmbeddedRoles {

	static final String PG_HBA = """
			# Maillage: every connection gives a password, even on this machine (see platform.EmbeddedRoles)
			local all all scram-sha-256
			host  all all 127.0.0.1/32 scram-sha-256
			host  all all ::1/128 scram-sha-256
			""";

	private EmbeddedRoles() {
	}

	static void secure(Path dataDirectory, int port, EmbeddedCredentials credentials) {
		Properties login = new Properties();
		login.setProperty("user", EmbeddedCredentials.OWNER);
		login.setProperty("password", credentials.ownerPassword());
		try (Connection c = DriverManager.getConnection(url(port), login); Statement s = c.createStatement()) {
			s.execute("set password_encryption = 'scram-sha-256'");
			s.execute("alter role " + EmbeddedCredentials.OWNER + " password '" + credentials.ownerPassword() + "'");
			s.execute("""
					do $$ begin
					  if not exists (select 1 from pg_roles where rolname = '%1$s') then
					    create role %1$s login nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
					  end if;
					end $$""".formatted(EmbeddedCredentials.APP));
			s.execute("alter role " + EmbeddedCredentials.APP + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '"
					+ credentials.appPassword() + "'");
			Path hba = dataDirectory.resolve("pg_hba.conf");
			if (!Files.readString(hba).equals(PG_HBA)) {
				Files.writeString(hba, PG_HBA);
				s.execute("select pg_reload_conf()");
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Les rôles de PostgreSQL intégré n'ont pas pu être mis en place", ex);
		}
	}

	static String url(int port) {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}
}
