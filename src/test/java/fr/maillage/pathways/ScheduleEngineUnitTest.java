package fr.maillage.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.Problems;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleEngineUnitTest {

	private static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	private static List<LocalDate> dues(List<ScheduleEngine.Occurrence> all, String step) {
		return all.stream().filter(o -> o.stepKey().equals(step)).map(ScheduleEngine.Occurrence::due).toList();
	}

	@Test
	void theSeedMentalHealthPathwayOverThreeYearsFromAMonthEnd() {
		ExampleTemplates.Example mh = ExampleTemplates.mentalHealth();
		LocalDate start = d("2026-01-31");
		var all = ScheduleEngine.compute(mh.steps(), start, start.plusMonths(mh.durationMonths()), Map.of());
		assertThat(dues(all, "psy")).containsExactly(d("2026-01-31"), d("2027-01-31"), d("2028-01-31"), d("2029-01-31"));
		assertThat(dues(all, "mg")).containsExactly(d("2026-07-31"), d("2027-07-31"), d("2028-07-31"));
		assertThat(dues(all, "ipa3")).as("31 January + 3 months is 30 April").containsExactly(d("2026-04-30"), d("2027-04-30"), d("2028-04-30"));
		assertThat(dues(all, "ipa9")).containsExactly(d("2026-10-31"), d("2027-10-31"), d("2028-10-31"));
	}

	@Test
	void aGpConsultationTwoMonthsLateMovesNothingAnEarlyPsychiatricOneMovesWhatFollowsIt() {
		ExampleTemplates.Example mh = ExampleTemplates.mentalHealth();
		LocalDate start = d("2026-01-31");
		Map<String, LocalDate> done = new HashMap<>();
		done.put("psy#0.1", d("2026-01-31"));
		done.put("mg#1.1", d("2026-09-30"));
		done.put("psy#0.2", d("2026-12-15"));
		var all = ScheduleEngine.compute(mh.steps(), start, start.plusMonths(36), done);
		assertThat(dues(all, "psy")).containsExactly(d("2026-01-31"), d("2027-01-31"), d("2027-12-15"), d("2028-12-15"));
		assertThat(dues(all, "mg")).as("the late GP consultation keeps its due date; the next follow the early psychiatric one")
			.containsExactly(d("2026-07-31"), d("2027-06-15"), d("2028-06-15"));
		assertThat(dues(all, "ipa3")).containsExactly(d("2026-04-30"), d("2027-03-15"), d("2028-03-15"));
		assertThat(all.stream().filter(o -> o.id().equals("mg#1.1")).findFirst().orElseThrow().done()).isEqualTo(d("2026-09-30"));
	}

	@Test
	void theDischargeChecklist() {
		ExampleTemplates.Example discharge = ExampleTemplates.hospitalDischarge();
		var all = ScheduleEngine.compute(discharge.steps(), d("2026-12-30"), d("2027-03-30"), Map.of());
		assertThat(all).extracting(ScheduleEngine.Occurrence::stepKey, ScheduleEngine.Occurrence::due)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ide", d("2027-01-01")), org.assertj.core.groups.Tuple.tuple("mt", d("2027-01-06")),
					org.assertj.core.groups.Tuple.tuple("pharma", d("2027-01-06")));
	}

	@Test
	void monthsAreCountedFromTheAnchorAndClampedToTheMonthEnd() {
		StepDefinition monthly = new StepDefinition("m", "Mensuel", PathwayRole.TOUS, null, 1, ScheduleUnit.MONTHS, null, null, 0, false, null);
		StepDefinition twoMonths = new StepDefinition("m2", "Deux mois", PathwayRole.TOUS, null, 2, ScheduleUnit.MONTHS, null, null, 0, false, null);
		assertThat(ScheduleEngine.compute(List.of(monthly, twoMonths), d("2027-01-31"), d("2028-01-31"), Map.of()))
			.extracting(ScheduleEngine.Occurrence::due).containsExactly(d("2027-02-28"), d("2027-03-31"));
		assertThat(ScheduleEngine.compute(List.of(monthly), d("2028-01-31"), d("2029-01-31"), Map.of()))
			.extracting(ScheduleEngine.Occurrence::due).as("leap year").containsExactly(d("2028-02-29"));
	}

	@Test
	void aRepeatStopsAtItsCountOrTheHorizon() {
		StepDefinition weekly = new StepDefinition("k", "Kiné", PathwayRole.KINESITHERAPEUTE, null, 1, ScheduleUnit.WEEKS, 1, 6, 2, false, null);
		assertThat(ScheduleEngine.compute(List.of(weekly), d("2026-12-01"), d("2027-12-01"), Map.of())).hasSize(6);
		assertThat(ScheduleEngine.compute(List.of(weekly), d("2026-12-01"), d("2026-12-20"), Map.of())).hasSize(2);
	}

	@Test
	void badTemplatesAreRefusedWithReasons() {
		StepDefinition a = new StepDefinition("a", "Étape A", PathwayRole.TOUS, "b", 1, ScheduleUnit.DAYS, null, null, 0, false, null);
		StepDefinition b = new StepDefinition("b", "Étape B", PathwayRole.TOUS, "a", 1, ScheduleUnit.DAYS, null, null, 0, false, null);
		Problems cyclic = ScheduleEngine.check(List.of(a, b));
		assertThat(cyclic.all()).extracting(Problems.Problem::key).containsExactly("pathways.step.cycle");
		assertThat(cyclic.all().getFirst().args().getFirst().toString()).isEqualTo("Étape A → Étape B → Étape A");
		StepDefinition zero = new StepDefinition("z", "Zéro", PathwayRole.TOUS, null, 0, ScheduleUnit.DAYS, 0, null, -1, false, null);
		assertThat(ScheduleEngine.check(List.of(zero)).all()).extracting(Problems.Problem::key)
			.containsExactlyInAnyOrder("pathways.step.every", "pathways.step.grace");
		StepDefinition orphan = new StepDefinition("o", "Orpheline", PathwayRole.TOUS, "absente", 0, ScheduleUnit.DAYS, null, null, 0, false, null);
		assertThat(ScheduleEngine.check(List.of(orphan)).all()).extracting(Problems.Problem::key).containsExactly("pathways.step.anchor");
		assertThat(ScheduleEngine.check(ExampleTemplates.mentalHealth().steps()).any()).isFalse();
	}
}
