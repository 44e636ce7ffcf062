package fr.maillage.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.Problems;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A template posted without the browser's number fields (a script, an old browser): a number typed wrong is refused, never read as none. */
class TemplateFormUnitTest {

	@Test
	void aRepeatTypedInWordsIsRefusedWithTheRowAndWhatWasTyped() {
		Map<String, String> p = new HashMap<>(Map.of("name", "Diabète", "durationMonths", "12", "title_0", "Consultation", "role_0", "TOUS",
				"unit_0", "MONTHS", "offset_0", "0", "every_0", "douze"));
		Problems problems = null;
		try {
			PathwayPagesController.templateForm(p);
		} catch (Problems.RejectedException ex) {
			problems = ex.problems();
		}
		assertThat(problems).as("refused").isNotNull();
		assertThat(problems.all()).extracting(Problems.Problem::field, Problems.Problem::key)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("steps[0].every", "pathways.step.number"));
		assertThat(problems.all().getFirst().args()).containsExactly(1, "douze");
		p.put("every_0", "12");
		assertThat(PathwayPagesController.templateForm(p).steps().getFirst().every()).isEqualTo(12);
	}
}
