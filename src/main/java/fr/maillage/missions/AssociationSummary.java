package fr.maillage.missions;

import java.time.LocalDate;
import java.util.List;

/**
 * What the projet de santé says of the association: its governing bodies with who holds which
 * seat, the meetings held in the year with their attendance, the members by college.
 */
public record AssociationSummary(List<Body> bodies, List<HeldMeeting> meetings, List<College> colleges) {

	public static final AssociationSummary NONE = new AssociationSummary(List.of(), List.of(), List.of());

	public record Body(String name, String kind, List<Seat> seats) {
	}

	public record Seat(String name, String position) {
	}

	public record HeldMeeting(LocalDate on, String title, String kind, long invited, long attended) {
	}

	public record College(String name, long members) {
	}
}
