package fr.maillage.association.internal;

import fr.maillage.association.Board;
import fr.maillage.missions.Stewardship;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The board steers the contract with the coordinators: a current mandate in the bureau or the council. */
@Component
class BoardStewardship implements Stewardship {

	private final Board board;

	BoardStewardship(Board board) {
		this.board = board;
	}

	@Override
	public boolean stewards(UUID userId, UUID cptsId) {
		return board.sits(userId, cptsId);
	}
}
