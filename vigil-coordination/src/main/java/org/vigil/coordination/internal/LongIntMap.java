package org.vigil.coordination.internal;

/** Open-addressing map from long keys to int values; see {@link LongKeyTable} for the table and its reserved key. */
public final class LongIntMap extends LongKeyTable {
    private int[] values;

    public LongIntMap(int expected) {
        super(expected);
        values = new int[capacity()];
    }

    /** The value for {@code key}, or {@code missing}. */
    public int get(long key, int missing) {
        int i = find(key);
        return i < 0 ? missing : values[i];
    }

    /** The value for {@code key}; if absent, stores and returns {@code valueIfAbsent}. */
    public int putIfAbsent(long key, int valueIfAbsent) {
        int i = claim(key);
        if (i >= 0) {
            return values[i];
        }
        values[~i] = valueIfAbsent;
        inserted();
        return valueIfAbsent;
    }

    /** Adds {@code delta} to the value of {@code key} (absent counts as 0) and returns the new value. */
    public int add(long key, int delta) {
        int i = claim(key);
        if (i >= 0) {
            return values[i] += delta;
        }
        values[~i] = delta;
        inserted();
        return delta;
    }

    public void put(long key, int value) {
        int i = claim(key);
        if (i >= 0) {
            values[i] = value;
            return;
        }
        values[~i] = value;
        inserted();
    }

    public int valueAt(int slot) {
        return values[slot];
    }

    @Override
    Object values() {
        return values;
    }

    @Override
    void allocateValues(int capacity) {
        values = new int[capacity];
    }

    @Override
    void copyValue(Object oldValues, int from, int to) {
        values[to] = ((int[]) oldValues)[from];
    }
}
