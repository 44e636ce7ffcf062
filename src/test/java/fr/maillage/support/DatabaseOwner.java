package fr.maillage.support;

import fr.maillage.platform.EmbeddedCredentials;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A connection to the test database as its owner ({@code postgres}, a superuser): for what the
 * application's role may not do (DDL in a test, forging audit rows to see them detected).
 */
public final class DatabaseOwner {

	private DatabaseOwner() {
	}

	public static Connection connect(DataSource applicationDataSource) throws SQLException {
		String url;
		try (var c = applicationDataSource.getConnection()) {
			url = c.getMetaData().getURL();
		}
		return DriverManager.getConnection(url, EmbeddedCredentials.OWNER,
				EmbeddedCredentials.read(Path.of("target", "test-postgres")).orElseThrow().ownerPassword());
	}
}
