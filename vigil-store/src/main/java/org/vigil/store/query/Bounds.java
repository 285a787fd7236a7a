package org.vigil.store.query;

import org.vigil.store.VigilStore;

/** Argument checks shared by the queries: bounded pages, so no request can ask for everything at once. */
final class Bounds {
    /** Deeper pages than this make DuckDB sort and skip millions of rows for no reader's benefit. */
    static final int MAX_OFFSET = 1_000_000;

    private Bounds() {
    }

    static void page(int offset, int limit) {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("The parameter 'offset' must be between 0 and " + MAX_OFFSET + ", got " + offset + ".");
        }
        if (limit < 1 || limit > VigilStore.MAX_LIMIT) {
            throw new IllegalArgumentException("The parameter 'limit' must be between 1 and " + VigilStore.MAX_LIMIT
                    + ", got " + limit + ".");
        }
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("The parameter '" + name + "' must not be null.");
        }
        return value;
    }
}
