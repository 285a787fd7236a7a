package org.vigil.coordination.score;

import java.util.Arrays;

/**
 * The background of one kind: how often each account's shares of exclusive objects fall near another
 * account's shares of the same object when they are <em>not</em> synchronous (a lag beyond the window;
 * see {@code LaggedCoOccurrences}). Per exclusivity level, each account's count of such lagged
 * co-occurrences and their total. These play the part that co-action degrees play in the activity null,
 * but a group's own synchronous co-actions do not inflate them: a copy-paste text posted by ten accounts in
 * one minute adds nothing here, while two busy accounts that keep posting the same hashtags minutes apart do.
 */
public final class BackgroundCounts {
    private final int[][] degree = new int[CoActionCounts.EXCLUSIVE_LEVELS][];
    private final long[] total = new long[CoActionCounts.EXCLUSIVE_LEVELS];
    private final int bandWindows;
    private int[][] cumulative;
    private long[] cumulativeTotal;

    /** {@code bandWindows}: how many windows wide the lag band is (the expected count is divided by it). */
    public BackgroundCounts(int accounts, int bandWindows) {
        for (int l = 0; l < degree.length; l++) {
            degree[l] = new int[Math.max(16, accounts)];
        }
        this.bandWindows = Math.max(1, bandWindows);
    }

    /** One lagged co-occurrence of accounts {@code a} and {@code b} on an object of exclusivity {@code level}. */
    public void add(int a, int b, int level) {
        if (level >= CoActionCounts.EXCLUSIVE_LEVELS) {
            return;
        }
        int[] d = degree[level];
        int m = Math.max(a, b);
        if (m >= d.length) {
            d = degree[level] = Arrays.copyOf(d, Math.max(m + 1, d.length * 2));
        }
        d[a]++;
        d[b]++;
        total[level]++;
    }

    /** Sums levels up (level l then covers every object at least that exclusive); call once before reading. */
    public void seal() {
        if (cumulative != null) {
            return;
        }
        int n = 0;
        for (int[] d : degree) {
            n = Math.max(n, d.length);
        }
        cumulative = new int[degree.length][];
        cumulativeTotal = new long[degree.length];
        for (int l = 0; l < degree.length; l++) {
            int[] c = new int[n];
            if (l > 0) {
                System.arraycopy(cumulative[l - 1], 0, c, 0, n);
                cumulativeTotal[l] = cumulativeTotal[l - 1];
            }
            int[] d = degree[l];
            for (int a = 0; a < d.length; a++) {
                c[a] += d[a];
            }
            cumulativeTotal[l] += total[l];
            cumulative[l] = c;
        }
    }

    /** Lagged co-occurrences on objects of level {@code level} or more exclusive, in all. */
    public long total(int level) {
        return cumulativeTotal[level];
    }

    /**
     * Expected synchronous co-actions of {@code a} and {@code b} on objects of level {@code level} or more
     * exclusive, if they met only as often as their lagged co-occurrences say: the configuration model over
     * the background, {@code (d_a + 1)(d_b + 1) / 2D}, per window of lag. The one added to each count keeps an
     * account never seen in the background from having an expectation of zero.
     */
    public double expected(int a, int b, int level) {
        int[] c = cumulative[level];
        double da = a < c.length ? c[a] : 0;
        double db = b < c.length ? c[b] : 0;
        return (da + 1) * (db + 1) / (2.0 * Math.max(1, cumulativeTotal[level]) * bandWindows);
    }
}
