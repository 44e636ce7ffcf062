package fr.maillage.platform;

/** The documented size limits of uploads (README, "Limites"). */
public final class UploadLimits {

	/** A territory list or a coordinates file. */
	public static final long LIST_BYTES = 5L * 1024 * 1024;
	/** One JSON file of the reference package (communes.json is about 9 MB). */
	public static final long REFERENCE_FILE_BYTES = 20L * 1024 * 1024;
	/** The request that carries the reference package's four files. */
	public static final long REFERENCE_REQUEST_BYTES = 45L * 1024 * 1024;
	/** Where the reference package is sent: the only path with that limit. */
	public static final String REFERENCE_PATH = "/administration/reference/paquet";
	/** An RPPS extraction (the published national zip is a few hundred megabytes). */
	public static final long RPPS_BYTES = 1024L * 1024 * 1024;

	/** The accountant's FEC of a year (200,000 lines weigh about 21 MB). */
	public static final long FEC_BYTES = 200L * 1024 * 1024;

	/** One attachment of a message. */
	public static final long ATTACHMENT_BYTES = 10L * 1024 * 1024;
	/** A message, or an entry of a crisis log, with its attachments (at most three of the largest). */
	public static final long MESSAGE_REQUEST_BYTES = 3 * ATTACHMENT_BYTES + 1024 * 1024;

	/** One document of an association's library (statutes, a scanned convention, a projet de santé). */
	public static final long DOCUMENT_BYTES = 20L * 1024 * 1024;

	private static boolean isDocumentPost(String path) {
		return path.matches("(/api/v1)?/cpts/[^/]+/documents(/.*)?");
	}

	private static boolean isMessagePost(String path) {
		return path.startsWith("/messages/") || path.startsWith("/api/v1/conversations/") || path.matches("/crises/[^/]+/(main-courante|cloture)")
				|| path.matches("/api/v1/crises/[^/]+/log");
	}

	/** The largest request body accepted on a path. */
	public static long maxRequestBytes(String path) {
		if (isMessagePost(path)) {
			return MESSAGE_REQUEST_BYTES;
		}
		if (isDocumentPost(path)) {
			return DOCUMENT_BYTES + 1024 * 1024;
		}
		if (path.equals(REFERENCE_PATH)) {
			return REFERENCE_REQUEST_BYTES;
		}
		if (path.endsWith("/imports/rpps") || path.endsWith("/annuaire/import")) {
			return RPPS_BYTES + 1024 * 1024;
		}
		if (path.endsWith("/budget/fec")) {
			return FEC_BYTES + 1024 * 1024;
		}
		return LIST_BYTES + 1024 * 1024;
	}

	/** The limit to tell a person about for a path. */
	public static String describe(String path) {
		if (isMessagePost(path)) {
			return megabytes(ATTACHMENT_BYTES);
		}
		if (isDocumentPost(path)) {
			return megabytes(DOCUMENT_BYTES);
		}
		if (path.equals(REFERENCE_PATH)) {
			return megabytes(REFERENCE_FILE_BYTES);
		}
		if (path.endsWith("/imports/rpps") || path.endsWith("/annuaire/import")) {
			return "1 Go";
		}
		if (path.endsWith("/budget/fec")) {
			return megabytes(FEC_BYTES);
		}
		return describe();
	}

	private UploadLimits() {
	}

	public static String describe() {
		return megabytes(LIST_BYTES);
	}

	public static String megabytes(long bytes) {
		return (bytes / (1024 * 1024)) + " Mo";
	}
}
