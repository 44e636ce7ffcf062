package fr.maillage.gpaccess.internal;

import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDistance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The orientation as a minimum-cost flow, independent of the database so that the benchmark can
 * run it at national scale.
 *
 * <p>Demands are aggregated into groups (commune, home visit needed, acceptable distance) and
 * offers into supply nodes (commune, home visits, radius, communes served): a group's arc to a
 * supply node exists when every pair would be feasible, and costs the distance in tenths of a
 * kilometre. Each group also has, per priority level, an arc to the sink that leaves demands of
 * that level unserved; its cost W(level) = (levels − level) × B, with B larger than any travel a
 * single exchange can save, so that serving one more demand of a level is worth more than any
 * number of demands of lower levels and any travel: the optimum serves the priorities
 * lexicographically, then minimises total travel. Within a group, demands are served in the order
 * of their level, then of their waiting (oldest first), then of their position in the input;
 * within a supply node, each demand goes to the practitioner with the most capacity left (ties:
 * input order). Everything is sorted canonically, so the same input gives the same answer.
 */
public final class OrientationEngine {

	/** A request to orient; {@code waitingOrder} smaller = waiting longer. */
	public record Demand(String commune, int level, long waitingOrder, boolean homeVisit, double maxKm) {
	}

	/** A practitioner's remaining capacity and constraints. */
	public record Offer(String commune, int remaining, boolean homeVisits, double radiusKm, Set<String> servedCommunes) {
	}

	public enum Unserved {
		/** No practitioner meets the request's constraints (distance, home visits, communes served). */
		NO_CANDIDATE,
		/** Candidates exist, but their capacity went to requests of equal or higher priority or nearer. */
		CAPACITY_TAKEN
	}

	/**
	 * The answer: for each demand, the offer chosen (−1 when unserved), the distance, the capacity
	 * the offer has left after this assignment, and why an unserved demand is unserved.
	 */
	public record Result(int[] offerOf, double[] km, int[] remainingAfter, Unserved[] unserved,
			long travelTenthsOfKm, int[] servedByLevel, int[] demandsByLevel, Network network, Timings timings) {

		public int served() {
			return Arrays.stream(servedByLevel).sum();
		}
	}

	public record Timings(long buildMillis, long solveMillis, long handOutMillis) {
	}

	/** The network as built, so that another solver can be run on exactly the same instance. */
	public record Network(MinCostFlow flow, int groups, int supplyNodes, int sink, long unitWeight) {
	}

	private static final double TENTHS = 10.0;
	private static final double CELL_DEGREES = 0.5;

	private final Function<String, Commune> communes;

	/** {@code communes} answers a commune by its INSEE code (null when unknown: nothing is feasible). */
	public OrientationEngine(Function<String, Commune> communes) {
		this.communes = communes;
	}

	public Result solve(List<Demand> demands, List<Offer> offers, int levels) {
		long start = System.nanoTime();
		int n = demands.size();
		int[] demandsByLevel = new int[levels];
		for (Demand d : demands) {
			if (d.level() < 0 || d.level() >= levels) {
				throw new IllegalArgumentException("level out of range: " + d.level());
			}
			demandsByLevel[d.level()]++;
		}

		// Groups of demands, in canonical order.
		Map<GroupKey, Integer> groupIndex = new HashMap<>();
		List<GroupKey> groupKeys = new ArrayList<>();
		int[] groupOfDemand = new int[n];
		for (int i = 0; i < n; i++) {
			Demand d = demands.get(i);
			GroupKey key = new GroupKey(d.commune(), d.homeVisit(), Math.round(d.maxKm() * TENTHS));
			Integer g = groupIndex.get(key);
			if (g == null) {
				g = groupKeys.size();
				groupIndex.put(key, g);
				groupKeys.add(key);
			}
			groupOfDemand[i] = g;
		}
		int groupCount = groupKeys.size();
		Integer[] groupOrder = sortedIndices(groupCount, Comparator.comparing((Integer g) -> groupKeys.get(g).commune())
				.thenComparing(g -> groupKeys.get(g).homeVisit())
				.thenComparingLong(g -> groupKeys.get(g).maxTenths()));
		int[] groupRank = new int[groupCount];
		for (int r = 0; r < groupCount; r++) {
			groupRank[groupOrder[r]] = r;
		}
		long[][] groupLevelCount = new long[groupCount][levels];
		for (int i = 0; i < n; i++) {
			groupOfDemand[i] = groupRank[groupOfDemand[i]];
			groupLevelCount[groupOfDemand[i]][demands.get(i).level()]++;
		}
		GroupKey[] groups = new GroupKey[groupCount];
		for (int r = 0; r < groupCount; r++) {
			groups[r] = groupKeys.get(groupOrder[r]);
		}

		// Supply nodes, in canonical order.
		Map<SupplyKey, Integer> supplyIndex = new HashMap<>();
		List<SupplyKey> supplyKeys = new ArrayList<>();
		int[] supplyOfOffer = new int[offers.size()];
		for (int o = 0; o < offers.size(); o++) {
			Offer offer = offers.get(o);
			SupplyKey key = new SupplyKey(offer.commune(), offer.homeVisits(), Math.round(offer.radiusKm() * TENTHS),
					String.join(",", new TreeSet<>(offer.servedCommunes())));
			Integer s = supplyIndex.get(key);
			if (s == null) {
				s = supplyKeys.size();
				supplyIndex.put(key, s);
				supplyKeys.add(key);
			}
			supplyOfOffer[o] = s;
		}
		int supplyCount = supplyKeys.size();
		Integer[] supplyOrder = sortedIndices(supplyCount, Comparator.comparing((Integer s) -> supplyKeys.get(s).commune())
				.thenComparing(s -> supplyKeys.get(s).homeVisits())
				.thenComparingLong(s -> supplyKeys.get(s).radiusTenths())
				.thenComparing(s -> supplyKeys.get(s).served()));
		int[] supplyRank = new int[supplyCount];
		for (int r = 0; r < supplyCount; r++) {
			supplyRank[supplyOrder[r]] = r;
		}
		SupplyKey[] supplies = new SupplyKey[supplyCount];
		Set<String>[] served = newSetArray(supplyCount);
		long[] supplyCapacity = new long[supplyCount];
		for (int r = 0; r < supplyCount; r++) {
			supplies[r] = supplyKeys.get(supplyOrder[r]);
		}
		for (int o = 0; o < offers.size(); o++) {
			supplyOfOffer[o] = supplyRank[supplyOfOffer[o]];
			supplyCapacity[supplyOfOffer[o]] += Math.max(0, offers.get(o).remaining());
			served[supplyOfOffer[o]] = offers.get(o).servedCommunes();
		}

		// The network: groups, supply nodes, sink. Travel arcs first, group by group, nearest first.
		int sink = groupCount + supplyCount;
		MinCostFlow flow = new MinCostFlow(sink + 1, groupCount * 8 + groupCount * levels + supplyCount);
		CandidateIndex index = new CandidateIndex(supplies);
		boolean[] hasCandidate = new boolean[groupCount];
		long maxCost = 0;
		long[] buffer = new long[64];
		for (int g = 0; g < groupCount; g++) {
			GroupKey group = groups[g];
			Commune from = communes.apply(group.commune());
			if (from == null) {
				continue;
			}
			double maxKm = group.maxTenths() / TENTHS;
			int found = 0;
			for (int[] bucket : index.near(from, maxKm)) {
				Commune to = index.commune(bucket[0]);
				OptionalDouble km = CommuneDistance.km(from, to);
				if (km.isEmpty() || km.getAsDouble() > maxKm) {
					continue;
				}
				double distance = km.getAsDouble();
				for (int k = 1; k < bucket.length; k++) {
					int s = bucket[k];
					SupplyKey supply = supplies[s];
					if (supplyCapacity[s] == 0 || (group.homeVisit() && !supply.homeVisits())) {
						continue;
					}
					if (!served[s].contains(group.commune()) && distance > supply.radiusTenths() / TENTHS) {
						continue;
					}
					if (found == buffer.length) {
						buffer = Arrays.copyOf(buffer, found * 2);
					}
					buffer[found++] = (Math.round(distance * TENTHS) << 32) | s;
				}
			}
			Arrays.sort(buffer, 0, found);
			for (int a = 0; a < found; a++) {
				long cost = buffer[a] >>> 32;
				maxCost = Math.max(maxCost, cost);
				flow.addArc(g, groupCount + (int) (buffer[a] & 0xFFFF_FFFFL), MinCostFlow.INFINITE, cost);
			}
			hasCandidate[g] = found > 0;
		}
		int firstUnservedArc = flow.arcCount();
		long unit = (2L * Math.min(groupCount, supplyCount) + 1) * Math.max(1, maxCost) + 1;
		int[] unservedArc = new int[groupCount * levels];
		Arrays.fill(unservedArc, -1);
		long total = 0;
		for (int g = 0; g < groupCount; g++) {
			long groupTotal = 0;
			for (int level = 0; level < levels; level++) {
				long count = groupLevelCount[g][level];
				if (count > 0) {
					unservedArc[g * levels + level] = flow.addArc(g, sink, count, (levels - level) * unit);
					groupTotal += count;
				}
			}
			flow.setSupply(g, groupTotal);
			total += groupTotal;
		}
		for (int s = 0; s < supplyCount; s++) {
			flow.addArc(groupCount + s, sink, supplyCapacity[s], 0);
		}
		flow.setSupply(sink, -total);
		long built = System.nanoTime();

		MinCostFlow.Outcome outcome = flow.solve();
		if (outcome != MinCostFlow.Outcome.OPTIMAL) {
			throw new IllegalStateException("orientation network not solved: " + outcome);
		}
		long solved = System.nanoTime();

		// Hand out to individuals.
		int[] demandOrder = handOutOrder(demands, groupOfDemand, groupCount);
		List<PriorityQueue<int[]>> practitioners = new ArrayList<>(supplyCount);
		int[] remaining = new int[offers.size()];
		for (int s = 0; s < supplyCount; s++) {
			practitioners.add(new PriorityQueue<>(Comparator.<int[]>comparingInt(p -> -p[1]).thenComparingInt(p -> p[0])));
		}
		for (int o = 0; o < offers.size(); o++) {
			remaining[o] = Math.max(0, offers.get(o).remaining());
			if (remaining[o] > 0) {
				practitioners.get(supplyOfOffer[o]).add(new int[] {o, remaining[o]});
			}
		}
		int[] offerOf = new int[n];
		double[] km = new double[n];
		int[] remainingAfter = new int[n];
		Unserved[] unserved = new Unserved[n];
		Arrays.fill(offerOf, -1);
		int[] servedByLevel = new int[levels];
		long travel = 0;
		int arc = 0;
		int cursor = 0;
		for (int g = 0; g < groupCount; g++) {
			int end = cursor;
			while (end < n && groupOfDemand[demandOrder[end]] == g) {
				end++;
			}
			long[] servedAtLevel = new long[levels];
			for (int level = 0; level < levels; level++) {
				int u = unservedArc[g * levels + level];
				servedAtLevel[level] = groupLevelCount[g][level] - (u < 0 ? 0 : flow.flow(u));
			}
			int position = cursor;
			while (arc < firstUnservedArc && flow.source(arc) == g) {
				long units = flow.flow(arc);
				int s = flow.target(arc) - groupCount;
				for (long unitIndex = 0; unitIndex < units; unitIndex++) {
					// the next demand of the group whose level still has a served place
					while (servedAtLevel[demands.get(demandOrder[position]).level()] == 0) {
						position++;
					}
					int i = demandOrder[position];
					servedAtLevel[demands.get(i).level()]--;
					int[] practitioner = practitioners.get(s).poll();
					if (practitioner == null) {
						throw new IllegalStateException("capacity exceeded at supply node " + s);
					}
					practitioner[1]--;
					remaining[practitioner[0]] = practitioner[1];
					if (practitioner[1] > 0) {
						practitioners.get(s).add(practitioner);
					}
					offerOf[i] = practitioner[0];
					km[i] = flow.cost(arc) / TENTHS;
					remainingAfter[i] = practitioner[1];
					servedByLevel[demands.get(i).level()]++;
					travel += flow.cost(arc);
					demandOrder[position] = -1 - i;
					position++;
				}
				arc++;
			}
			for (int p = cursor; p < end; p++) {
				if (demandOrder[p] >= 0) {
					unserved[demandOrder[p]] = hasCandidate[g] ? Unserved.CAPACITY_TAKEN : Unserved.NO_CANDIDATE;
				}
			}
			cursor = end;
		}
		long handedOut = System.nanoTime();
		return new Result(offerOf, km, remainingAfter, unserved, travel, servedByLevel, demandsByLevel,
				new Network(flow, groupCount, supplyCount, sink, unit),
				new Timings((built - start) / 1_000_000, (solved - built) / 1_000_000, (handedOut - solved) / 1_000_000));
	}

	/**
	 * Demand indices by group, then level, then waiting (oldest first), then input position: a
	 * counting sort by group, then within each group a sort of packed primitive keys (boxed
	 * comparators are too slow for millions).
	 */
	private static int[] handOutOrder(List<Demand> demands, int[] groupOfDemand, int groupCount) {
		int n = demands.size();
		long[] waiting = new long[n];
		for (int i = 0; i < n; i++) {
			waiting[i] = demands.get(i).waitingOrder();
		}
		long[] distinct = waiting.clone();
		Arrays.sort(distinct);
		int[] start = new int[groupCount + 1];
		for (int g : groupOfDemand) {
			start[g + 1]++;
		}
		for (int g = 0; g < groupCount; g++) {
			start[g + 1] += start[g];
		}
		int[] order = new int[n];
		int[] fill = Arrays.copyOf(start, groupCount);
		for (int i = 0; i < n; i++) {
			order[fill[groupOfDemand[i]]++] = i;
		}
		long[] keys = new long[0];
		for (int g = 0; g < groupCount; g++) {
			int size = start[g + 1] - start[g];
			if (keys.length < size) {
				keys = new long[Math.max(size, keys.length * 2)];
			}
			for (int p = 0; p < size; p++) {
				int i = order[start[g] + p];
				long rank = Arrays.binarySearch(distinct, waiting[i]);
				// level: 8 bits, waiting rank: 28 bits, position in the group: 27 bits
				keys[p] = ((long) demands.get(i).level() << 55) | (rank << 27) | p;
			}
			Arrays.sort(keys, 0, size);
			int[] sorted = new int[size];
			for (int p = 0; p < size; p++) {
				sorted[p] = order[start[g] + (int) (keys[p] & ((1L << 27) - 1))];
			}
			System.arraycopy(sorted, 0, order, start[g], size);
		}
		return order;
	}

	private static Integer[] sortedIndices(int count, Comparator<Integer> order) {
		Integer[] indices = new Integer[count];
		for (int i = 0; i < count; i++) {
			indices[i] = i;
		}
		Arrays.sort(indices, order);
		return indices;
	}

	@SuppressWarnings("unchecked")
	private static Set<String>[] newSetArray(int size) {
		Set<String>[] sets = new Set[size];
		Arrays.fill(sets, Set.of());
		return sets;
	}

	private record GroupKey(String commune, boolean homeVisit, long maxTenths) {
	}

	private record SupplyKey(String commune, boolean homeVisits, long radiusTenths, String served) {
	}

	/**
	 * Supply nodes bucketed by commune, and communes by grid cell (for those with coordinates), by
	 * département and by EPCI (for the fallback distances).
	 */
	private final class CandidateIndex {

		private final List<Commune> places = new ArrayList<>();
		private final List<int[]> buckets = new ArrayList<>();
		private final Map<Long, List<Integer>> cells = new HashMap<>();
		private final Map<String, List<Integer>> byDepartement = new HashMap<>();
		private final Map<String, List<Integer>> byEpci = new HashMap<>();
		private int[] stamp = new int[0];
		private int round;

		CandidateIndex(SupplyKey[] supplies) {
			Map<String, List<Integer>> byCommune = new HashMap<>();
			List<String> order = new ArrayList<>();
			for (int s = 0; s < supplies.length; s++) {
				List<Integer> list = byCommune.get(supplies[s].commune());
				if (list == null) {
					list = new ArrayList<>();
					byCommune.put(supplies[s].commune(), list);
					order.add(supplies[s].commune());
				}
				list.add(s);
			}
			for (String code : order) {
				Commune commune = communes.apply(code);
				if (commune == null) {
					continue;
				}
				List<Integer> members = byCommune.get(code);
				int[] bucket = new int[members.size() + 1];
				int p = places.size();
				bucket[0] = p;
				for (int k = 0; k < members.size(); k++) {
					bucket[k + 1] = members.get(k);
				}
				places.add(commune);
				buckets.add(bucket);
				if (commune.hasCoordinates()) {
					cells.computeIfAbsent(cell(cellRow(commune.latitude()), cellColumn(commune.longitude())), c -> new ArrayList<>()).add(p);
				}
				byDepartement.computeIfAbsent(commune.departementCode(), c -> new ArrayList<>()).add(p);
				if (commune.epciSiren() != null) {
					byEpci.computeIfAbsent(commune.epciSiren(), c -> new ArrayList<>()).add(p);
				}
			}
			stamp = new int[places.size()];
		}

		Commune commune(int place) {
			return places.get(place);
		}

		/** The buckets (place index, then supply nodes) that may lie within {@code km}. */
		List<int[]> near(Commune from, double km) {
			round++;
			List<int[]> found = new ArrayList<>();
			if (from.hasCoordinates()) {
				double lat = from.latitude();
				double dLat = km / 111.0;
				double cos = Math.max(0.05, Math.cos(Math.toRadians(Math.min(89, Math.abs(lat) + dLat))));
				double dLon = km / (111.32 * cos);
				for (long row = cellRow(lat - dLat); row <= cellRow(lat + dLat); row++) {
					for (long column = cellColumn(from.longitude() - dLon); column <= cellColumn(from.longitude() + dLon); column++) {
						add(cells.get(cell(row, column)), found);
					}
				}
			}
			add(byDepartement.get(from.departementCode()), found);
			if (from.epciSiren() != null) {
				add(byEpci.get(from.epciSiren()), found);
			}
			return found;
		}

		private void add(List<Integer> places, List<int[]> found) {
			if (places == null) {
				return;
			}
			for (int p : places) {
				if (stamp[p] != round) {
					stamp[p] = round;
					found.add(buckets.get(p));
				}
			}
		}

		private static long cellRow(double latitude) {
			return (long) Math.floor(latitude / CELL_DEGREES);
		}

		private static long cellColumn(double longitude) {
			return (long) Math.floor(longitude / CELL_DEGREES);
		}

		private static long cell(long row, long column) {
			return row * 100_000L + column;
		}
	}
}
