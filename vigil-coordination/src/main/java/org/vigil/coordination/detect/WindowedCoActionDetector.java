package org.vigil.coordination.detect;

import org.vigil.model.CoordinationKind;

import java.util.Arrays;

/**
 * Pairs each share with the earlier shares of the same object at most {@code windowSeconds} before it
 * (both ends inclusive), by a different account.
 *
 * <p>Two rules keep the output honest and bounded. A pair of accounts counts once per episode: a share
 * is not paired with an account that its own account already met on this object through a nearby share
 * (within the window and the partner limit), so an account sharing twice, a duplicated post or a stretch
 * of continuous joint activity counts once, and a pair that meets again after a quiet spell counts again. And a share is paired with at most {@code maxPartners} of the nearest earlier shares: inside a
 * burst the window in effect narrows to the nearest neighbours, so an object shared n times yields at most
 * n*maxPartners co-actions, never n squared, and the detector needs O(n) memory for it.
 */
public final class WindowedCoActionDetector implements CoActionDetector {
    private final CoordinationKind kind;
    private final long window;
    private final int maxPartners;
    private final PairCheck check;
    private int[] seenStamp = new int[1024];
    private int[] lastIndex = new int[1024];
    private int[] metStamp = new int[1024];
    private int[] previousSame = new int[64];
    private int serial;
    private int metSerial;

    public WindowedCoActionDetector(CoordinationKind kind, long windowSeconds, int maxPartners, PairCheck check) {
        if (windowSeconds < 0) {
            throw new IllegalArgumentException("the window must be >= 0 seconds, got " + windowSeconds);
        }
        if (maxPartners < 1) {
            throw new IllegalArgumentException("maxPartners must be >= 1, got " + maxPartners);
        }
        this.kind = kind;
        this.window = windowSeconds;
        this.maxPartners = maxPartners;
        this.check = check;
    }

    @Override
    public CoordinationKind kind() {
        return kind;
    }

    @Override
    public void detect(ObjectShares s, CoActionSink sink) {
        int n = s.size();
        if (n < 2) {
            return;
        }
        linkSameAccountShares(s);
        int lo = 0;
        for (int i = 0; i < n; i++) {
            long t = s.time(i);
            int a = s.account(i);
            while (s.time(lo) < t - window) {
                lo++;
            }
            if (++metSerial == Integer.MAX_VALUE) {
                Arrays.fill(metStamp, 0);
                metSerial = 1;
            }
            metStamp[a] = metSerial; // never pair with oneself
            int start = Math.max(lo, i - maxPartners);
            for (int j = i - 1; j >= start; j--) {
                int b = s.account(j);
                if (metStamp[b] == metSerial) {
                    continue; // oneself, or this account met already through a nearer share
                }
                metStamp[b] = metSerial;
                if (previousSame[i] >= 0 && metEarlier(s, i, j)) {
                    continue;
                }
                if (check != null && !check.accept(s.objectKey(), s.ref(i), s.ref(j))) {
                    continue;
                }
                sink.coAction(b, a, s.time(j), t, s.ref(j), s.ref(i));
            }
        }
    }

    /**
     * Whether the account of share {@code i} has another share that already met share {@code j}: one within
     * {@code maxPartners} places and the window of {@code j}, which was paired with it when the later of
     * the two was processed.
     */
    private boolean metEarlier(ObjectShares s, int i, int j) {
        long tj = s.time(j);
        for (int k = previousSame[i]; k >= 0 && k >= j - maxPartners; k = previousSame[k]) {
            if (k != j && Math.abs(k - j) <= maxPartners && Math.abs(s.time(k) - tj) <= window) {
                return true;
            }
        }
        return false;
    }

    /** previousSame[i]: the index of the same account's previous share of this object, or -1. */
    private void linkSameAccountShares(ObjectShares s) {
        int n = s.size();
        if (previousSame.length < n) {
            previousSame = new int[Math.max(n, previousSame.length * 2)];
        }
        if (++serial == Integer.MAX_VALUE) {
            Arrays.fill(seenStamp, 0);
            serial = 1;
        }
        for (int i = 0; i < n; i++) {
            int a = s.account(i);
            if (a >= seenStamp.length) {
                int cap = Math.max(a + 1, seenStamp.length * 2);
                seenStamp = Arrays.copyOf(seenStamp, cap);
                lastIndex = Arrays.copyOf(lastIndex, cap);
                metStamp = Arrays.copyOf(metStamp, cap);
            }
            if (seenStamp[a] == serial) {
                previousSame[i] = lastIndex[a];
            } else {
                seenStamp[a] = serial;
                previousSame[i] = -1;
            }
            lastIndex[a] = i;
        }
    }
}
