package org.vigil.coordination.score;

import org.vigil.model.CoordinationKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which pairs of accounts act together more than chance allows.
 *
 * <p>Null model, per kind: co-actions fall between accounts in proportion to how active each is, so
 * the expected count for accounts a and b is {@code k_a * k_b / 2M} (k = co-action degree, M = all
 * co-actions of that kind; the configuration model that modularity also uses). Hyperactive accounts
 * and accounts that join every viral burst have large k, so meeting often is expected of them; two
 * accounts that meet again and again while meeting few others are not.
 *
 * <p>Each (pair, kind) with at least {@code minCoActions} co-actions is tested: {@code -log10 P(X >= c)},
 * X Poisson with that mean. A pair is an edge when one kind passes Bonferroni over all (pair, kind) tests.
 * Kinds are judged one at a time, not summed: they are not independent (one copy-pasted post with a link
 * fires co-link, co-tweet, co-similar-text and co-hashtag at once). The edge's significance is its
 * strongest kind's; its counts of every kind are kept as evidence.
 */
public final class PairSignificance {
    /** A significant pair: accounts, significance, per-kind counts (indexed by kind ordinal). */
    public record Edge(int a, int b, double significance, int[] counts) {
    }

    /** The edges, how many (pair, kind) tests were made, and the -log10 threshold used. */
    public record Outcome(List<Edge> edges, long tests, double threshold) {
    }

    private PairSignificance() {
    }

    public static Outcome edges(Map<CoordinationKind, CoActionCounts> byKind, int minCoActions, double alpha) {
        long tests = 0;
        for (CoActionCounts c : byKind.values()) {
            c.seal();
            tests += c.testedPairs();
        }
        double threshold = Math.log10(Math.max(1, tests) / alpha);
        Map<Long, Double> best = new HashMap<>();
        for (CoActionCounts c : byKind.values()) {
            double twoM = 2.0 * Math.max(1, c.total());
            for (int i = 0; i < c.pairCount(); i++) {
                int n = c.pairCountAt(i);
                if (n < minCoActions) {
                    continue;
                }
                long key = c.pairKey(i);
                int a = (int) (key >>> 32);
                int b = (int) key;
                double lambda = (double) c.degree(a) * c.degree(b) / twoM;
                double s = PoissonTail.minusLog10(n, lambda);
                if (s >= threshold) {
                    best.merge(key, s, Math::max);
                }
            }
        }
        List<Edge> edges = new ArrayList<>(best.size());
        for (Map.Entry<Long, Double> e : best.entrySet()) {
            long key = e.getKey();
            int[] counts = new int[CoordinationKind.values().length];
            for (Map.Entry<CoordinationKind, CoActionCounts> k : byKind.entrySet()) {
                counts[k.getKey().ordinal()] = k.getValue().count(key);
            }
            edges.add(new Edge((int) (key >>> 32), (int) key, e.getValue(), counts));
        }
        edges.sort((x, y) -> x.a != y.a ? Integer.compare(x.a, y.a) : Integer.compare(x.b, y.b));
        return new Outcome(edges, tests, threshold);
    }

    /** Per-kind counts as a map for output, leaving out zeros. */
    public static Map<CoordinationKind, Integer> countsByKind(int[] counts) {
        Map<CoordinationKind, Integer> m = new EnumMap<>(CoordinationKind.class);
        for (CoordinationKind k : CoordinationKind.values()) {
            if (counts[k.ordinal()] > 0) {
                m.put(k, counts[k.ordinal()]);
            }
        }
        return m;
    }
}
