package org.vigil.ingest.feeds;

import java.time.Duration;

/**
 * How politely and how far the fetcher goes. Each value is a {@code fetch.*} key of the sources
 * file; {@link #defaults()} holds what a watch uses when the file does not say.
 *
 * @param userAgent     sent with every request; names Vigil and where to read about it
 * @param timeout       connect timeout, and the most one whole answer (headers and body) may take
 * @param maxBytes      largest body read; a larger answer fails instead of filling memory
 * @param maxRedirects  redirects followed before giving up (an endless redirect fails)
 * @param hostInterval  least time between two requests to one host
 * @param retries       further tries after a failed fetch, within one poll
 * @param backoff       wait before the first retry, doubled before each next one
 */
public record FetchSettings(String userAgent, Duration timeout, long maxBytes, int maxRedirects,
                            Duration hostInterval, int retries, Duration backoff) {
    public static final String USER_AGENT = "Vigil/0.1 (open-source election-interference observatory; set fetch.user.agent to add a contact)";

    public FetchSettings {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("fetch.user.agent must not be empty");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("fetch.timeout must be positive, got " + timeout);
        }
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("fetch.max.bytes must be at least 1024, got " + maxBytes);
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("fetch.max.redirects must be between 0 and 20, got " + maxRedirects);
        }
        if (hostInterval.isNegative()) {
            throw new IllegalArgumentException("fetch.host.interval must not be negative, got " + hostInterval);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("fetch.retries must be between 0 and 10, got " + retries);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("fetch.retry.backoff must not be negative, got " + backoff);
        }
    }

    public static FetchSettings defaults() {
        return new FetchSettings(USER_AGENT, Duration.ofSeconds(20), 5L * 1024 * 1024, 5,
                Duration.ofSeconds(2), 2, Duration.ofSeconds(2));
    }
}
