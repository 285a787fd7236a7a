package org.vigil.coordination.detect;

import org.vigil.coordination.internal.LongLongMap;
import org.vigil.model.CoordinationKind;

/**
 * Pairs each share with the earlier shares of the same object at most {@code windowSeconds} before it
 * (both ends inclusive), by a different account.
 *
 * <p>Two rules keep the output honest and bounded. A pair of accounts counts once per episode: after a
 * co-action on this object, the same pair is not counted again until they act together more than a
 * window later (so an account sharing twice, or a duplicated post, does not double a pair). And a share
 * is paired with at most {@code maxPartners} of the nearest earlier shares: inside a burst the window in
 * effect narrows to the nearest neighbours, so an object shared n times yields at most
 * n*maxPartners co-actions, never n squared.
 */
public final class WindowedCoActionDetector implements CoActionDetector {
    private final CoordinationKind kind;
    private final long window;
    private final int maxPartners;
    private final PairCheck check;
    private LongLongMap lastCounted = new LongLongMap(256);
    private int compactAt = 1 << 16;
    private int[] seenStamp = new int[1024];
    private int[] repeatStamp = new int[1024];
    private int serial;

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
        boolean repeats = markRepeatedAccounts(s);
        if (repeats) {
            lastCounted.clear();
        }
        int stamp = serial;
        int lo = 0;
        for (int i = 0; i < n; i++) {
            long t = s.time(i);
            int a = s.account(i);
            while (s.time(lo) < t - window) {
                lo++;
            }
            int start = Math.max(lo, i - maxPartners);
            for (int j = i - 1; j >= start; j--) {
                int b = s.account(j);
                if (b == a) {
                    continue;
                }
                if (check != null && !check.accept(s.objectKey(), s.ref(i), s.ref(j))) {
                    continue;
                }
                if (repeats && (repeatStamp[a] == stamp || repeatStamp[b] == stamp)) {
                    // only a pair with an account that shared this object more than once can meet twice
                    long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
                    long last = lastCounted.get(key, Long.MIN_VALUE);
                    if (last != Long.MIN_VALUE && last >= t - window) {
                        continue;
                    }
                    lastCounted.put(key, t);
                }
                sink.coAction(b, a, s.time(j), t, s.ref(j), s.ref(i));
            }
            if (repeats && lastCounted.size() >= compactAt) {
                compact(t - window);
            }
        }
        if (lastCounted.capacity() > 1 << 16) {
            lastCounted = new LongLongMap(256); // do not keep a huge table after a hugely popular object
            compactAt = 1 << 16;
        }
    }

    /** Stamps accounts that share this object more than once; returns whether there are any. */
    private boolean markRepeatedAccounts(ObjectShares s) {
        if (++serial == Integer.MAX_VALUE) {
            java.util.Arrays.fill(seenStamp, 0);
            java.util.Arrays.fill(repeatStamp, 0);
            serial = 1;
        }
        boolean any = false;
        for (int i = 0; i < s.size(); i++) {
            int a = s.account(i);
            if (a >= seenStamp.length) {
                int cap = Math.max(a + 1, seenStamp.length * 2);
                seenStamp = java.util.Arrays.copyOf(seenStamp, cap);
                repeatStamp = java.util.Arrays.copyOf(repeatStamp, cap);
            }
            if (seenStamp[a] == serial) {
                repeatStamp[a] = serial;
                any = true;
            } else {
                seenStamp[a] = serial;
            }
        }
        return any;
    }

    /** Forgets pairs last counted before {@code horizon}: they can no longer suppress anything. */
    private void compact(long horizon) {
        LongLongMap kept = new LongLongMap(Math.max(256, lastCounted.size() / 4));
        for (int slot = 0; slot < lastCounted.capacity(); slot++) {
            if (lastCounted.occupied(slot) && lastCounted.valueAt(slot) >= horizon) {
                kept.put(lastCounted.keyAt(slot), lastCounted.valueAt(slot));
            }
        }
        lastCounted = kept;
        compactAt = Math.max(1 << 16, kept.size() * 2);
    }
}
