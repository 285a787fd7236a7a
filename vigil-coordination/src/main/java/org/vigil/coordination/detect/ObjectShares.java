package org.vigil.coordination.detect;

import java.util.Arrays;

/**
 * The shares of one object, oldest first: who shared it ({@code accounts}, dense account numbers),
 * when ({@code times}, epoch seconds) and a per-share reference ({@code refs}, e.g. the text signature
 * a near-duplicate check needs; -1 when unused). A reusable view: arrays are valid up to {@link #size()}.
 */
public final class ObjectShares {
    private long objectKey;
    private int size;
    private int[] accounts = new int[16];
    private long[] times = new long[16];
    private int[] refs = new int[16];

    public ObjectShares() {
    }

    /** Builds a view from whole arrays; handy in tests and for single-object callers. */
    public static ObjectShares of(long objectKey, int[] accounts, long[] times, int[] refs) {
        ObjectShares s = new ObjectShares();
        s.reset(objectKey);
        for (int i = 0; i < accounts.length; i++) {
            s.add(accounts[i], times[i], refs == null ? -1 : refs[i]);
        }
        s.sortByTime();
        return s;
    }

    public void reset(long objectKey) {
        this.objectKey = objectKey;
        this.size = 0;
    }

    public void add(int account, long time, int ref) {
        if (size == accounts.length) {
            int cap = size * 2;
            accounts = Arrays.copyOf(accounts, cap);
            times = Arrays.copyOf(times, cap);
            refs = Arrays.copyOf(refs, cap);
        }
        accounts[size] = account;
        times[size] = time;
        refs[size] = ref;
        size++;
    }

    /** Puts the shares in time order (stable: equal times keep input order); cheap when already ordered. */
    public void sortByTime() {
        boolean sorted = true;
        for (int i = 1; i < size; i++) {
            if (times[i] < times[i - 1]) {
                sorted = false;
                break;
            }
        }
        if (sorted) {
            return;
        }
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        long[] t = times;
        Arrays.sort(idx, (x, y) -> Long.compare(t[x], t[y]));
        int[] a2 = new int[accounts.length];
        long[] t2 = new long[times.length];
        int[] r2 = new int[refs.length];
        for (int i = 0; i < size; i++) {
            a2[i] = accounts[idx[i]];
            t2[i] = times[idx[i]];
            r2[i] = refs[idx[i]];
        }
        accounts = a2;
        times = t2;
        refs = r2;
    }

    public long objectKey() {
        return objectKey;
    }

    public int size() {
        return size;
    }

    public int account(int i) {
        return accounts[i];
    }

    public long time(int i) {
        return times[i];
    }

    public int ref(int i) {
        return refs[i];
    }
}
