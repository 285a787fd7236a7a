package org.vigil.store;

import java.util.List;

/**
 * One page of search results. {@code total} is the exact number of matching articles, so a caller
 * can page with {@code offset}; {@code query} is the text as searched.
 */
public record SearchHits(String query, long total, int offset, int limit, List<SearchHit> hits) {
    public SearchHits {
        hits = List.copyOf(hits);
    }

    public static SearchHits empty(String query, int offset, int limit) {
        return new SearchHits(query, 0, offset, limit, List.of());
    }
}
