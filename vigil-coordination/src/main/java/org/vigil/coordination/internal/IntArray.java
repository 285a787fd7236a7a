package org.vigil.coordination.internal;

import java.util.Arrays;

/** A growable int array. */
public final class IntArray {
    private int[] a;
    private int size;

    public IntArray(int capacity) {
        a = new int[Math.max(4, capacity)];
    }

    public void add(int v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, a.length + (a.length >> 1) + 16);
        }
        a[size++] = v;
    }

    public int get(int i) {
        return a[i];
    }

    public void set(int i, int v) {
        a[i] = v;
    }

    public int size() {
        return size;
    }

    /** The backing array (valid up to {@link #size()}); shared, not copied. */
    public int[] raw() {
        return a;
    }

    public void clear() {
        size = 0;
    }
}
