package org.vigil.coordination.detect;

import org.vigil.model.CoordinationKind;

/**
 * CooRTweet's definition, kept for parity: every pair of shares of the object at most
 * {@code windowSeconds} apart (inclusive) is a co-action, including repeated pairs of the same two
 * accounts; only shares by the same account are skipped. Its output grows with the square of an
 * object's popularity inside the window, which is why the default method does not use it.
 */
public final class AllPairsDetector implements CoActionDetector {
    private final CoordinationKind kind;
    private final long window;

    public AllPairsDetector(CoordinationKind kind, long windowSeconds) {
        this.kind = kind;
        this.window = windowSeconds;
    }

    @Override
    public CoordinationKind kind() {
        return kind;
    }

    @Override
    public void detect(ObjectShares s, CoActionSink sink) {
        int lo = 0;
        for (int i = 0; i < s.size(); i++) {
            long t = s.time(i);
            while (s.time(lo) < t - window) {
                lo++;
            }
            for (int j = lo; j < i; j++) {
                if (s.account(j) != s.account(i)) {
                    sink.coAction(s.account(j), s.account(i), s.time(j), t, s.ref(j), s.ref(i));
                }
            }
        }
    }
}
