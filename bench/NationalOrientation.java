import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlowBase;
import fr.maillage.gpaccess.internal.MinCostFlow;
import fr.maillage.gpaccess.internal.OrientationEngine;
import fr.maillage.gpaccess.internal.OrientationEngine.Demand;
import fr.maillage.gpaccess.internal.OrientationEngine.Offer;
import fr.maillage.gpaccess.internal.OrientationEngine.Result;
import fr.maillage.reference.Commune;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The orientation engine at national scale: requests spread over the real communes by population,
 * GPs likewise, solved by Maillage's engine, then the very same network by OR-Tools' min-cost-flow
 * solver; prints both times and both optimal costs.
 *
 * <p>Arguments: requests GPs [seed]. Run through bench/orientation.sh.
 */
public class NationalOrientation {

	public static void main(String[] args) throws Exception {
		int requests = Integer.parseInt(args[0]);
		int gps = Integer.parseInt(args[1]);
		long seed = args.length > 2 ? Long.parseLong(args[2]) : 2026;
		Path reference = Path.of(args.length > 3 ? args[3] : "../shared/data/reference");

		Map<String, Commune> communes = loadCommunes(reference);
		List<Commune> list = new ArrayList<>(communes.values());
		list.sort((a, b) -> a.inseeCode().compareTo(b.inseeCode()));
		long[] cumulative = new long[list.size()];
		long population = 0;
		for (int i = 0; i < list.size(); i++) {
			population += Math.max(1, list.get(i).population());
			cumulative[i] = population;
		}
		long withCoordinates = list.stream().filter(Commune::hasCoordinates).count();
		System.out.printf("communes: %d (%d with coordinates), population %,d%n", list.size(), withCoordinates, population);

		Random random = new Random(seed);
		List<Demand> demands = new ArrayList<>(requests);
		for (int i = 0; i < requests; i++) {
			Commune c = pick(list, cumulative, population, random);
			double r = random.nextDouble();
			int level = r < 0.20 ? 0 : r < 0.28 ? 1 : r < 0.43 ? 2 : 3; // ALD, C2S, 70+, others
			double d = random.nextDouble();
			double maxKm = d < 0.85 ? 30 : d < 0.95 ? 20 : 50;
			demands.add(new Demand(c.inseeCode(), level, random.nextInt(720), random.nextDouble() < 0.05, maxKm));
		}
		List<Offer> offers = new ArrayList<>(gps);
		for (int i = 0; i < gps; i++) {
			Commune c = pick(list, cumulative, population, random);
			double radius = new double[] {10, 15, 20, 30}[random.nextInt(4)];
			offers.add(new Offer(c.inseeCode(), random.nextInt(21), random.nextBoolean(), radius, Set.of()));
		}
		System.out.printf("requests: %,d, GPs: %,d, capacity: %,d%n", requests, gps,
				offers.stream().mapToLong(Offer::remaining).sum());
		System.gc();

		long start = System.nanoTime();
		Result result = new OrientationEngine(communes::get).solve(demands, offers, 4);
		long millis = (System.nanoTime() - start) / 1_000_000;
		MinCostFlow network = result.network().flow();
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("network: %,d group nodes, %,d supply nodes, %,d arcs%n", result.network().groups(),
				result.network().supplyNodes(), network.arcCount());
		System.out.printf("Maillage engine: %,d ms in all (build %,d, solve %,d in %,d pivots, hand-out %,d); heap used %,d MB%n",
				millis, result.timings().buildMillis(), result.timings().solveMillis(), network.pivots(),
				result.timings().handOutMillis(), (runtime.totalMemory() - runtime.freeMemory()) >> 20);
		System.out.printf("served: %,d (ALD %,d/%,d, C2S %,d/%,d, 70+ %,d/%,d, others %,d/%,d), travel %,.1f km, optimal cost %,d%n",
				result.served(), result.servedByLevel()[0], result.demandsByLevel()[0], result.servedByLevel()[1],
				result.demandsByLevel()[1], result.servedByLevel()[2], result.demandsByLevel()[2], result.servedByLevel()[3],
				result.demandsByLevel()[3], result.travelTenthsOfKm() / 10.0, network.totalCost());

		if (Boolean.getBoolean("skipOrTools")) {
			return;
		}
		Loader.loadNativeLibraries();
		long orStart = System.nanoTime();
		com.google.ortools.graph.MinCostFlow or = new com.google.ortools.graph.MinCostFlow(network.nodeCount(), network.arcCount());
		long total = 0;
		for (int node = 0; node < network.nodeCount(); node++) {
			total += Math.max(0, network.supply(node));
		}
		for (int arc = 0; arc < network.arcCount(); arc++) {
			long capacity = Math.min(network.capacity(arc), total);
			or.addArcWithCapacityAndUnitCost(network.source(arc), network.target(arc), capacity, network.cost(arc));
		}
		for (int node = 0; node < network.nodeCount(); node++) {
			or.setNodeSupply(node, network.supply(node));
		}
		long orBuilt = System.nanoTime();
		MinCostFlowBase.Status status = or.solve();
		long orSolved = System.nanoTime();
		System.out.printf("OR-Tools MinCostFlow: %,d ms (loading the network %,d, solve %,d), status %s, optimal cost %,d%n",
				(orSolved - orStart) / 1_000_000, (orBuilt - orStart) / 1_000_000, (orSolved - orBuilt) / 1_000_000, status,
				or.getOptimalCost());
		System.out.println(or.getOptimalCost() == network.totalCost() ? "same optimum: yes" : "same optimum: NO");
		if (or.getOptimalCost() != network.totalCost()) {
			System.exit(1);
		}
	}

	private static Commune pick(List<Commune> list, long[] cumulative, long population, Random random) {
		long target = (long) (random.nextDouble() * population);
		int lo = 0;
		int hi = cumulative.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (cumulative[mid] > target) {
				hi = mid;
			} else {
				lo = mid + 1;
			}
		}
		return list.get(lo);
	}

	/** Current communes (code, département, population) and the 2018 centroids where they exist. */
	static Map<String, Commune> loadCommunes(Path reference) throws Exception {
		Map<String, double[]> centroids = new HashMap<>();
		List<String> lines = Files.readAllLines(reference.resolve("communes-centroids-2018.csv"));
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			if (f.length >= 4) {
				try {
					centroids.put(f[0], new double[] {Double.parseDouble(f[f.length - 2]), Double.parseDouble(f[f.length - 1])});
				} catch (NumberFormatException e) {
					// a line without coordinates
				}
			}
		}
		Pattern code = Pattern.compile("\"code\":\"([0-9AB]{5})\"");
		Pattern departement = Pattern.compile("\"departement\":\"([0-9AB]{2,3})\"");
		Pattern type = Pattern.compile("\"type\":\"([a-z-]+)\"");
		Pattern population = Pattern.compile("\"population\":(\\d+)");
		Map<String, Commune> communes = new HashMap<>();
		for (String line : Files.readAllLines(reference.resolve("etalab-decoupage-administratif-6.0.0/communes.json"))) {
			Matcher c = code.matcher(line);
			Matcher t = type.matcher(line);
			Matcher d = departement.matcher(line);
			if (!c.find() || !t.find() || !"commune-actuelle".equals(t.group(1)) || !d.find()) {
				continue;
			}
			Matcher p = population.matcher(line);
			int inhabitants = p.find() ? Integer.parseInt(p.group(1)) : 0;
			double[] at = centroids.get(c.group(1));
			communes.put(c.group(1), new Commune(c.group(1), c.group(1), d.group(1), d.group(1), "", null, inhabitants, List.of(),
					List.of(), at == null ? null : at[0], at == null ? null : at[1]));
		}
		return communes;
	}
}
