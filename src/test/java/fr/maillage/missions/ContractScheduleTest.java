package fr.maillage.missions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.missions.ContractSchedule.DeadlineKind;
import fr.maillage.missions.ContractSchedule.Expected;
import fr.maillage.missions.ContractSchedule.PaymentKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A contract signed on 15 March 2024 with three missions, against figures computed by hand. */
class ContractScheduleTest {

	// size class 2: functioning 91,000 €; access 30,000 + 30,000; pathways 25,000 + 25,000; crisis 17,500 fixed
	static final Contract CONTRACT = new Contract(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2024, 3, 15), 2, null, 9_100_000, 75,
			List.of(new Contract.Signed(Mission.ACCESS, 3_000_000, 3_000_000, 6, 18, AttainmentRule.DEFAULT),
					new Contract.Signed(Mission.PATHWAYS, 2_500_000, 2_500_000, 12, 24, AttainmentRule.DEFAULT),
					new Contract.Signed(Mission.CRISIS, 1_750_000, 0, 6, 18, AttainmentRule.DEFAULT)),
			0);

	@Test
	void deadlinesFollowTheSignature() {
		List<ContractSchedule.Deadline> d = ContractSchedule.deadlines(CONTRACT);
		assertThat(d).filteredOn(x -> x.mission() == Mission.ACCESS).extracting(ContractSchedule.Deadline::on, ContractSchedule.Deadline::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 9, 15), DeadlineKind.MISSION_START),
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 9, 15), DeadlineKind.MISSION_FULL));
		assertThat(d).filteredOn(x -> x.mission() == Mission.PATHWAYS).extracting(ContractSchedule.Deadline::on)
			.containsExactly(LocalDate.of(2025, 3, 15), LocalDate.of(2026, 3, 15));
		assertThat(d).filteredOn(x -> x.mission() == Mission.CRISIS).extracting(ContractSchedule.Deadline::on)
			.containsExactly(LocalDate.of(2024, 9, 15), LocalDate.of(2025, 9, 15));
		assertThat(d).filteredOn(x -> x.kind() == DeadlineKind.ANNIVERSARY).extracting(ContractSchedule.Deadline::on)
			.containsExactly(LocalDate.of(2025, 3, 15), LocalDate.of(2026, 3, 15), LocalDate.of(2027, 3, 15), LocalDate.of(2028, 3, 15));
		assertThat(d.getLast().on()).isEqualTo(LocalDate.of(2029, 3, 15));
		assertThat(d.getLast().kind()).isEqualTo(DeadlineKind.END);
		// the access mission is fully deployed in the second year of the contract
		assertThat(d).filteredOn(x -> x.mission() == Mission.ACCESS && x.kind() == DeadlineKind.MISSION_FULL)
			.extracting(ContractSchedule.Deadline::contractYear).containsExactly(2);
	}

	@Test
	void contractYears() {
		assertThat(CONTRACT.yearOf(LocalDate.of(2024, 3, 14))).isZero();
		assertThat(CONTRACT.yearOf(LocalDate.of(2024, 3, 15))).isEqualTo(1);
		assertThat(CONTRACT.yearOf(LocalDate.of(2025, 3, 14))).isEqualTo(1);
		assertThat(CONTRACT.yearOf(LocalDate.of(2025, 3, 15))).isEqualTo(2);
		assertThat(CONTRACT.currentYear(LocalDate.of(2031, 1, 1))).isEqualTo(5);
	}

	@Test
	void paymentsOfTheFirstYear() {
		List<Expected> year1 = ContractSchedule.expectedPayments(CONTRACT).stream().filter(e -> e.contractYear() == 1).toList();
		assertThat(year1).containsExactly(
				new Expected(1, null, PaymentKind.ADVANCE, LocalDate.of(2024, 3, 15), 6_825_000, 0),
				new Expected(1, Mission.ACCESS, PaymentKind.ADVANCE, LocalDate.of(2024, 9, 15), 2_250_000, 0),
				new Expected(1, Mission.CRISIS, PaymentKind.ADVANCE, LocalDate.of(2024, 9, 15), 1_312_500, 0),
				new Expected(1, null, PaymentKind.BALANCE, LocalDate.of(2025, 3, 15), 2_275_000, 0),
				new Expected(1, Mission.ACCESS, PaymentKind.BALANCE, LocalDate.of(2025, 3, 15), 750_000, 3_000_000),
				new Expected(1, Mission.CRISIS, PaymentKind.BALANCE, LocalDate.of(2025, 3, 15), 437_500, 0));
		// the fixed parts of the year add up to the functioning amount and the two missions started
		assertThat(year1.stream().mapToLong(Expected::fixedCents).sum()).isEqualTo(13_850_000);
	}

	@Test
	void pathwaysArePaidFromTheSecondYear() {
		List<Expected> pathways = ContractSchedule.expectedPayments(CONTRACT).stream().filter(e -> e.mission() == Mission.PATHWAYS).toList();
		assertThat(pathways.getFirst()).isEqualTo(new Expected(2, Mission.PATHWAYS, PaymentKind.ADVANCE, LocalDate.of(2025, 3, 15), 1_875_000, 0));
		assertThat(pathways).hasSize(8);
		assertThat(ContractSchedule.expectedPayments(CONTRACT)).hasSize(5 * 2 + 5 * 4 + 4 * 2);
	}

	@Test
	void variablePartOfTheAccessMission() {
		// two indicators: 60 % weight reached 80 % (0.8 × 60 = 48), 40 % weight reached 150 % capped at 100 % (40): 88 % of 30,000 €
		AttainmentRule rule = AttainmentRule.DEFAULT;
		VariablePart.Estimate e = VariablePart.estimate(Mission.ACCESS, 3_000_000, rule,
				List.of(new VariablePart.Input(UUID.randomUUID(), "MT trouvés", new BigDecimal("60"), new BigDecimal("400"), new BigDecimal("500"), false),
						new VariablePart.Input(UUID.randomUUID(), "Créneaux", new BigDecimal("40"), new BigDecimal("1500"), new BigDecimal("1000"), false)));
		assertThat(e.cents()).isEqualTo(2_640_000);
		// by thresholds 50:50;75:75;100:100 the first pays 75 % (45) and the second 100 % (40): 85 %
		AttainmentRule steps = new AttainmentRule(AttainmentRule.Kind.THRESHOLDS, 100, AttainmentRule.parseSteps("50:50; 75:75; 100:100").orElseThrow());
		VariablePart.Estimate s = VariablePart.estimate(Mission.ACCESS, 3_000_000, steps, e.lines().stream().map(VariablePart.Line::input).toList());
		assertThat(s.cents()).isEqualTo(2_550_000);
	}

	@Test
	void lowerIsBetterAndMissingValues() {
		// ruptures: target 20, value 25 → 80 %; a value at or under the target reaches it
		assertThat(VariablePart.reached(new BigDecimal("25"), new BigDecimal("20"), true)).isEqualByComparingTo("0.8");
		assertThat(VariablePart.reached(new BigDecimal("12"), new BigDecimal("20"), true)).isEqualByComparingTo("1");
		assertThat(VariablePart.reached(null, new BigDecimal("20"), false)).isEqualByComparingTo("0");
	}

	@Test
	void weightsThatDoNotMakeAHundredGiveNoFigure() {
		VariablePart.Estimate e = VariablePart.estimate(Mission.PATHWAYS, 2_500_000, AttainmentRule.DEFAULT,
				List.of(new VariablePart.Input(UUID.randomUUID(), "Patients inclus", new BigDecimal("80"), BigDecimal.TEN, BigDecimal.TEN, false)));
		assertThat(e.cents()).isNull();
		assertThat(e.weightsComplete()).isFalse();
		assertThat(e.weightSum()).isEqualByComparingTo("80");
	}

	@Test
	void stepsThatDoNotRead() {
		assertThat(AttainmentRule.parseSteps("50-50")).isEmpty();
		assertThat(AttainmentRule.parseSteps("")).isEmpty();
		assertThat(AttainmentRule.parseSteps("50:50;300:100")).isEmpty();
		assertThat(AttainmentRule.parseSteps("100 : 100 ; 50:40").orElseThrow()).hasSize(2);
	}
}
