package fr.maillage.platform;

import java.sql.Connection;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to a PostgreSQL NOTIFY channel on a connection of its own, on a virtual thread, and
 * hands each payload to a handler; reconnects after a second when the connection drops. How a
 * change made on one node reaches every node (live updates, reference data).
 */
public final class DatabaseChannel implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseChannel.class);

	private final String channel;
	private volatile boolean running = true;
	private final Thread thread;

	private DatabaseChannel(DataSource dataSource, String channel, Consumer<String> handler) {
		if (!channel.matches("[a-z_]+")) {
			throw new IllegalArgumentException("channel names are lower-case letters and underscores: " + channel);
		}
		this.channel = channel;
		this.thread = Thread.ofVirtual().name("listen-" + channel).start(() -> loop(dataSource, handler));
	}

	public static DatabaseChannel listen(DataSource dataSource, String channel, Consumer<String> handler) {
		return new DatabaseChannel(dataSource, channel, handler);
	}

	private void loop(DataSource dataSource, Consumer<String> handler) {
		while (running) {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("LISTEN " + channel);
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] notifications = pg.getNotifications(500);
					if (notifications != null) {
						for (PGNotification n : notifications) {
							handler.accept(n.getParameter());
						}
					}
				}
			}
			catch (Exception ex) {
				if (running) {
					log.warn("Écoute du canal {} interrompue, reprise dans 1 s", channel, ex);
					try {
						Thread.sleep(1000);
					}
					catch (InterruptedException ie) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
		}
	}

	public boolean isRunning() {
		return running && thread.isAlive();
	}

	@Override
	public void close() {
		running = false;
		thread.interrupt();
	}
}
