package fr.maillage.gpaccess.internal;

import java.util.Arrays;

/**
 * Minimum-cost flow by the primal network simplex method, with block-search pivoting and the
 * spanning tree stored as parent / thread / successor-count arrays (the design of the LEMON
 * library's NetworkSimplex). Supplies must sum to zero; capacities and costs are integers, so the
 * optimum found is exact.
 *
 * <p>Build with {@link #addArc}, set {@link #setSupply}, then {@link #solve()}; read
 * {@link #flow(int)} and {@link #totalCost()}.
 */
public final class MinCostFlow {

	public static final long INFINITE = Long.MAX_VALUE / 4;

	public enum Outcome {
		OPTIMAL, INFEASIBLE, UNBOUNDED
	}

	/**
	 * Pivot block size relative to the square root of the arc count. LEMON uses 1.0; on the
	 * orientation's networks (many short group → practitioner arcs) scanning dominates, and small
	 * blocks are ten times faster (bench/orientation.sh, 3 million requests: 13.6 s at 1.0, 1.0 s
	 * at 0.01).
	 */
	private static final double BLOCK_FACTOR = 0.02;
	private static final int MIN_BLOCK = 10;
	private static final int STATE_UPPER = -1;
	private static final int STATE_TREE = 0;
	private static final int STATE_LOWER = 1;
	private static final int DIR_UP = 1;
	private static final int DIR_DOWN = -1;

	private final int nodeCount;
	private int arcCount;
	private int[] source;
	private int[] target;
	private long[] capacity;
	private long[] cost;
	private final long[] supply;

	// Solver state, sized at solve time (real arcs, then one artificial arc per node).
	private long[] flow = new long[0];
	private byte[] state = new byte[0];
	private long[] pi = new long[0];
	private int[] parent = new int[0];
	private int[] pred = new int[0];
	private int[] thread = new int[0];
	private int[] revThread = new int[0];
	private int[] succNum = new int[0];
	private int[] lastSucc = new int[0];
	private byte[] predDir = new byte[0];
	private int[] dirtyRevs = new int[0];
	private int root;
	private int searchArcCount;
	private int blockSize;
	private int nextArc;
	private int inArc;
	private int join;
	private int uIn;
	private int vIn;
	private int uOut;
	private long delta;
	private long pivots;

	public MinCostFlow(int nodeCount, int expectedArcs) {
		this.nodeCount = nodeCount;
		int n = Math.max(expectedArcs, 16);
		source = new int[n];
		target = new int[n];
		capacity = new long[n];
		cost = new long[n];
		supply = new long[nodeCount];
	}

	/** Adds an arc and answers its index; {@code capacity} may be {@link #INFINITE}. */
	public int addArc(int from, int to, long arcCapacity, long arcCost) {
		if (arcCount == source.length) {
			int n = source.length * 2;
			source = Arrays.copyOf(source, n);
			target = Arrays.copyOf(target, n);
			capacity = Arrays.copyOf(capacity, n);
			cost = Arrays.copyOf(cost, n);
		}
		source[arcCount] = from;
		target[arcCount] = to;
		capacity[arcCount] = arcCapacity;
		cost[arcCount] = arcCost;
		return arcCount++;
	}

	public void setSupply(int node, long value) {
		supply[node] = value;
	}

	public int arcCount() {
		return arcCount;
	}

	public int nodeCount() {
		return nodeCount;
	}

	public int source(int arc) {
		return source[arc];
	}

	public int target(int arc) {
		return target[arc];
	}

	public long capacity(int arc) {
		return capacity[arc];
	}

	public long cost(int arc) {
		return cost[arc];
	}

	public long supply(int node) {
		return supply[node];
	}

	public long flow(int arc) {
		return flow[arc];
	}

	/** The node's potential (dual value) after {@link #solve()}: reduced cost of an arc = cost + π(source) − π(target). */
	public long potential(int node) {
		return pi[node];
	}

	public long pivots() {
		return pivots;
	}

	public long totalCost() {
		long total = 0;
		for (int e = 0; e < arcCount; e++) {
			total += flow[e] * cost[e];
		}
		return total;
	}

	public Outcome solve() {
		if (!init()) {
			return Outcome.INFEASIBLE;
		}
		while (findEnteringArc()) {
			findJoinNode();
			boolean change = findLeavingArc();
			if (delta >= INFINITE) {
				return Outcome.UNBOUNDED;
			}
			changeFlow(change);
			if (change) {
				updateTreeStructure();
				updatePotential();
			}
			pivots++;
		}
		for (int e = searchArcCount; e < searchArcCount + nodeCount; e++) {
			if (flow[e] != 0) {
				return Outcome.INFEASIBLE;
			}
		}
		return Outcome.OPTIMAL;
	}

	private boolean init() {
		long sum = 0;
		for (long s : supply) {
			sum += s;
		}
		if (sum != 0) {
			return false;
		}
		int allArcs = arcCount + nodeCount;
		source = Arrays.copyOf(source, allArcs);
		target = Arrays.copyOf(target, allArcs);
		capacity = Arrays.copyOf(capacity, allArcs);
		cost = Arrays.copyOf(cost, allArcs);
		flow = new long[allArcs];
		state = new byte[allArcs];
		int nodes = nodeCount + 1;
		pi = new long[nodes];
		parent = new int[nodes];
		pred = new int[nodes];
		thread = new int[nodes];
		revThread = new int[nodes];
		succNum = new int[nodes];
		lastSucc = new int[nodes];
		predDir = new byte[nodes];
		dirtyRevs = new int[nodes + 1];
		searchArcCount = arcCount;
		blockSize = Math.max((int) (BLOCK_FACTOR * Math.sqrt(arcCount)), MIN_BLOCK);
		nextArc = 0;
		pivots = 0;

		long maxCost = 0;
		for (int e = 0; e < arcCount; e++) {
			flow[e] = 0;
			state[e] = STATE_LOWER;
			maxCost = Math.max(maxCost, Math.abs(cost[e]));
		}
		long artificialCost = (maxCost + 1) * nodes;

		root = nodeCount;
		parent[root] = -1;
		pred[root] = -1;
		thread[root] = 0;
		revThread[0] = root;
		succNum[root] = nodeCount + 1;
		lastSucc[root] = root - 1;
		pi[root] = 0;
		for (int u = 0, e = arcCount; u < nodeCount; u++, e++) {
			parent[u] = root;
			pred[u] = e;
			thread[u] = u + 1;
			revThread[u + 1] = u;
			succNum[u] = 1;
			lastSucc[u] = u;
			capacity[e] = INFINITE;
			state[e] = STATE_TREE;
			if (supply[u] >= 0) {
				predDir[u] = DIR_UP;
				pi[u] = 0;
				source[e] = u;
				target[e] = root;
				flow[e] = supply[u];
				cost[e] = 0;
			} else {
				predDir[u] = DIR_DOWN;
				pi[u] = artificialCost;
				source[e] = root;
				target[e] = u;
				flow[e] = -supply[u];
				cost[e] = artificialCost;
			}
		}
		return true;
	}

	private long reducedCost(int e) {
		return state[e] * (cost[e] + pi[source[e]] - pi[target[e]]);
	}

	private boolean findEnteringArc() {
		long min = 0;
		int count = blockSize;
		int e;
		for (e = nextArc; e < searchArcCount; e++) {
			long c = reducedCost(e);
			if (c < min) {
				min = c;
				inArc = e;
			}
			if (--count == 0) {
				if (min < 0) {
					nextArc = e;
					return true;
				}
				count = blockSize;
			}
		}
		for (e = 0; e < nextArc; e++) {
			long c = reducedCost(e);
			if (c < min) {
				min = c;
				inArc = e;
			}
			if (--count == 0) {
				if (min < 0) {
					nextArc = e;
					return true;
				}
				count = blockSize;
			}
		}
		if (min >= 0) {
			return false;
		}
		nextArc = e;
		return true;
	}

	private void findJoinNode() {
		int u = source[inArc];
		int v = target[inArc];
		while (u != v) {
			if (succNum[u] < succNum[v]) {
				u = parent[u];
			} else {
				v = parent[v];
			}
		}
		join = u;
	}

	private boolean findLeavingArc() {
		int first;
		int second;
		if (state[inArc] == STATE_LOWER) {
			first = source[inArc];
			second = target[inArc];
		} else {
			first = target[inArc];
			second = source[inArc];
		}
		delta = capacity[inArc];
		int result = 0;
		for (int u = first; u != join; u = parent[u]) {
			int e = pred[u];
			long d = flow[e];
			if (predDir[u] == DIR_DOWN) {
				d = capacity[e] >= INFINITE ? INFINITE : capacity[e] - d;
			}
			if (d < delta) {
				delta = d;
				uOut = u;
				result = 1;
			}
		}
		for (int u = second; u != join; u = parent[u]) {
			int e = pred[u];
			long d = flow[e];
			if (predDir[u] == DIR_UP) {
				d = capacity[e] >= INFINITE ? INFINITE : capacity[e] - d;
			}
			if (d <= delta) {
				delta = d;
				uOut = u;
				result = 2;
			}
		}
		if (result == 1) {
			uIn = first;
			vIn = second;
		} else {
			uIn = second;
			vIn = first;
		}
		return result != 0;
	}

	private void changeFlow(boolean change) {
		if (delta > 0) {
			long val = state[inArc] * delta;
			flow[inArc] += val;
			for (int u = source[inArc]; u != join; u = parent[u]) {
				flow[pred[u]] -= predDir[u] * val;
			}
			for (int u = target[inArc]; u != join; u = parent[u]) {
				flow[pred[u]] += predDir[u] * val;
			}
		}
		if (change) {
			state[inArc] = STATE_TREE;
			state[pred[uOut]] = flow[pred[uOut]] == 0 ? (byte) STATE_LOWER : (byte) STATE_UPPER;
		} else {
			state[inArc] = (byte) -state[inArc];
		}
	}

	private void updateTreeStructure() {
		int oldRevThread = revThread[uOut];
		int oldSuccNum = succNum[uOut];
		int oldLastSucc = lastSucc[uOut];
		int vOut = parent[uOut];

		if (uIn == uOut) {
			parent[uIn] = vIn;
			pred[uIn] = inArc;
			predDir[uIn] = uIn == source[inArc] ? (byte) DIR_UP : (byte) DIR_DOWN;
			if (thread[vIn] != uOut) {
				int after = thread[oldLastSucc];
				thread[oldRevThread] = after;
				revThread[after] = oldRevThread;
				after = thread[vIn];
				thread[vIn] = uOut;
				revThread[uOut] = vIn;
				thread[oldLastSucc] = after;
				revThread[after] = oldLastSucc;
			}
		} else {
			int threadContinue = oldRevThread == vIn ? thread[oldLastSucc] : thread[vIn];
			int stem = uIn;
			int parStem = vIn;
			int last = lastSucc[uIn];
			int after = thread[last];
			thread[vIn] = uIn;
			int dirty = 0;
			dirtyRevs[dirty++] = vIn;
			while (stem != uOut) {
				int nextStem = parent[stem];
				thread[last] = nextStem;
				dirtyRevs[dirty++] = last;
				int before = revThread[stem];
				thread[before] = after;
				revThread[after] = before;
				parent[stem] = parStem;
				parStem = stem;
				stem = nextStem;
				last = lastSucc[stem] == lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
				after = thread[last];
			}
			parent[uOut] = parStem;
			thread[last] = threadContinue;
			revThread[threadContinue] = last;
			lastSucc[uOut] = last;
			if (oldRevThread != vIn) {
				thread[oldRevThread] = after;
				revThread[after] = oldRevThread;
			}
			for (int i = 0; i < dirty; i++) {
				int u = dirtyRevs[i];
				revThread[thread[u]] = u;
			}
			int tmpSc = 0;
			int tmpLs = lastSucc[uOut];
			for (int u = uOut, p = parent[u]; u != uIn; u = p, p = parent[u]) {
				pred[u] = pred[p];
				predDir[u] = (byte) -predDir[p];
				tmpSc += succNum[u] - succNum[p];
				succNum[u] = tmpSc;
				lastSucc[p] = tmpLs;
			}
			pred[uIn] = inArc;
			predDir[uIn] = uIn == source[inArc] ? (byte) DIR_UP : (byte) DIR_DOWN;
			succNum[uIn] = oldSuccNum;
		}

		int upLimitOut = lastSucc[join] == vIn ? join : -1;
		int lastSuccOut = lastSucc[uOut];
		for (int u = vIn; u != -1 && lastSucc[u] == vIn; u = parent[u]) {
			lastSucc[u] = lastSuccOut;
		}
		if (join != oldRevThread && vIn != oldRevThread) {
			for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
				lastSucc[u] = oldRevThread;
			}
		} else if (lastSuccOut != oldLastSucc) {
			for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
				lastSucc[u] = lastSuccOut;
			}
		}
		for (int u = vIn; u != join; u = parent[u]) {
			succNum[u] += oldSuccNum;
		}
		for (int u = vOut; u != join; u = parent[u]) {
			succNum[u] -= oldSuccNum;
		}
	}

	private void updatePotential() {
		long sigma = pi[vIn] - pi[uIn] - predDir[uIn] * cost[inArc];
		int end = thread[lastSucc[uIn]];
		for (int u = uIn; u != end; u = thread[u]) {
			pi[u] += sigma;
		}
	}
}
