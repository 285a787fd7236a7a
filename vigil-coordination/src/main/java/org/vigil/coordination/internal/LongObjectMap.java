package org.vigil.coordination.internal;

import java.util.Arrays;

/** Open-addressing map from long keys to objects; {@code Long.MIN_VALUE} is reserved as in {@link LongIntMap}. */
public final class LongObjectMap<V> {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private Object[] values;
    private int size;
    private int mask;

    public LongObjectMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new Object[cap];
        mask = cap - 1;
    }

    private static long fix(long key) {
        return key == EMPTY ? EMPTY + 1 : key;
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        key = fix(key);
        int i = (int) Hashing.mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return (V) values[i];
            }
            if (k == EMPTY) {
                return null;
            }
            i = (i + 1) & mask;
        }
    }

    /** Stores {@code value} unless the key is present; returns true when stored. */
    public boolean putIfAbsent(long key, V value) {
        key = fix(key);
        int i = (int) Hashing.mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return false;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        int cap = oldKeys.length * 2;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new Object[cap];
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
