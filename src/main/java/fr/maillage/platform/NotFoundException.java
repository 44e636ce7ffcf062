package fr.maillage.platform;

/** What does not exist and what the caller may not see answer alike: 404. Modules throw subclasses. */
public class NotFoundException extends RuntimeException {

	public NotFoundException() {
		super("not found", null, false, false);
	}
}
