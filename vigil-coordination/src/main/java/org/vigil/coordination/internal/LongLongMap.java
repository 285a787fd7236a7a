package org.vigil.coordination.internal;

import java.util.Arrays;

/** Open-addressing map from long keys to long values; same layout and rules as {@link LongIntMap}. */
public final class LongLongMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private long[] values;
    private int size;
    private int mask;

    public LongLongMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new long[cap];
        mask = cap - 1;
    }

    private static long fix(long key) {
        return key == EMPTY ? EMPTY + 1 : key;
    }

    public long get(long key, long missing) {
        key = fix(key);
        int i = (int) Hashing.mix(key) & mask;
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

    /** Adds {@code delta} to the value of {@code key} (absent counts as 0) and returns the new value. */
    public long add(long key, long delta) {
        key = fix(key);
        int i = (int) Hashing.mix(key) & mask;
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

    public void put(long key, long value) {
        key = fix(key);
        int i = (int) Hashing.mix(key) & mask;
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

    public int capacity() {
        return keys.length;
    }

    public boolean occupied(int slot) {
        return keys[slot] != EMPTY;
    }

    public long keyAt(int slot) {
        return keys[slot];
    }

    public long valueAt(int slot) {
        return values[slot];
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        int cap = oldKeys.length * 2;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new long[cap];
        mask = cap - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != EMPTY) {
                int i = (int) Hashing.mix(k) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }
}
