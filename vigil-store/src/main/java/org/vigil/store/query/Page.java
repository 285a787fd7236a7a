package org.vigil.store.query;

import java.util.List;

/**
 * One page of a longer list: {@code total} is the exact number of rows the query matches, so a
 * caller can page on with {@code offset}.
 */
public record Page<T>(long total, int offset, int limit, List<T> items) {
    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> empty(int offset, int limit) {
        return new Page<>(0, offset, limit, List.of());
    }
}
