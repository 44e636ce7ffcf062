package fr.maillage.reference.internal;

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), bounded. */
final class EditDistance {

	private EditDistance() {
	}

	/** Whether a and b are within {@code max} edits; gives up as soon as a row exceeds it. */
	static boolean atMost(String a, String b, int max) {
		int n = a.length(), m = b.length();
		if (Math.abs(n - m) > max) {
			return false;
		}
		int[] prev2 = new int[m + 1];
		int[] prev = new int[m + 1];
		int[] cur = new int[m + 1];
		for (int j = 0; j <= m; j++) {
			prev[j] = j;
		}
		for (int i = 1; i <= n; i++) {
			cur[0] = i;
			int rowMin = cur[0];
			for (int j = 1; j <= m; j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					v = Math.min(v, prev2[j - 2] + 1);
				}
				cur[j] = v;
				rowMin = Math.min(rowMin, v);
			}
			if (rowMin > max) {
				return false;
			}
			int[] t = prev2;
			prev2 = prev;
			prev = cur;
			cur = t;
		}
		return prev[m] <= max;
	}
}
