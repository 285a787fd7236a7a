package org.vigil.coordination.internal;

import java.util.Arrays;

/**
 * The key side of the open-addressing maps with long keys (linear probing, power-of-two table,
 * load at most 0.5): finding and claiming slots, growing, iterating. Subclasses keep the values in a
 * primitive array of their own, so a map of counts boxes nothing. {@code Long.MIN_VALUE} marks an
 * empty slot; a key equal to it is stored as {@code Long.MIN_VALUE + 1} (callers pass hashes or
 * packed pairs, for which that merge is harmless).
 */
abstract class LongKeyTable {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int size;
    private int mask;

    LongKeyTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        mask = cap - 1;
    }

    private static long fix(long key) {
        return key == EMPTY ? EMPTY + 1 : key;
    }

    /** The slot holding {@code key}, or -1. */
    final int find(long key) {
        key = fix(key);
        int i = (int) Hashing.mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * The slot holding {@code key}; when absent, claims an empty slot for it and returns {@code ~slot}:
     * the caller stores the value there, then calls {@link #inserted()}.
     */
    final int claim(long key) {
        key = fix(key);
        int i = (int) Hashing.mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                keys[i] = key;
                return ~i;
            }
            i = (i + 1) & mask;
        }
    }

    /** Counts the entry just claimed, growing the table past half full (slots change then). */
    final void inserted() {
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** The current value array, handed back to {@link #copyValue} while the table grows. */
    abstract Object values();

    abstract void allocateValues(int capacity);

    abstract void copyValue(Object oldValues, int from, int to);

    public final int size() {
        return size;
    }

    public void clear() {
        if (size > 0) {
            Arrays.fill(keys, EMPTY);
            size = 0;
        }
    }

    /** Slots for iteration: {@code 0 <= slot < capacity()}, skip where {@link #occupied(int)} is false. */
    public final int capacity() {
        return keys.length;
    }

    public final boolean occupied(int slot) {
        return keys[slot] != EMPTY;
    }

    public final long keyAt(int slot) {
        return keys[slot];
    }

    private void grow() {
        long[] oldKeys = keys;
        Object oldValues = values();
        int cap = oldKeys.length * 2;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        allocateValues(cap);
        mask = cap - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != EMPTY) {
                int i = (int) Hashing.mix(k) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                copyValue(oldValues, j, i);
            }
        }
    }
}
