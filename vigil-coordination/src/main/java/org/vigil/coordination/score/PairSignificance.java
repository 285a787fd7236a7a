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
    public record Edge(int a, int b, double significance, int[] counts, boolean exclusive) {
        public Edge(int a, int b, double significance, int[] counts) {
            this(a, b, significance, counts, false);
        }
    }

    /**
     * The edges, how many tests were made, the -log10 threshold used, and how many edges only the
     * exclusivity test found.
     */
    public record Outcome(List<Edge> edges, long tests, double threshold, long exclusiveOnly) {
        public Outcome(List<Edge> edges, long tests, double threshold) {
            this(edges, tests, threshold, 0);
        }
    }

    /** Settings of the exclusivity test: the acts a pair needs, and the background a level needs to be tested. */
    public record Exclusivity(int minActs, long minBackground) {
    }

    private PairSignificance() {
    }

    public static Outcome edges(Map<CoordinationKind, CoActionCounts> byKind, int minCoActions, double alpha) {
        return edges(byKind, Map.of(), minCoActions, alpha, null);
    }

    /**
     * Both tests: the activity test per kind, and (when {@code background} has the kind and {@code exclusivity}
     * is given) the exclusivity test over every kind at once. Bonferroni runs over the tests of both.
     */
    public static Outcome edges(Map<CoordinationKind, CoActionCounts> byKind, Map<CoordinationKind, BackgroundCounts> background,
                                int minCoActions, double alpha, Exclusivity exclusivity) {
        long tests = 0;
        for (CoActionCounts c : byKind.values()) {
            c.seal();
            tests += c.testedPairs();
        }
        for (BackgroundCounts b : background.values()) {
            b.seal();
        }
        ExclusiveScores ex = exclusivity == null || background.isEmpty() ? null : exclusiveScores(byKind, background, exclusivity);
        if (ex != null) {
            tests += ex.tests;
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
        long exclusiveOnly = 0;
        java.util.Set<Long> exclusive = new java.util.HashSet<>();
        if (ex != null) {
            for (int i = 0; i < ex.keys.size(); i++) {
                double s = ex.scores.get(i);
                if (s >= threshold) {
                    Double old = best.get(ex.keys.get(i));
                    if (old == null) {
                        exclusiveOnly++;
                    }
                    exclusive.add(ex.keys.get(i));
                    best.merge(ex.keys.get(i), s, Math::max);
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
            edges.add(new Edge((int) (key >>> 32), (int) key, e.getValue(), counts, exclusive.contains(key)));
        }
        edges.sort((x, y) -> x.a != y.a ? Integer.compare(x.a, y.a) : Integer.compare(x.b, y.b));
        return new Outcome(edges, tests, threshold, exclusiveOnly);
    }

    private record ExclusiveScores(org.vigil.coordination.internal.LongArray keys, java.util.ArrayList<Double> scores, long tests) {
    }

    /**
     * The exclusivity test. For each pair that met on an exclusive object, and each level r (objects shared by
     * at most 2, 4, 8, 16, 32, 64 accounts), the acts A = co-retweets + the most of any one original-post kind
     * (one original post can fire co-link, co-hashtag, co-tweet and co-similar-text at once, so they are not
     * added), on objects of level r or more exclusive; the expected count comes from the background of the same
     * kinds ({@link BackgroundCounts#expected}). {@code S = max_r -log10 P(Poisson(expected) >= A)}, A at least
     * the minimum. A level of a kind with too little background is not tested: with nothing to compare with,
     * nothing is surprising.
     */
    private static ExclusiveScores exclusiveScores(Map<CoordinationKind, CoActionCounts> byKind,
                                                   Map<CoordinationKind, BackgroundCounts> background, Exclusivity ex) {
        List<CoordinationKind> kinds = new ArrayList<>(byKind.keySet());
        kinds.removeIf(k -> !background.containsKey(k));
        int kn = kinds.size();
        CoActionCounts[] c = new CoActionCounts[kn];
        BackgroundCounts[] bg = new BackgroundCounts[kn];
        boolean[] retweet = new boolean[kn];
        for (int i = 0; i < kn; i++) {
            c[i] = byKind.get(kinds.get(i));
            bg[i] = background.get(kinds.get(i));
            retweet[i] = kinds.get(i) == CoordinationKind.CO_RETWEET;
        }
        int[] cursor = new int[kn];
        int[] at = new int[kn];
        org.vigil.coordination.internal.LongArray keys = new org.vigil.coordination.internal.LongArray(1 << 10);
        java.util.ArrayList<Double> scores = new java.util.ArrayList<>();
        long pairsTested = 0;
        while (true) {
            long key = Long.MAX_VALUE;
            for (int i = 0; i < kn; i++) {
                if (cursor[i] < c[i].pairCount()) {
                    key = Math.min(key, c[i].pairKey(cursor[i]));
                }
            }
            if (key == Long.MAX_VALUE) {
                break;
            }
            for (int i = 0; i < kn; i++) {
                at[i] = cursor[i] < c[i].pairCount() && c[i].pairKey(cursor[i]) == key ? cursor[i]++ : -1;
            }
            int a = (int) (key >>> 32);
            int b = (int) key;
            // acts can only grow with the level (counts and backgrounds are cumulative), so the widest level
            // says whether the pair is tested at all and whether any level can reach the minimum: most pairs
            // met once on a common object, and end here
            int widest = acts(c, bg, at, retweet, CoActionCounts.EXCLUSIVE_LEVELS - 1, ex.minBackground());
            if (widest > 0) {
                pairsTested++;
            }
            if (widest < ex.minActs()) {
                continue;
            }
            double best = 0;
            for (int level = 0; level < CoActionCounts.EXCLUSIVE_LEVELS; level++) {
                int acts = 0;
                double expected = 0;
                int bestOriginal = 0;
                double bestOriginalExpected = 0;
                for (int i = 0; i < kn; i++) {
                    if (at[i] < 0 || bg[i].total(level) < ex.minBackground()) {
                        continue;
                    }
                    int n = c[i].pairCountUpTo(at[i], level);
                    if (n == 0) {
                        continue;
                    }
                    double e = bg[i].expected(a, b, level);
                    if (retweet[i]) {
                        acts += n;
                        expected += e;
                    } else if (n > bestOriginal || (n == bestOriginal && e > bestOriginalExpected)) {
                        bestOriginal = n;
                        bestOriginalExpected = e;
                    }
                }
                acts += bestOriginal;
                expected += bestOriginalExpected;
                if (acts >= ex.minActs()) {
                    best = Math.max(best, PoissonTail.minusLog10(acts, expected));
                }
            }
            if (best > 0) {
                keys.add(key);
                scores.add(best);
            }
        }
        return new ExclusiveScores(keys, scores, pairsTested * CoActionCounts.EXCLUSIVE_LEVELS);
    }

    /** The acts of the pair at {@code at} on objects of {@code level} or more exclusive, as the test above counts them. */
    private static int acts(CoActionCounts[] c, BackgroundCounts[] bg, int[] at, boolean[] retweet, int level, long minBackground) {
        int acts = 0;
        int bestOriginal = 0;
        for (int i = 0; i < c.length; i++) {
            if (at[i] < 0 || bg[i].total(level) < minBackground) {
                continue;
            }
            int n = c[i].pairCountUpTo(at[i], level);
            if (retweet[i]) {
                acts += n;
            } else {
                bestOriginal = Math.max(bestOriginal, n);
            }
        }
        return acts + bestOriginal;
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
