package org.vigil.coordination.detect;

/**
 * The background sample of one object: pairs of shares by different accounts whose lag lies in a band
 * beyond the co-action window ({@code fromLag..toLag} seconds, both inclusive). Accounts that share the same
 * objects but not in step meet here about as often as they meet by chance inside the window, when their
 * co-activity follows the object's popularity over minutes, not a common clock. Each share is paired with at
 * most {@code maxPartners} of the nearest earlier shares in the band, so the cost stays linear.
 */
public final class LaggedCoOccurrences {
    private final long fromLag;
    private final long toLag;
    private final int maxPartners;

    /** Receives one lagged co-occurrence: account {@code a}'s earlier share and {@code b}'s share {@code later} (its index). */
    @FunctionalInterface
    public interface Sink {
        void coOccurrence(int a, int b, int later);
    }

    public LaggedCoOccurrences(long fromLag, long toLag, int maxPartners) {
        if (fromLag < 1 || toLag < fromLag) {
            throw new IllegalArgumentException("the lag band must satisfy 1 <= from <= to, got " + fromLag + ".." + toLag);
        }
        this.fromLag = fromLag;
        this.toLag = toLag;
        this.maxPartners = Math.max(1, maxPartners);
    }

    public void detect(ObjectShares s, Sink sink) {
        int n = s.size();
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < n; i++) {
            long t = s.time(i);
            while (lo < i && s.time(lo) < t - toLag) {
                lo++;
            }
            while (hi < i && s.time(hi) <= t - fromLag) {
                hi++;
            }
            int a = s.account(i);
            int stop = Math.max(lo, hi - maxPartners);
            for (int j = hi - 1; j >= stop; j--) {
                int b = s.account(j);
                if (b != a) {
                    sink.coOccurrence(b, a, i);
                }
            }
        }
    }
}
