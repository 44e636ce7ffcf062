package fr.maillage.gpaccess.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MinCostFlowUnitTest {

	@Test
	void solvesATextbookInstance() {
		// Two sources (4 and 2 units), two sinks (3 and 3); the cheap arc 0→2 is capacity-limited.
		MinCostFlow f = new MinCostFlow(4, 8);
		int a = f.addArc(0, 2, 2, 1);
		int b = f.addArc(0, 3, MinCostFlow.INFINITE, 4);
		int c = f.addArc(1, 2, MinCostFlow.INFINITE, 3);
		int d = f.addArc(1, 3, MinCostFlow.INFINITE, 5);
		f.setSupply(0, 4);
		f.setSupply(1, 2);
		f.setSupply(2, -3);
		f.setSupply(3, -3);
		assertThat(f.solve()).isEqualTo(MinCostFlow.Outcome.OPTIMAL);
		// 0→2: 2 (cost 2), 0→3: 2 (8), 1→2: 1 (3), 1→3: 1 (5) = 18
		assertThat(f.totalCost()).isEqualTo(18);
		assertThat(new long[] {f.flow(a), f.flow(b), f.flow(c), f.flow(d)}).containsExactly(2, 2, 1, 1);
	}

	@Test
	void reportsAnInfeasibleInstance() {
		MinCostFlow f = new MinCostFlow(2, 1);
		f.addArc(0, 1, 1, 1);
		f.setSupply(0, 2);
		f.setSupply(1, -2);
		assertThat(f.solve()).isEqualTo(MinCostFlow.Outcome.INFEASIBLE);
	}

	@Test
	void agreesWithSuccessiveShortestPathsOnRandomInstances() {
		Random random = new Random(20261124);
		for (int round = 0; round < 400; round++) {
			int n = 2 + random.nextInt(round < 300 ? 12 : 60);
			int m = random.nextInt(n * 4);
			long[] supply = new long[n];
			for (int i = 0; i < n / 2; i++) {
				int from = random.nextInt(n);
				int to = random.nextInt(n);
				long units = random.nextInt(6);
				supply[from] += units;
				supply[to] -= units;
			}
			List<long[]> arcs = new ArrayList<>();
			for (int i = 0; i < m; i++) {
				int from = random.nextInt(n);
				int to = random.nextInt(n);
				if (from != to) {
					long cap = random.nextInt(5) == 0 ? MinCostFlow.INFINITE : random.nextInt(7);
					arcs.add(new long[] {from, to, cap, random.nextInt(20)});
				}
			}
			MinCostFlow f = new MinCostFlow(n, arcs.size());
			for (long[] arc : arcs) {
				f.addArc((int) arc[0], (int) arc[1], arc[2], arc[3]);
			}
			for (int i = 0; i < n; i++) {
				f.setSupply(i, supply[i]);
			}
			MinCostFlow.Outcome outcome = f.solve();
			Long expected = Reference.minCost(n, arcs, supply);
			if (expected == null) {
				assertThat(outcome).as("round %d", round).isEqualTo(MinCostFlow.Outcome.INFEASIBLE);
				continue;
			}
			assertThat(outcome).as("round %d", round).isEqualTo(MinCostFlow.Outcome.OPTIMAL);
			assertThat(f.totalCost()).as("round %d", round).isEqualTo(expected);
			long[] balance = supply.clone();
			for (int i = 0; i < arcs.size(); i++) {
				long x = f.flow(i);
				assertThat(x).isBetween(0L, arcs.get(i)[2]);
				balance[(int) arcs.get(i)[0]] -= x;
				balance[(int) arcs.get(i)[1]] += x;
			}
			assertThat(balance).as("conservation, round %d", round).containsOnly(0L);
		}
	}

	/** Successive shortest paths with Bellman-Ford from a super source: slow, plain, trusted. */
	static final class Reference {

		static Long minCost(int n, List<long[]> arcs, long[] supply) {
			int s = n;
			int t = n + 1;
			List<long[]> edges = new ArrayList<>(); // from, to, residual, cost, reverse index
			for (long[] a : arcs) {
				add(edges, (int) a[0], (int) a[1], Math.min(a[2], 1_000_000), a[3]);
			}
			long need = 0;
			for (int i = 0; i < n; i++) {
				if (supply[i] > 0) {
					add(edges, s, i, supply[i], 0);
					need += supply[i];
				} else if (supply[i] < 0) {
					add(edges, i, t, -supply[i], 0);
				}
			}
			long total = 0;
			long sent = 0;
			while (sent < need) {
				long[] dist = new long[n + 2];
				int[] via = new int[n + 2];
				Arrays.fill(dist, Long.MAX_VALUE);
				Arrays.fill(via, -1);
				dist[s] = 0;
				for (int k = 0; k < n + 2; k++) {
					for (int i = 0; i < edges.size(); i++) {
						long[] e = edges.get(i);
						if (e[2] > 0 && dist[(int) e[0]] != Long.MAX_VALUE && dist[(int) e[0]] + e[3] < dist[(int) e[1]]) {
							dist[(int) e[1]] = dist[(int) e[0]] + e[3];
							via[(int) e[1]] = i;
						}
					}
				}
				if (dist[t] == Long.MAX_VALUE) {
					return null;
				}
				long push = need - sent;
				for (int v = t; v != s; v = (int) edges.get(via[v])[0]) {
					push = Math.min(push, edges.get(via[v])[2]);
				}
				for (int v = t; v != s; v = (int) edges.get(via[v])[0]) {
					long[] e = edges.get(via[v]);
					e[2] -= push;
					edges.get((int) e[4])[2] += push;
				}
				total += push * dist[t];
				sent += push;
			}
			return total;
		}

		private static void add(List<long[]> edges, int from, int to, long cap, long cost) {
			edges.add(new long[] {from, to, cap, cost, edges.size() + 1});
			edges.add(new long[] {to, from, 0, -cost, edges.size() - 1});
		}
	}
}
