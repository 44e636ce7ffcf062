package fr.maillage.cpts;

import java.util.UUID;

public record CptsId(UUID id) {
	@Override
	public String toString() {
		return id.toString();
	}
}
