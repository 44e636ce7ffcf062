package fr.maillage.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL left running by a JVM that was killed: its postmaster outlives the JVM
 * and holds the data directory, so the next start would wait for a server that cannot start.
 * Found from {@code postmaster.pid} and stopped (fast shutdown, then killed) before starting anew.
 */
final class OrphanPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);
	private static final Duration GRACE = Duration.ofSeconds(30);

	private OrphanPostmaster() {
	}

	static void stopIfAny(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		Optional<Long> pid = pidOf(pidFile);
		if (pid.isEmpty()) {
			return;
		}
		// a postmaster killed a moment ago may still be a zombie that init has not reaped: PostgreSQL
		// counts it as alive and refuses the folder, though it holds nothing any more
		Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive).filter(p -> !isZombie(p.pid()));
		Optional<Boolean> postgres = process.flatMap(OrphanPostmaster::isPostgres);
		if (process.isEmpty() || postgres.equals(Optional.of(false))) {
			// a stale file: PostgreSQL would refuse it only if its pid now belongs to another process
			log.info("Fichier postmaster.pid périmé (processus {} absent) : supprimé", pid.get());
			Files.deleteIfExists(pidFile);
			return;
		}
		if (postgres.isEmpty()) {
			log.warn("Le processus {} de postmaster.pid ne peut pas être identifié : laissé tel quel", pid.get());
			return;
		}
		if (ownerAlive(dataDirectory)) {
			// not an orphan: another Maillage runs on this folder, and must not lose its database
			throw new IllegalStateException("Maillage tourne déjà sur " + dataDirectory + " (PostgreSQL intégré " + pid.get()
					+ ") : arrêtez-le d'abord.");
		}
		log.warn("PostgreSQL intégré orphelin (processus {}) trouvé dans {} après un arrêt brutal : arrêt avant redémarrage", pid.get(),
				dataDirectory);
		stop(process.get());
	}

	/**
	 * Whether a live process still holds zonky's lock on the folder ({@code epg-lock}): PostgreSQL
	 * itself is a daemon whose parent is always init, so its parent tells nothing; the lock dies with
	 * the JVM that took it.
	 */
	static boolean ownerAlive(Path dataDirectory) throws IOException {
		Path lockFile = dataDirectory.resolve("epg-lock");
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE)) {
			java.nio.channels.FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (java.nio.channels.OverlappingFileLockException ex) {
			return true; // this JVM holds it
		}
	}

	static Optional<Long> pidOf(Path pidFile) throws IOException {
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(lines.get(0).strip()));
	}

	/** Whether the process has exited and only waits to be reaped (state Z in Linux's /proc; false where there is none). */
	static boolean isZombie(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			int end = stat.lastIndexOf(')');
			return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** Empty when the system does not say which program the process runs. */
	private static Optional<Boolean> isPostgres(ProcessHandle process) {
		return process.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres"));
	}

	private static void stop(ProcessHandle postmaster) throws IOException {
		// SIGINT is PostgreSQL's fast shutdown: sessions end, the last checkpoint is written
		signal("INT", postmaster.pid());
		if (waitForExit(postmaster, GRACE)) {
			return;
		}
		log.warn("PostgreSQL orphelin toujours actif après {} s : arrêt forcé", GRACE.toSeconds());
		postmaster.destroyForcibly();
		if (!waitForExit(postmaster, Duration.ofSeconds(10))) {
			throw new IllegalStateException("Le PostgreSQL orphelin " + postmaster.pid() + " ne s'arrête pas ; arrêtez-le à la main.");
		}
	}

	private static void signal(String name, long pid) throws IOException {
		try {
			new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !process.isAlive();
		}
	}
}
