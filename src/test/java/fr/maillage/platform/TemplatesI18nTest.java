package fr.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * No literal user-facing text in templates (everything comes from messages*.properties), every
 * key used exists in both languages, and both languages have the same keys.
 */
class TemplatesI18nTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");
	/** Words that are the same in every language: acronyms and symbols. */
	private static final Set<String> ALLOWED = Set.of("QPV", "ZIP", "ZAC", "CSV", "XLSX");

	private static List<Path> templates() throws IOException {
		try (Stream<Path> s = Files.walk(TEMPLATES)) {
			return s.filter(p -> p.toString().endsWith(".html")).toList();
		}
	}

	private static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
			p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path file : templates()) {
			Document doc = Jsoup.parse(Files.readString(file));
			// Text inside an element whose content Thymeleaf replaces is only a prototype.
			doc.select("[th:text], [th:utext], [th:replace], [th:insert], script, style, code").forEach(Element::empty);
			for (Element e : doc.getAllElements()) {
				for (TextNode t : e.textNodes()) {
					String text = t.text().replaceAll("[\\s\\p{Punct}·–—…«»\\u00a0]+", " ").strip();
					for (String word : text.split(" ")) {
						if (!word.isEmpty() && word.chars().anyMatch(Character::isLetter) && !ALLOWED.contains(word)) {
							literals.add(TEMPLATES.relativize(file) + ": « " + t.text().strip() + " »");
							break;
						}
					}
				}
				for (String attribute : List.of("title", "alt", "placeholder", "aria-label")) {
					if (e.hasAttr(attribute) && e.attr(attribute).chars().anyMatch(Character::isLetter)
							&& !e.hasAttr("th:" + attribute) && !e.hasAttr("th:attr")) {
						literals.add(TEMPLATES.relativize(file) + ": " + attribute + "=« " + e.attr(attribute) + " »");
					}
				}
			}
		}
		assertThat(literals).as("literal text in templates: use th:text with a message key").isEmpty();
	}

	@Test
	void everyKeyUsedExistsInBothLanguages() throws IOException {
		Properties fr = load("messages.properties");
		Properties en = load("messages_en.properties");
		Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
		Set<String> missing = new TreeSet<>();
		for (Path file : templates()) {
			Matcher m = key.matcher(Files.readString(file));
			while (m.find()) {
				if (!m.group(1).endsWith(".") && (!fr.containsKey(m.group(1)) || !en.containsKey(m.group(1)))) {
					missing.add(m.group(1));
				}
			}
		}
		try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
			Pattern code = Pattern.compile("messages\\.get\\(\"([a-zA-Z0-9_.]+)\"|Note\\.of\\(\"([a-zA-Z0-9_.]+)\"|reject\\(\"[^\"]+\", \"([a-zA-Z0-9_.]+)\"");
			for (Path file : s.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher m = code.matcher(Files.readString(file));
				while (m.find()) {
					String k = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
					if (!k.endsWith(".") && (!fr.containsKey(k) || !en.containsKey(k))) {
						missing.add(k);
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames()).isEqualTo(load("messages.properties").stringPropertyNames());
	}

	/** A key written twice silently keeps the last value (a label overwrote an error message once). */
	@Test
	void noKeyIsWrittenTwice() throws IOException {
		List<String> twice = new ArrayList<>();
		for (String name : List.of("messages.properties", "messages_en.properties")) {
			Set<String> seen = new TreeSet<>();
			for (String line : Files.readAllLines(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
				int eq = line.indexOf('=');
				if (eq > 0 && !line.startsWith("#") && !seen.add(line.substring(0, eq).strip())) {
					twice.add(name + " " + line.substring(0, eq).strip());
				}
			}
		}
		assertThat(twice).isEmpty();
	}

	@Test
	void everyApostropheIsDoubledForMessageFormat() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (String name : List.of("messages.properties", "messages_en.properties")) {
			load(name).forEach((k, v) -> {
				String value = (String) v;
				if (value.replace("''", "").contains("'")) {
					wrong.add(name + " " + k);
				}
			});
		}
		assertThat(wrong).isEmpty();
	}
}
