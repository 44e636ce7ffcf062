package fr.maillage.directory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Who is running an import: the node that accepted the file holds a session advisory lock on the
 * import's id, on a connection of its own, from before the import is recorded until it ends. A
 * process that dies loses its connection and so the lock: {@link ImportRecovery} then knows the
 * import was interrupted, whichever node looks.
 */
@Component
public class ImportLease {

	/** The first key of every import lease (the second is the hash of the import's id). */
	static final int LOCK_CLASS = 4242004;

	private final DataSource dataSource;

	ImportLease(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** A held lease; closing it releases the lock and the connection. */
	public static final class Held implements AutoCloseable {
		private final Connection connection;

		Held(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void close() {
			try (connection) {
				connection.createStatement().execute("select pg_advisory_unlock_all()");
			}
			catch (SQLException ex) {
				// the connection is gone: so is its lock
			}
		}
	}

	/** Waits for the lease (a new import's id: nobody else holds it). */
	public Held take(UUID importId) {
		return lock(importId, true).orElseThrow();
	}

	/** The lease if nobody holds it (an interrupted import to take over), else empty. */
	public java.util.Optional<Held> tryTake(UUID importId) {
		return lock(importId, false);
	}

	private java.util.Optional<Held> lock(UUID importId, boolean wait) {
		try {
			Connection c = dataSource.getConnection();
			try (var s = c.prepareStatement(wait ? "select true from pg_advisory_lock(?, hashtext(?))" : "select pg_try_advisory_lock(?, hashtext(?))")) {
				c.setAutoCommit(true);
				s.setInt(1, LOCK_CLASS);
				s.setString(2, importId.toString());
				try (var rs = s.executeQuery()) {
					if (rs.next() && rs.getBoolean(1)) {
						return java.util.Optional.of(new Held(c));
					}
				}
				c.close();
				return java.util.Optional.empty();
			}
			catch (SQLException ex) {
				c.close();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("import lease for " + importId, ex);
		}
	}
}
