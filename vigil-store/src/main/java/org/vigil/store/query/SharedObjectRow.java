package org.vigil.store.query;

import java.time.Instant;

/**
 * An object a network shared, as evidence: {@code kind} is {@code link}, {@code domain},
 * {@code hashtag}, {@code text} or {@code reshared_post}; {@code rank} is its place within its kind
 * (1 = shared most); how many of the network's accounts shared it, how often, first and last.
 */
public record SharedObjectRow(String kind, int rank, String value, int accounts, int shares, Instant firstSeen,
                              Instant lastSeen, String detail) {
    /** The kinds the store knows, in display order. */
    public static final java.util.List<String> KINDS = java.util.List.of("link", "domain", "hashtag", "text", "reshared_post");
}
