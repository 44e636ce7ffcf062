package fr.maillage.platform;

/** The documented size limits of uploads (README, "Limites"). */
public final class UploadLimits {

	/** A territory list or a coordinates file. */
	public static final long LIST_BYTES = 5L * 1024 * 1024;
	/** One JSON file of the reference package (communes.json is about 9 MB). */
	public static final long REFERENCE_FILE_BYTES = 20L * 1024 * 1024;
	/** The request that carries the reference package's four files. */
	public static final long REFERENCE_REQUEST_BYTES = 45L * 1024 * 1024;
	/** Where the reference package is sent: the only path with the larger limit. */
	public static final String REFERENCE_PATH = "/administration/reference/paquet";

	private UploadLimits() {
	}

	public static String describe() {
		return megabytes(LIST_BYTES);
	}

	public static String megabytes(long bytes) {
		return (bytes / (1024 * 1024)) + " Mo";
	}
}
