package org.vigil.coordination.detect;

import org.vigil.coordination.internal.IntArray;
import org.vigil.coordination.internal.LongArray;
import org.vigil.model.CoordinationKind;

import java.util.Arrays;

/**
 * Every share of one kind, in arrival order: the object's 64-bit key, the account, the time and a
 * per-share reference. {@link #objects()} groups them by object, oldest first, for the detectors.
 * Grouping sorts {@code (key bits | share index)} longs, so no per-object dictionary is needed and
 * the memory is a few arrays of the input's size.
 */
public final class ShareTable {
    private final CoordinationKind kind;
    private final LongArray keys = new LongArray(1 << 12);
    private final IntArray accounts;
    private final LongArray times;
    private final IntArray refs = new IntArray(1 << 12);
    private final IntArray accountByRef;
    private final LongArray timeByRef;

    public ShareTable(CoordinationKind kind) {
        this.kind = kind;
        this.accounts = new IntArray(1 << 12);
        this.times = new LongArray(1 << 12);
        this.accountByRef = null;
        this.timeByRef = null;
    }

    /**
     * A table whose shares take account and time from their reference ({@code accountByRef[ref]},
     * {@code timeByRef[ref]}): several shares of one post (LSH bands) then cost 12 bytes each, not 24.
     */
    public ShareTable(CoordinationKind kind, IntArray accountByRef, LongArray timeByRef) {
        this.kind = kind;
        this.accounts = null;
        this.times = null;
        this.accountByRef = accountByRef;
        this.timeByRef = timeByRef;
    }

    public CoordinationKind kind() {
        return kind;
    }

    public void add(long objectKey, int account, long time, int ref) {
        if (accounts == null) {
            throw new IllegalStateException("this table takes account and time from the reference; use add(key, ref)");
        }
        keys.add(objectKey);
        accounts.add(account);
        times.add(time);
        refs.add(ref);
    }

    /** Adds a share of a table built with account and time per reference. */
    public void add(long objectKey, int ref) {
        if (accounts != null) {
            throw new IllegalStateException("this table stores account and time per share; use add(key, account, time, ref)");
        }
        keys.add(objectKey);
        refs.add(ref);
    }

    public int size() {
        return keys.size();
    }

    public long key(int i) {
        return keys.get(i);
    }

    public int account(int i) {
        return accounts != null ? accounts.get(i) : accountByRef.get(refs.get(i));
    }

    public long time(int i) {
        return times != null ? times.get(i) : timeByRef.get(refs.get(i));
    }

    public int ref(int i) {
        return refs.get(i);
    }

    /** The shares grouped by object: {@code order} lists share indices, object {@code g} spans {@code starts[g]..starts[g+1]}. */
    public record Groups(int[] order, int[] starts) {
        public int count() {
            return starts.length - 1;
        }
    }

    /**
     * Groups shares by object key; objects shared once are left out (they cannot co-occur). Keys are
     * hashes, so a counting sort on the top 16 bits of the (re-mixed) key spreads them evenly over 65,536
     * buckets of a few dozen shares, each then sorted on its own: two sequential passes and many small
     * in-cache sorts instead of one large sort. Equal top bits of two different objects are told apart
     * by their full keys, so the grouping is exact.
     */
    public Groups objects() {
        int n = size();
        if (n == 0) {
            return new Groups(new int[0], new int[]{0});
        }
        long[] k = keys.raw();
        int bucketBits = n < 1 << 12 ? 4 : 16;
        int buckets = 1 << bucketBits;
        int[] start = new int[buckets + 1];
        for (int i = 0; i < n; i++) {
            start[(int) (org.vigil.coordination.internal.Hashing.mix(k[i]) >>> (64 - bucketBits)) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        long indexMask = (1L << indexBits) - 1;
        long[] packed = new long[n];
        int[] fill = java.util.Arrays.copyOf(start, buckets);
        for (int i = 0; i < n; i++) {
            long m = org.vigil.coordination.internal.Hashing.mix(k[i]);
            packed[fill[(int) (m >>> (64 - bucketBits))]++] = ((m << bucketBits) & ~indexMask) | i;
        }
        for (int b = 0; b < buckets; b++) {
            if (start[b + 1] - start[b] > 1) {
                Arrays.sort(packed, start[b], start[b + 1]);
            }
        }
        int candidates = n;
        int[] order = new int[candidates];
        IntArray starts = new IntArray(1024);
        int kept = 0;
        int i = 0;
        int bucket = 0;
        while (i < candidates) {
            while (start[bucket + 1] <= i) {
                bucket++;
            }
            int bucketEnd = start[bucket + 1];
            long group = packed[i] & ~indexMask;
            int j = i + 1;
            boolean mixed = false;
            long first = k[(int) (packed[i] & indexMask)];
            while (j < bucketEnd && (packed[j] & ~indexMask) == group) {
                mixed |= k[(int) (packed[j] & indexMask)] != first;
                j++;
            }
            if (mixed) {
                // two objects whose hashes agree on the top bits: split the run by full key, keeping share order
                Long[] run = new Long[j - i];
                for (int x = i; x < j; x++) {
                    run[x - i] = packed[x] & indexMask;
                }
                Arrays.sort(run, (p, q) -> k[(int) (long) p] != k[(int) (long) q]
                        ? Long.compare(k[(int) (long) p], k[(int) (long) q]) : Long.compare(p, q));
                int a = 0;
                while (a < run.length) {
                    int b = a + 1;
                    while (b < run.length && k[(int) (long) run[b]] == k[(int) (long) run[a]]) {
                        b++;
                    }
                    if (b - a >= 2) {
                        starts.add(kept);
                        for (int x = a; x < b; x++) {
                            order[kept++] = (int) (long) run[x];
                        }
                    }
                    a = b;
                }
            } else if (j - i >= 2) {
                starts.add(kept);
                for (int x = i; x < j; x++) {
                    order[kept++] = (int) (packed[x] & indexMask);
                }
            }
            i = j;
        }
        starts.add(kept);
        return new Groups(Arrays.copyOf(order, kept), Arrays.copyOf(starts.raw(), starts.size()));
    }

    /** Loads object {@code g} of {@code groups} into {@code out}, oldest first. */
    public void load(Groups groups, int g, ObjectShares out) {
        int from = groups.starts()[g];
        int to = groups.starts()[g + 1];
        int[] order = groups.order();
        out.reset(keys.get(order[from]));
        for (int x = from; x < to; x++) {
            int s = order[x];
            out.add(account(s), time(s), refs.get(s));
        }
        out.sortByTime();
    }
}
