package org.vigil.coordination.internal;

import java.util.Arrays;

/** Open-addressing map from long keys to objects; see {@link LongKeyTable} for the table and its reserved key. */
public final class LongObjectMap<V> extends LongKeyTable {
    private Object[] values;

    public LongObjectMap(int expected) {
        super(expected);
        values = new Object[capacity()];
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        int i = find(key);
        return i < 0 ? null : (V) values[i];
    }

    /** Stores {@code value} unless the key is present; returns true when stored. */
    public boolean putIfAbsent(long key, V value) {
        int i = claim(key);
        if (i >= 0) {
            return false;
        }
        values[~i] = value;
        inserted();
        return true;
    }

    @SuppressWarnings("unchecked")
    public V valueAt(int slot) {
        return (V) values[slot];
    }

    @Override
    public void clear() {
        super.clear();
        Arrays.fill(values, null); // let the values be collected
    }

    @Override
    Object values() {
        return values;
    }

    @Override
    void allocateValues(int capacity) {
        values = new Object[capacity];
    }

    @Override
    void copyValue(Object oldValues, int from, int to) {
        values[to] = ((Object[]) oldValues)[from];
    }
}
