package jp.twozeroseven.infra.settings;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the known key closest to a typo, e.g. {@code regoin} → {@code region}. */
final class KeyHints {

    private KeyHints() {
    }

    static Optional<String> nearest(String typo, Collection<String> known) {
        return known.stream()
                .filter(k -> distance(typo.toLowerCase(), k.toLowerCase()) <= Math.max(2, k.length() / 3))
                .min(Comparator.comparingInt(k -> distance(typo.toLowerCase(), k.toLowerCase())));
    }

    /** Damerau-Levenshtein (optimal string alignment), so a swap of two letters costs one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
