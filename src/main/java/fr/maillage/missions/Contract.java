package fr.maillage.missions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A CPTS's ACI contract as it was signed: the date, the size class (with the reason when it is not
 * the territory's), the functioning amount and the missions with their amounts and deadlines. Five
 * years long; a contract year runs from one anniversary of the signature to the next.
 */
public record Contract(UUID id, UUID cptsId, LocalDate signedOn, int sizeClass, @Nullable String sizeClassReason, long functioningCents,
		int advancePercent, List<Signed> missions, int version) {

	public static final int YEARS = 5;

	public Contract {
		missions = List.copyOf(missions);
	}

	/** A mission signed: its yearly amounts, its deadlines in months after the signature, and how its variable part counts. */
	public record Signed(Mission mission, long fixedCents, long variableCents, int startMonths, int fullMonths, AttainmentRule rule) {

		public LocalDate startsOn(LocalDate signedOn) {
			return signedOn.plusMonths(startMonths);
		}

		public LocalDate fullyDeployedOn(LocalDate signedOn) {
			return signedOn.plusMonths(fullMonths);
		}
	}

	public Optional<Signed> signed(Mission mission) {
		return missions.stream().filter(s -> s.mission() == mission).findFirst();
	}

	public boolean signs(Mission mission) {
		return signed(mission).isPresent();
	}

	/** The first day of contract year {@code year} (1 to 5): the signature, then each anniversary. */
	public LocalDate yearStart(int year) {
		return signedOn.plusYears(year - 1L);
	}

	/** The day after contract year {@code year}: its anniversary, when the dialogue de gestion looks back on it. */
	public LocalDate yearEnd(int year) {
		return signedOn.plusYears(year);
	}

	public LocalDate endsOn() {
		return yearEnd(YEARS);
	}

	/** The contract year a day falls in, 0 before the signature, more than {@link #YEARS} after the end. */
	public int yearOf(LocalDate day) {
		if (day.isBefore(signedOn)) {
			return 0;
		}
		return (int) ChronoUnit.YEARS.between(signedOn, day) + 1;
	}

	/** The contract year in course on {@code day}, held within 1 to 5. */
	public int currentYear(LocalDate day) {
		return Math.max(1, Math.min(YEARS, yearOf(day)));
	}

	/** A month of the contract: from one monthly anniversary of the signature to the next. */
	public record Month(LocalDate start, LocalDate end) {
	}

	/** The twelve months of contract year {@code year}, each starting on the signature's day of the month. */
	public List<Month> months(int year) {
		return months(signedOn, year);
	}

	/** The twelve months of contract year {@code year} of a contract signed on {@code signedOn}. */
	public static List<Month> months(LocalDate signedOn, int year) {
		LocalDate start = signedOn.plusYears(year - 1L);
		return java.util.stream.IntStream.range(0, 12).mapToObj(i -> new Month(start.plusMonths(i), start.plusMonths(i + 1L))).toList();
	}

	/** The month of the contract a day falls in (the contract's first month for a day before the signature). */
	public Month monthOf(LocalDate day) {
		return months(currentYear(day)).stream().filter(m -> !day.isBefore(m.start()) && day.isBefore(m.end())).findFirst()
			.orElse(months(1).getFirst());
	}

	/** {@code cents × advancePercent / 100}, half up to the cent. */
	public long advanceOf(long cents) {
		return (cents * advancePercent + 50) / 100;
	}
}
