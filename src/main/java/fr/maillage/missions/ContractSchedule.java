package fr.maillage.missions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a contract's dates and amounts promise, computed from the signature: when each mission must
 * start and be fully deployed, the anniversaries, and the payments to expect. For each contract
 * year, the functioning amount is paid in advance at the start of the year (the signature, then each
 * anniversary) and its balance after the dialogue de gestion at the year's end; each mission's
 * fixed part likewise, from the year the mission starts (its first advance on its start date), its
 * balance coming with the variable part earned.
 */
public final class ContractSchedule {

	private ContractSchedule() {
	}

	public enum DeadlineKind {
		MISSION_START, MISSION_FULL, ANNIVERSARY, END;

		public String labelKey() {
			return "missions.deadline." + name().toLowerCase(Locale.ROOT);
		}
	}

	/** A date the contract sets; {@code mission} is null for an anniversary or the end. */
	public record Deadline(LocalDate on, DeadlineKind kind, @Nullable Mission mission, int contractYear) {
	}

	public enum PaymentKind {
		ADVANCE, BALANCE;

		public String labelKey() {
			return "missions.payment." + name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * A payment to expect. {@code mission} is null for the functioning amount. {@code variableCents}
	 * is the most the variable part may bring with a balance (the envelope), until the dialogue
	 * de gestion fixes it.
	 */
	public record Expected(int contractYear, @Nullable Mission mission, PaymentKind kind, LocalDate due, long fixedCents, long variableCents) {

		public long totalCents() {
			return fixedCents + variableCents;
		}
	}

	public static List<Deadline> deadlines(Contract c) {
		List<Deadline> all = new ArrayList<>();
		for (Contract.Signed s : c.missions()) {
			LocalDate start = s.startsOn(c.signedOn());
			LocalDate full = s.fullyDeployedOn(c.signedOn());
			all.add(new Deadline(start, DeadlineKind.MISSION_START, s.mission(), c.yearOf(start)));
			all.add(new Deadline(full, DeadlineKind.MISSION_FULL, s.mission(), c.yearOf(full)));
		}
		for (int year = 1; year < Contract.YEARS; year++) {
			all.add(new Deadline(c.yearEnd(year), DeadlineKind.ANNIVERSARY, null, year));
		}
		all.add(new Deadline(c.endsOn(), DeadlineKind.END, null, Contract.YEARS));
		all.sort(Comparator.comparing(Deadline::on).thenComparing(Deadline::kind));
		return all;
	}

	public static List<Expected> expectedPayments(Contract c) {
		List<Expected> all = new ArrayList<>();
		for (int year = 1; year <= Contract.YEARS; year++) {
			LocalDate start = c.yearStart(year);
			LocalDate end = c.yearEnd(year);
			long advance = c.advanceOf(c.functioningCents());
			all.add(new Expected(year, null, PaymentKind.ADVANCE, start, advance, 0));
			all.add(new Expected(year, null, PaymentKind.BALANCE, end, c.functioningCents() - advance, 0));
			for (Contract.Signed s : c.missions()) {
				LocalDate missionStart = s.startsOn(c.signedOn());
				if (!missionStart.isBefore(end)) {
					continue;
				}
				long missionAdvance = c.advanceOf(s.fixedCents());
				all.add(new Expected(year, s.mission(), PaymentKind.ADVANCE, missionStart.isAfter(start) ? missionStart : start, missionAdvance, 0));
				all.add(new Expected(year, s.mission(), PaymentKind.BALANCE, end, s.fixedCents() - missionAdvance, s.variableCents()));
			}
		}
		all.sort(Comparator.comparing(Expected::due).thenComparing(Expected::kind)
			.thenComparing(e -> e.mission() == null ? -1 : e.mission().ordinal()));
		return all;
	}
}
