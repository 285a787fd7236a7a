package org.vigil.coordination.internal;

/** Open-addressing map from long keys to long values; see {@link LongKeyTable} for the table and its reserved key. */
public final class LongLongMap extends LongKeyTable {
    private long[] values;

    public LongLongMap(int expected) {
        super(expected);
        values = new long[capacity()];
    }

    /** The value for {@code key}, or {@code missing}. */
    public long get(long key, long missing) {
        int i = find(key);
        return i < 0 ? missing : values[i];
    }

    /** Adds {@code delta} to the value of {@code key} (absent counts as 0) and returns the new value. */
    public long add(long key, long delta) {
        int i = claim(key);
        if (i >= 0) {
            return values[i] += delta;
        }
        values[~i] = delta;
        inserted();
        return delta;
    }

    public void put(long key, long value) {
        int i = claim(key);
        if (i >= 0) {
            values[i] = value;
            return;
        }
        values[~i] = value;
        inserted();
    }

    public long valueAt(int slot) {
        return values[slot];
    }

    @Override
    Object values() {
        return values;
    }

    @Override
    void allocateValues(int capacity) {
        values = new long[capacity];
    }

    @Override
    void copyValue(Object oldValues, int from, int to) {
        values[to] = ((long[]) oldValues)[from];
    }
}
