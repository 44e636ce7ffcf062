package fr.maillage.gpaccess.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlowBase;
import com.google.ortools.graph.MinCostFlow;
import fr.maillage.reference.Commune;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The orientation engine's optimum, proven rather than hoped: on random instances of hundreds of
 * requests groups and GPs across a département (priority weights as in production), its solution
 * carries an optimality certificate (feasible flow, potentials with consistent reduced costs, dual
 * objective equal to the primal) and OR-Tools finds the same optimal cost on the very same network;
 * the certificate also holds when costs reach production magnitudes (10^8 weights, 10^13 for the
 * solver's artificial arcs).
 */
class OrientationOptimalityTest {

	static final int INSTANCES = 50;

	@BeforeAll
	static void loadOrTools() {
		Loader.loadNativeLibraries();
	}

	private static Map<String, Commune> communes(Random random, int count) {
		Map<String, Commune> communes = new HashMap<>();
		for (int i = 0; i < count; i++) {
			String code = String.format("04%03d", i);
			// a département of about 150 × 150 km, a few communes without coordinates (distance by EPCI or département)
			boolean placed = random.nextInt(20) != 0;
			communes.put(code, new Commune(code, "Commune " + i, "04", "Alpes-de-Haute-Provence", "93", "2000000" + (10 + random.nextInt(6)),
					100 + random.nextInt(20_000), List.of(), List.of(), placed ? 43.6 + random.nextDouble() * 1.4 : null,
					placed ? 5.5 + random.nextDouble() * 1.9 : null));
		}
		return communes;
	}

	private static OrientationEngine.Result solve(long seed) {
		Random random = new Random(seed);
		Map<String, Commune> communes = communes(random, 60 + random.nextInt(60));
		List<String> codes = new ArrayList<>(communes.keySet());
		codes.sort(null);
		int levels = 3 + random.nextInt(4);
		List<OrientationEngine.Demand> demands = new ArrayList<>();
		int requests = 400 + random.nextInt(800);
		for (int i = 0; i < requests; i++) {
			demands.add(new OrientationEngine.Demand(codes.get(random.nextInt(codes.size())), random.nextInt(levels), i, random.nextInt(10) == 0,
					10 + random.nextInt(8) * 10));
		}
		List<OrientationEngine.Offer> offers = new ArrayList<>();
		int gps = 100 + random.nextInt(200);
		for (int g = 0; g < gps; g++) {
			Set<String> served = random.nextInt(4) == 0 ? Set.of(codes.get(random.nextInt(codes.size()))) : Set.of();
			offers.add(new OrientationEngine.Offer(codes.get(random.nextInt(codes.size())), 1 + random.nextInt(6), random.nextBoolean(),
					5 + random.nextInt(6) * 5, served));
		}
		return new OrientationEngine(communes::get).solve(demands, offers, levels);
	}

	private static long orTools(fr.maillage.gpaccess.internal.MinCostFlow ours) {
		MinCostFlow theirs = new MinCostFlow();
		for (int e = 0; e < ours.arcCount(); e++) {
			theirs.addArcWithCapacityAndUnitCost(ours.source(e), ours.target(e), Math.min(ours.capacity(e), Long.MAX_VALUE / 8), ours.cost(e));
		}
		for (int v = 0; v < ours.nodeCount(); v++) {
			theirs.setNodeSupply(v, ours.supply(v));
		}
		assertThat(theirs.solve()).isEqualTo(MinCostFlowBase.Status.OPTIMAL);
		return theirs.getOptimalCost();
	}

	@Test
	void theEnginesOptimumCarriesACertificateAndEqualsOrToolsOn50MediumInstances() {
		long largestWeight = 0;
		int nodes = 0;
		for (int i = 0; i < INSTANCES; i++) {
			OrientationEngine.Result result = solve(1000 + i);
			fr.maillage.gpaccess.internal.MinCostFlow flow = result.network().flow();
			assertThat(OptimalityCertificate.check(flow)).as("instance %d", i).isEmpty();
			assertThat(flow.totalCost()).as("instance %d: same optimum as OR-Tools", i).isEqualTo(orTools(flow));
			largestWeight = Math.max(largestWeight, result.network().unitWeight());
			nodes = Math.max(nodes, flow.nodeCount());
			assertThat(result.served()).as("instance %d serves someone", i).isPositive();
		}
		assertThat(nodes).as("hundreds of nodes").isGreaterThan(200);
		assertThat(largestWeight).as("priority weights of the production's order").isGreaterThan(100_000);
	}

	@Test
	void theCertificateHoldsAtProductionMagnitudes() {
		for (int i = 0; i < 10; i++) {
			Random random = new Random(77 + i);
			// an orientation-shaped network whose unit weight is 10^8 (a national registry's), travel up to 10^5 tenths of a km
			int groups = 150 + random.nextInt(150);
			int supplies = 80 + random.nextInt(80);
			int levels = 5;
			// half with a national registry's unit weight (10^8), half a hundred times larger, so that the solver's
			// artificial arcs, (largest cost + 1) × nodes, pass 10^13
			long weight = (i % 2 == 0 ? 100_000_000L : 30_000_000_000L) + random.nextInt(1_000_000);
			int sink = groups + supplies;
			fr.maillage.gpaccess.internal.MinCostFlow flow = new fr.maillage.gpaccess.internal.MinCostFlow(sink + 1, groups * 12);
			long demand = 0;
			for (int g = 0; g < groups; g++) {
				long[] perLevel = new long[levels];
				for (int k = 0; k < levels; k++) {
					perLevel[k] = random.nextInt(8);
					demand += perLevel[k];
					flow.addArc(g, sink, perLevel[k], (levels - k) * weight);
				}
				long total = java.util.Arrays.stream(perLevel).sum();
				flow.setSupply(g, total);
				for (int a = 0; a < 6; a++) {
					flow.addArc(g, groups + random.nextInt(supplies), total, random.nextInt(100_000));
				}
			}
			for (int s = 0; s < supplies; s++) {
				flow.addArc(groups + s, sink, random.nextInt(15), 0);
			}
			flow.setSupply(sink, -demand);
			assertThat(flow.solve()).isEqualTo(fr.maillage.gpaccess.internal.MinCostFlow.Outcome.OPTIMAL);
			assertThat(OptimalityCertificate.check(flow)).as("instance %d", i).isEmpty();
			assertThat(flow.totalCost()).as("instance %d: same optimum as OR-Tools", i).isEqualTo(orTools(flow));
			assertThat(flow.totalCost()).as("costs of a national registry's order").isGreaterThan(100_000_000_000L);
			if (i % 2 == 1) {
				assertThat(ArtificialArcs.artificialCost(levels * weight, sink + 1)).isGreaterThan(10_000_000_000_000L);
			}
		}
	}

	/** The solver's artificial arc cost for these largest costs and node count (MinCostFlow.init). */
	static final class ArtificialArcs {
		static long artificialCost(long largestCost, int nodes) {
			return Math.multiplyExact(largestCost + 1, nodes + 1);
		}
	}

	@Test
	void theCertificateRefusesAWrongSolution() {
		fr.maillage.gpaccess.internal.MinCostFlow flow = new fr.maillage.gpaccess.internal.MinCostFlow(3, 3);
		flow.addArc(0, 1, 5, 1);
		flow.addArc(1, 2, 5, 1);
		flow.addArc(0, 2, 5, 5);
		flow.setSupply(0, 5);
		flow.setSupply(2, -5);
		assertThat(flow.solve()).isEqualTo(fr.maillage.gpaccess.internal.MinCostFlow.Outcome.OPTIMAL);
		assertThat(flow.totalCost()).isEqualTo(10);
		OptimalityCertificate.Solution right = OptimalityCertificate.Solution.of(flow);
		assertThat(OptimalityCertificate.check(right)).isEmpty();
		// one unit sent the expensive way: still feasible, no longer optimal
		OptimalityCertificate.Solution costlier = OptimalityCertificate.Solution.of(flow);
		costlier.flow()[0]--;
		costlier.flow()[1]--;
		costlier.flow()[2]++;
		assertThat(OptimalityCertificate.check(costlier)).get().asString().contains("reduced cost");
		// a unit lost on the way: not even feasible
		OptimalityCertificate.Solution leaking = OptimalityCertificate.Solution.of(flow);
		leaking.flow()[1]--;
		assertThat(OptimalityCertificate.check(leaking)).get().asString().contains("supply");
		// potentials that are not a dual optimum
		OptimalityCertificate.Solution wrongDual = OptimalityCertificate.Solution.of(flow);
		wrongDual.potential()[1] += 3;
		assertThat(OptimalityCertificate.check(wrongDual)).isPresent();
	}
}
