package org.vigil.coordination.internal;

import java.util.Arrays;

/** A growable long array. */
public final class LongArray {
    private long[] a;
    private int size;

    public LongArray(int capacity) {
        a = new long[Math.max(4, capacity)];
    }

    public void add(long v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, a.length + (a.length >> 1) + 16);
        }
        a[size++] = v;
    }

    public long get(int i) {
        return a[i];
    }

    public int size() {
        return size;
    }

    /** The backing array (valid up to {@link #size()}); shared, not copied. */
    public long[] raw() {
        return a;
    }

    public void clear() {
        size = 0;
    }
}
