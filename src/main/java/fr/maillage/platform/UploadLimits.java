package fr.maillage.platform;

/** The documented size limits of uploads (README, "Limites"). */
public final class UploadLimits {

	/** A territory list or a coordinates file. */
	public static final long LIST_BYTES = 5L * 1024 * 1024;

	private UploadLimits() {
	}

	static String describe() {
		return (LIST_BYTES / (1024 * 1024)) + " Mo";
	}
}
