package org.vigil.store.watch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something the last poll changed that an analyst should know. {@code kind} is one of
 * {@code new-cell}, {@code balance-shift}, {@code first-technique}, {@code new-network},
 * {@code network-grew}; {@code subject} names what changed ({@code RU|trump|favors},
 * {@code IR|hack_and_leak}, a network key); {@code evidence} quotes sentences and links articles;
 * {@code networkId} is set for network alerts.
 */
public record Alert(String id, Instant raisedAt, String kind, String subject, String summary,
                    List<Evidence> evidence, String networkId) {
    /** One quoted sentence and the article it comes from (either may be null for a network). */
    public record Evidence(String sentence, String url) {
    }

    public Alert {
        Objects.requireNonNull(id, "The parameter 'id' must not be null.");
        Objects.requireNonNull(kind, "The parameter 'kind' must not be null.");
        Objects.requireNonNull(subject, "The parameter 'subject' must not be null.");
        Objects.requireNonNull(summary, "The parameter 'summary' must not be null.");
        evidence = List.copyOf(evidence);
    }
}
