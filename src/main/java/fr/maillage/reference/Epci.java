package fr.maillage.reference;

import java.util.List;

/** An EPCI (intercommunality) identified by its SIREN, with its member communes' codes. */
public record Epci(String siren, String name, String kind, int population, List<String> memberCodes) {
}
