package org.vigil.model;

/**
 * Evidence: one object a network shared (a URL, a domain, a hashtag, a text or a re-shared post id),
 * how many of the network's accounts shared it, how often, and when first and last (epoch seconds).
 * {@code detail} carries what helps a reader (the re-shared post's text, the domain's outlet), or "".
 */
public record SharedObject(CoordinationKind kind, String value, int accounts, int shares,
                           long firstSeen, long lastSeen, String detail) {
}
