package fr.maillage.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.Problems;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionTreesUnitTest {

	private static DecisionNode question(String key, String text, DecisionNode.Answer... answers) {
		return new DecisionNode(key, DecisionNode.Kind.QUESTION, text, List.of(answers), null, null);
	}

	private static DecisionNode outcome(String key, String text) {
		return new DecisionNode(key, DecisionNode.Kind.OUTCOME, text, null, List.of("Agir"), List.of(new DecisionNode.Contact("Allô", "119")));
	}

	@Test
	void theShippedExampleRunsToEachOfItsOutcomes() {
		List<DecisionNode> nodes = ExampleTrees.childInDanger().nodes();
		assertThat(DecisionTrees.check(nodes).any()).isFalse();
		DecisionTrees.Tree tree = new DecisionTrees.Tree(UUID.randomUUID(), UUID.randomUUID(), "t", null, 1, nodes, true);
		assertThat(DecisionTrees.walk(tree, List.of(0)).at().key()).isEqualTo("urgence");
		assertThat(DecisionTrees.walk(tree, List.of(1, 0)).at().key()).isEqualTo("information");
		DecisionTrees.Walk doubt = DecisionTrees.walk(tree, List.of(1, 1));
		assertThat(doubt.finished()).isTrue();
		assertThat(doubt.at().contacts()).extracting(DecisionNode.Contact::phone).containsExactly("119");
		assertThat(DecisionTrees.walk(tree, List.of(1, 7)).at().key()).as("an answer that does not exist stops the walk").isEqualTo("signes");
	}

	@Test
	void loopsDeadEndsAndUnknownNodesAreRefused() {
		Problems loop = DecisionTrees.check(List.of(question("a", "A ?", new DecisionNode.Answer("Oui", "b")),
				question("b", "B ?", new DecisionNode.Answer("Oui", "a"), new DecisionNode.Answer("Non", "fin")), outcome("fin", "Fin")));
		assertThat(loop.all()).extracting(Problems.Problem::key).containsExactly("pathways.tree.loop");
		assertThat(loop.all().getFirst().args().getFirst()).isEqualTo("a → b → a");
		Problems unknown = DecisionTrees.check(List.of(question("a", "A ?", new DecisionNode.Answer("Oui", "nulle-part"))));
		assertThat(unknown.all()).extracting(Problems.Problem::key).containsExactly("pathways.tree.next");
		Problems dead = DecisionTrees.check(List.of(question("a", "A ?"), new DecisionNode("z", DecisionNode.Kind.OUTCOME, "Z", List.of(
				new DecisionNode.Answer("x", "a")), null, null)));
		assertThat(dead.all()).extracting(Problems.Problem::key).containsExactly("pathways.tree.noAnswer", "pathways.tree.outcomeAnswers");
	}
}
