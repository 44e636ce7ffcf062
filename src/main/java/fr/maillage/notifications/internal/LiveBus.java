package fr.maillage.notifications.internal;

import fr.maillage.notifications.LiveUpdates;
import fr.maillage.platform.AfterCommit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates across nodes: a publish becomes a PostgreSQL NOTIFY on channel {@code maillage_live}
 * (after the publishing transaction commits); every node LISTENs on a connection of its own and
 * forwards the event to the server-sent-event streams of the users connected to it. A comment
 * line every 20 s keeps idle streams open through proxies.
 */
@Component
public class LiveBus implements LiveUpdates, SmartLifecycle {

	static final String CHANNEL = "maillage_live";
	private static final int MAX_PAYLOAD = 7000;

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
	private volatile boolean running;
	private volatile fr.maillage.platform.@org.jspecify.annotations.Nullable DatabaseChannel listener;
	private volatile Thread heartbeat;

	LiveBus(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	/** Opens a stream for a user's browser tab. */
	public SseEmitter open(UUID userId) {
		SseEmitter emitter = new SseEmitter(0L);
		Set<SseEmitter> set = streams.computeIfAbsent(userId, k -> new CopyOnWriteArraySet<>());
		set.add(emitter);
		Runnable remove = () -> {
			set.remove(emitter);
			streams.computeIfPresent(userId, (k, v) -> v.isEmpty() ? null : v);
		};
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(e -> remove.run());
		try {
			emitter.send(SseEmitter.event().comment("ouvert"));
		}
		catch (IOException ex) {
			remove.run();
		}
		return emitter;
	}

	public int connectedStreams() {
		return streams.values().stream().mapToInt(Set::size).sum();
	}

	@Override
	public void publish(Collection<UUID> userIds, String event) {
		if (userIds.isEmpty()) {
			return;
		}
		if (!event.matches("[A-Za-z0-9-]+")) {
			throw new IllegalArgumentException("event names are letters, digits and dashes: " + event);
		}
		List<String> payloads = new ArrayList<>();
		StringBuilder current = new StringBuilder(event);
		for (UUID id : userIds) {
			if (current.length() + 37 > MAX_PAYLOAD) {
				payloads.add(current.toString());
				current = new StringBuilder(event);
			}
			current.append(' ').append(id);
		}
		payloads.add(current.toString());
		Runnable send = () -> payloads.forEach(p -> jdbc.sql("select pg_notify(:c, :p)").param("c", CHANNEL).param("p", p).query().singleRow());
		AfterCommit.run(send);
	}

	private void deliver(String payload) {
		String[] parts = payload.split(" ");
		String event = parts[0];
		for (int i = 1; i < parts.length; i++) {
			Set<SseEmitter> set = streams.get(UUID.fromString(parts[i]));
			if (set == null) {
				continue;
			}
			for (SseEmitter emitter : set) {
				try {
					emitter.send(SseEmitter.event().name(event).data(event));
				}
				catch (IOException | IllegalStateException ex) {
					set.remove(emitter);
				}
			}
		}
	}

	private void beat() {
		while (running) {
			sleep(20_000);
			for (Set<SseEmitter> set : streams.values()) {
				for (SseEmitter emitter : set) {
					try {
						emitter.send(SseEmitter.event().comment("."));
					}
					catch (IOException | IllegalStateException ex) {
						set.remove(emitter);
					}
				}
			}
		}
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		running = true;
		listener = fr.maillage.platform.DatabaseChannel.listen(dataSource, CHANNEL, this::deliver);
		heartbeat = Thread.ofVirtual().name("live-heartbeat").start(this::beat);
	}

	@Override
	public void stop() {
		running = false;
		streams.values().forEach(set -> set.forEach(SseEmitter::complete));
		streams.clear();
		if (listener != null) {
			listener.close();
		}
		if (heartbeat != null) {
			heartbeat.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
