package dev.topowatch.topology.load;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the known words closest to a misspelt one. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The closest known word, if it is a plausible typo of {@code word}. */
    public static Optional<String> closest(String word, Collection<String> known) {
        return nearest(word, known, 1).stream().findFirst();
    }

    /** Up to {@code limit} known words that are plausible typos of {@code word}, closest first. */
    static List<String> nearest(String word, Collection<String> known, int limit) {
        var wanted = normalise(word);
        return known.stream()
                .filter(candidate -> distance(wanted, normalise(candidate)) <= tolerance(wanted))
                .sorted(Comparator.<String>comparingInt(candidate -> distance(wanted, normalise(candidate)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .toList();
    }

    /** Short words tolerate one edit, longer ones more, so that 'tpe' finds 'type' but 'id' finds nothing. */
    private static int tolerance(String word) {
        return Math.max(1, Math.min(3, word.length() / 3));
    }

    /** Case, '-' and '_' do not count: 'failureThreshold' and 'failure-threshold' both suggest 'failure_threshold'. */
    private static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Optimal string alignment distance: Levenshtein plus swaps of two neighbours ('intreval'). */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3) {
            return Integer.MAX_VALUE;
        }
        var d = new int[a.length() + 1][b.length() + 1];
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
