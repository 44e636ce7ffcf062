package fr.maillage.pathways;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A node of a decision tree: a question with its answers (each leading to another node), or an
 * outcome with the recommended actions and whom to call (national numbers, directory contacts).
 */
public record DecisionNode(String key, Kind kind, String text, @Nullable List<Answer> answers, @Nullable List<String> actions,
		@Nullable List<Contact> contacts) {

	public enum Kind {
		QUESTION, OUTCOME
	}

	public record Answer(String label, String next) {
	}

	public record Contact(String label, @Nullable String phone) {
	}

	public DecisionNode {
		answers = answers == null ? List.of() : answers;
		actions = actions == null ? List.of() : actions;
		contacts = contacts == null ? List.of() : contacts;
	}
}
