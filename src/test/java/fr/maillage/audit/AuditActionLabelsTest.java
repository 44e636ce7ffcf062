package fr.maillage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action the code writes to the audit log has a label in French and in English: the log's
 * page shows labels, never a raw key. Reads the sources, as a reviewer would: an action must be
 * a literal (or literals chosen by a condition) at the call, so that this test sees it.
 */
class AuditActionLabelsTest {

	/** change(action, …), read(action, …): the first argument; event(actor, label, action, …), changeAs(…): the third. */
	static final Pattern FIRST = Pattern.compile("\\b(?:audit|auditLog)\\s*\\.\\s*(?:change|read)\\(\\s*([^,]+),");
	static final Pattern THIRD = Pattern.compile("\\b(?:audit|auditLog)\\s*\\.\\s*(?:event|changeAs)\\(([^;]*?)\\)\\s*;", Pattern.DOTALL);
	static final Pattern LITERAL = Pattern.compile("\"([a-z_]+(?:\\.[a-zA-Z_]+)+)\"");

	@Test
	void everyAuditedActionHasALabelInBothLanguages() throws IOException {
		TreeSet<String> actions = new TreeSet<>();
		List<String> unreadable = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				Matcher first = FIRST.matcher(source);
				while (first.find()) {
					collect(first.group(1), file, actions, unreadable);
				}
				Matcher third = THIRD.matcher(source);
				while (third.find()) {
					Matcher literal = LITERAL.matcher(third.group(1));
					if (literal.find()) {
						actions.add(literal.group(1));
					} else {
						unreadable.add(file.getFileName() + ": " + third.group(0));
					}
				}
			}
		}
		assertThat(unreadable).as("audit calls whose action is not a literal").isEmpty();
		assertThat(actions).as("actions found in the sources").hasSizeGreaterThan(100).contains("access.denied", "patient.read");
		for (String bundle : List.of("messages.properties", "messages_en.properties")) {
			Properties labels = new Properties();
			try (InputStream in = Files.newInputStream(Path.of("src/main/resources", bundle))) {
				labels.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			assertThat(actions.stream().filter(a -> !labels.containsKey("audit.action." + a)).toList()).as("actions without a label in " + bundle)
				.isEmpty();
		}
	}

	private static void collect(String argument, Path file, TreeSet<String> actions, List<String> unreadable) {
		Matcher literal = LITERAL.matcher(argument);
		boolean any = false;
		while (literal.find()) {
			actions.add(literal.group(1));
			any = true;
		}
		if (!any || argument.contains("+")) {
			unreadable.add(file.getFileName() + ": " + argument);
		}
	}
}
