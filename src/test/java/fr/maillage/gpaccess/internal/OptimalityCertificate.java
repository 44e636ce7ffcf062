package fr.maillage.gpaccess.internal;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Checks that a solved {@link MinCostFlow} is optimal without trusting the solver: the flow is
 * feasible (capacities, conservation), the potentials it reports are a dual solution whose reduced
 * costs agree with the flow (complementary slackness), and the dual objective equals the primal one
 * (strong duality). Exact arithmetic: costs of 10^13 times flows overflow a long.
 */
final class OptimalityCertificate {

	private OptimalityCertificate() {
	}

	/** A solved network as plain arrays, so that a test can also present a wrong solution. */
	record Solution(int[] source, int[] target, long[] capacity, long[] cost, long[] flow, long[] supply, long[] potential) {

		static Solution of(MinCostFlow f) {
			int m = f.arcCount();
			int n = f.nodeCount();
			Solution s = new Solution(new int[m], new int[m], new long[m], new long[m], new long[m], new long[n], new long[n]);
			for (int e = 0; e < m; e++) {
				s.source[e] = f.source(e);
				s.target[e] = f.target(e);
				s.capacity[e] = f.capacity(e);
				s.cost[e] = f.cost(e);
				s.flow[e] = f.flow(e);
			}
			for (int v = 0; v < n; v++) {
				s.supply[v] = f.supply(v);
				s.potential[v] = f.potential(v);
			}
			return s;
		}

		int arcCount() {
			return source.length;
		}

		int nodeCount() {
			return supply.length;
		}
	}

	static Optional<String> check(MinCostFlow f) {
		return check(Solution.of(f));
	}

	/** Empty when the certificate holds, else the first thing that does not. */
	static Optional<String> check(Solution f) {
		BigInteger[] balance = new BigInteger[f.nodeCount()];
		java.util.Arrays.fill(balance, BigInteger.ZERO);
		BigInteger primal = BigInteger.ZERO;
		BigInteger capacityTerm = BigInteger.ZERO;
		for (int e = 0; e < f.arcCount(); e++) {
			long flow = f.flow()[e];
			long cap = f.capacity()[e];
			if (flow < 0 || flow > cap) {
				return Optional.of("arc " + e + ": flow " + flow + " outside [0, " + cap + "]");
			}
			balance[f.source()[e]] = balance[f.source()[e]].add(BigInteger.valueOf(flow));
			balance[f.target()[e]] = balance[f.target()[e]].subtract(BigInteger.valueOf(flow));
			primal = primal.add(BigInteger.valueOf(f.cost()[e]).multiply(BigInteger.valueOf(flow)));
			BigInteger reduced = BigInteger.valueOf(f.cost()[e]).add(BigInteger.valueOf(f.potential()[f.source()[e]]))
				.subtract(BigInteger.valueOf(f.potential()[f.target()[e]]));
			int sign = reduced.signum();
			if (sign > 0 && flow != 0) {
				return Optional.of("arc " + e + ": reduced cost " + reduced + " > 0 but flow " + flow);
			}
			if (sign < 0 && flow != cap) {
				return Optional.of("arc " + e + ": reduced cost " + reduced + " < 0 but flow " + flow + " below capacity " + cap);
			}
			if (sign < 0) {
				capacityTerm = capacityTerm.add(BigInteger.valueOf(cap).multiply(reduced.negate()));
			}
		}
		BigInteger potentialTerm = BigInteger.ZERO;
		for (int v = 0; v < f.nodeCount(); v++) {
			if (!balance[v].equals(BigInteger.valueOf(f.supply()[v]))) {
				return Optional.of("node " + v + ": net outflow " + balance[v] + " but supply " + f.supply()[v]);
			}
			potentialTerm = potentialTerm.add(BigInteger.valueOf(f.supply()[v]).multiply(BigInteger.valueOf(f.potential()[v])));
		}
		// dual: maximise −Σ b(v)·π(v) − Σ u(e)·max(0, −rc(e)); equal to the primal at an optimum
		BigInteger dual = potentialTerm.negate().subtract(capacityTerm);
		if (!dual.equals(primal)) {
			return Optional.of("dual objective " + dual + " differs from the primal " + primal);
		}
		return Optional.empty();
	}
}
