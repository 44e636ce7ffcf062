package fr.maillage.gpaccess.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.gpaccess.internal.OrientationEngine.Demand;
import fr.maillage.gpaccess.internal.OrientationEngine.Offer;
import fr.maillage.gpaccess.internal.OrientationEngine.Result;
import fr.maillage.gpaccess.internal.OrientationEngine.Unserved;
import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDistance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrientationEngineUnitTest {

	/** Communes on a meridian: 0.1° of latitude is about 11.1 km. */
	private final Map<String, Commune> communes = new HashMap<>();
	private final OrientationEngine engine = new OrientationEngine(communes::get);

	OrientationEngineUnitTest() {
		for (int i = 0; i < 10; i++) {
			String code = "0400" + i;
			communes.put(code, new Commune(code, "Commune " + i, "04", "Alpes-de-Haute-Provence", "93", "200000001", 1000,
					List.of(), List.of(), 44.0 + i * 0.1, 6.0));
		}
		// no coordinates: the fallback applies (same EPCI 10 km, same département 30 km)
		communes.put("04100", new Commune("04100", "Sans coordonnées A", "04", "Alpes-de-Haute-Provence", "93", "200000001", 100,
				List.of(), List.of(), null, null));
		communes.put("04101", new Commune("04101", "Sans coordonnées B", "04", "Alpes-de-Haute-Provence", "93", "200000002", 100,
				List.of(), List.of(), null, null));
		communes.put("05100", new Commune("05100", "Autre département", "05", "Hautes-Alpes", "93", "200000003", 100,
				List.of(), List.of(), null, null));
	}

	private static Demand demand(String commune, int level, long waiting) {
		return new Demand(commune, level, waiting, false, 30);
	}

	private static Offer gp(String commune, int capacity) {
		return new Offer(commune, capacity, false, 30, Set.of());
	}

	@Test
	void priorityBeatsDistance() {
		// one place near commune 0: the ALD request 22 km away gets it before the "other" one next door
		List<Demand> demands = List.of(demand("04000", 3, 1), demand("04002", 0, 2));
		Result result = engine.solve(demands, List.of(gp("04000", 1)), 4);

		assertThat(result.offerOf()).containsExactly(-1, 0);
		assertThat(result.km()[1]).isEqualTo(22.2);
		assertThat(result.unserved()[0]).isEqualTo(Unserved.CAPACITY_TAKEN);
		assertThat(result.servedByLevel()).containsExactly(1, 0, 0, 0);
	}

	@Test
	void travelIsMinimisedOnceThePrioritiesAreServed() {
		// two GPs, one place each; taking requests in order and giving each its nearest GP would
		// send the second one 22 km away (33 km in all): the flow finds 11 km
		List<Demand> demands = List.of(demand("04001", 0, 1), demand("04000", 0, 2));
		List<Offer> offers = List.of(gp("04000", 1), gp("04002", 1));
		Result result = engine.solve(demands, offers, 4);

		assertThat(result.offerOf()).containsExactly(1, 0);
		assertThat(result.travelTenthsOfKm()).isEqualTo(111);
	}

	@Test
	void capacityIsNeverExceeded() {
		List<Demand> demands = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			demands.add(demand("04001", i % 4, i));
		}
		List<Offer> offers = List.of(gp("04000", 3), gp("04001", 2), gp("04002", 0));
		Result result = engine.solve(demands, offers, 4);

		assertThat(count(result, 0)).isEqualTo(3);
		assertThat(count(result, 1)).isEqualTo(2);
		assertThat(count(result, 2)).isZero();
		// the five places go to the three level-0 requests and two of the three level-1 ones, oldest first
		assertThat(result.servedByLevel()).containsExactly(3, 2, 0, 0);
		assertThat(result.offerOf()[1]).isNotEqualTo(-1);
		assertThat(result.offerOf()[5]).isNotEqualTo(-1);
		assertThat(result.offerOf()[9]).isEqualTo(-1);
	}

	@Test
	void tiesAreBrokenDeterministically() {
		List<Demand> demands = List.of(demand("04003", 1, 5), demand("04003", 1, 3), demand("04003", 1, 4));
		List<Offer> offers = List.of(gp("04003", 1), gp("04003", 1));
		Result first = engine.solve(demands, offers, 4);
		Result second = engine.solve(demands, offers, 4);

		assertThat(first.offerOf()).containsExactly(second.offerOf());
		// the two who waited longest are served; the first GP in the input order goes first
		assertThat(first.offerOf()).containsExactly(-1, 0, 1);
	}

	@Test
	void homeVisitsCommunesServedAndDistancesAreConstraints() {
		List<Demand> demands = List.of(
				new Demand("04000", 0, 1, true, 30), // needs home visits: only GP 1
				new Demand("04005", 0, 2, false, 30), // 44 km or more from everyone: nobody
				new Demand("04006", 0, 3, false, 40)); // 33 km from GP 2, beyond its 20 km radius but served explicitly
		List<Offer> offers = List.of(
				new Offer("04000", 5, false, 30, Set.of()),
				new Offer("04001", 5, true, 30, Set.of()),
				new Offer("04009", 5, false, 20, Set.of("04006")));
		Result result = engine.solve(demands, offers, 4);

		assertThat(result.offerOf()).containsExactly(1, -1, 2);
		assertThat(result.unserved()[1]).isEqualTo(Unserved.NO_CANDIDATE);
		assertThat(result.remainingAfter()[0]).isEqualTo(4);
	}

	@Test
	void withoutCoordinatesTheFallbackDistancesApply() {
		List<Demand> demands = List.of(demand("04100", 0, 1), demand("04101", 0, 2), demand("05100", 0, 3));
		List<Offer> offers = List.of(gp("04000", 5));
		Result result = engine.solve(demands, offers, 4);

		// 04100 shares the EPCI (10 km), 04101 only the département (30 km), 05100 nothing
		assertThat(result.offerOf()).containsExactly(0, 0, -1);
		assertThat(result.km()[0]).isEqualTo(10.0);
		assertThat(result.km()[1]).isEqualTo(30.0);
	}

	@Test
	void matchesAnExhaustiveSearchOnRandomSmallInstances() {
		Random random = new Random(42);
		List<String> codes = new ArrayList<>(communes.keySet());
		Collections.sort(codes);
		for (int round = 0; round < 300; round++) {
			List<Demand> demands = new ArrayList<>();
			for (int i = 0, count = 1 + random.nextInt(6); i < count; i++) {
				demands.add(new Demand(codes.get(random.nextInt(codes.size())), random.nextInt(3), random.nextInt(5),
						random.nextInt(5) == 0, 10 + random.nextInt(40)));
			}
			List<Offer> offers = new ArrayList<>();
			for (int o = 0, count = 1 + random.nextInt(3); o < count; o++) {
				offers.add(new Offer(codes.get(random.nextInt(codes.size())), random.nextInt(3), random.nextBoolean(),
						5 + random.nextInt(40), random.nextInt(4) == 0 ? Set.of(codes.get(random.nextInt(codes.size()))) : Set.of()));
			}
			Result result = engine.solve(demands, offers, 3);
			long[] best = exhaustive(demands, offers, 3);

			long[] found = new long[4];
			for (int i = 0; i < demands.size(); i++) {
				if (result.offerOf()[i] >= 0) {
					assertThat(feasibleTenths(demands.get(i), offers.get(result.offerOf()[i]))).isGreaterThanOrEqualTo(0);
					found[demands.get(i).level()]++;
				}
			}
			found[3] = -result.travelTenthsOfKm();
			assertThat(found).as("round %d", round).containsExactly(best);
			for (int o = 0; o < offers.size(); o++) {
				assertThat(count(result, o)).isLessThanOrEqualTo(offers.get(o).remaining());
			}
		}
	}

	private static int count(Result result, int offer) {
		int count = 0;
		for (int o : result.offerOf()) {
			if (o == offer) {
				count++;
			}
		}
		return count;
	}

	/** The travel in tenths of a km if the pair is feasible, else −1. */
	private long feasibleTenths(Demand demand, Offer offer) {
		var km = CommuneDistance.km(communes.get(demand.commune()), communes.get(offer.commune()));
		if (km.isEmpty() || km.getAsDouble() > demand.maxKm() || (demand.homeVisit() && !offer.homeVisits())) {
			return -1;
		}
		if (!offer.servedCommunes().contains(demand.commune()) && km.getAsDouble() > offer.radiusKm()) {
			return -1;
		}
		return Math.round(km.getAsDouble() * 10);
	}

	/** The lexicographically best (served per level, then −travel) over every assignment. */
	private long[] exhaustive(List<Demand> demands, List<Offer> offers, int levels) {
		long[] best = new long[levels + 1];
		best[levels] = Long.MIN_VALUE;
		int[] choice = new int[demands.size()];
		int choices = offers.size() + 1;
		int total = (int) Math.pow(choices, demands.size());
		for (int code = 0; code < total; code++) {
			int c = code;
			for (int i = 0; i < demands.size(); i++) {
				choice[i] = c % choices - 1;
				c /= choices;
			}
			long[] key = new long[levels + 1];
			int[] used = new int[offers.size()];
			boolean ok = true;
			for (int i = 0; i < demands.size() && ok; i++) {
				if (choice[i] < 0) {
					continue;
				}
				long tenths = feasibleTenths(demands.get(i), offers.get(choice[i]));
				ok = tenths >= 0 && ++used[choice[i]] <= offers.get(choice[i]).remaining();
				key[demands.get(i).level()]++;
				key[levels] -= tenths;
			}
			if (ok && java.util.Arrays.compare(key, best) > 0) {
				best = key;
			}
		}
		return best;
	}
}
