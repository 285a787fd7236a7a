package org.vigil.coordination.internal;

import java.util.Arrays;

/**
 * Open-addressing map from long keys to int values (linear probing, power-of-two table, load 0.5).
 * {@code Long.MIN_VALUE} is reserved as the empty marker; callers pass hashes or packed pairs, which
 * are remapped away from it.
 */
public final class LongIntMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new int[cap];
        mask = cap - 1;
    }

    private static long fix(long key) {
        return key == EMPTY ? EMPTY + 1 : key;
    }

    private static int slot(long key, int mask) {
        return (int) Hashing.mix(key) & mask;
    }

    /** The value for {@code key}, or {@code missing}. */
    public int get(long key, int missing) {
        key = fix(key);
        int i = slot(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return missing;
            }
            i = (i + 1) & mask;
        }
    }

    /** The value for {@code key}; if absent, stores and returns {@code valueIfAbsent}. */
    public int putIfAbsent(long key, int valueIfAbsent) {
        key = fix(key);
        int i = slot(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = valueIfAbsent;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return valueIfAbsent;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds {@code delta} to the value of {@code key} (absent counts as 0) and returns the new value. */
    public int add(long key, int delta) {
        key = fix(key);
        int i = slot(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i] += delta;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = delta;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return delta;
            }
            i = (i + 1) & mask;
        }
    }

    public void put(long key, int value) {
        key = fix(key);
        int i = slot(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    public void clear() {
        if (size > 0) {
            Arrays.fill(keys, EMPTY);
            size = 0;
        }
    }

    /** Slots for iteration: {@code 0 <= slot < capacity()}, skip where {@link #occupied(int)} is false. */
    public int capacity() {
        return keys.length;
    }

    public boolean occupied(int slot) {
        return keys[slot] != EMPTY;
    }

    public long keyAt(int slot) {
        return keys[slot];
    }

    public int valueAt(int slot) {
        return values[slot];
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        int cap = oldKeys.length * 2;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new int[cap];
        mask = cap - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != EMPTY) {
                int i = slot(k, mask);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }
}
