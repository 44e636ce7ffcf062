package fr.maillage.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fault injection for the crash tests: a process started with {@code -Dmaillage.crash-at=NAME}
 * halts (as {@code kill -9} would: no shutdown hook, no cleanup) when it reaches the point NAME.
 * Without the property, nothing happens. Never set in production.
 */
public final class CrashPoint {

	private static final String TARGET = System.getProperty("maillage.crash-at", "");

	private CrashPoint() {
	}

	/** Halts here if this is the chosen point. */
	public static void reached(String name) {
		if (TARGET.equals(name)) {
			Runtime.getRuntime().halt(137);
		}
	}

	/** Halts right after the current transaction commits, before anything registered after this call runs. */
	public static void afterCommit(String name) {
		if (TARGET.equals(name) && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Runtime.getRuntime().halt(137);
				}
			});
		}
	}
}
