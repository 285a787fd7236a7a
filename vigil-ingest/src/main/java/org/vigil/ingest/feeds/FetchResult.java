package org.vigil.ingest.feeds;

import java.util.Objects;

/**
 * What one successful fetch gave. {@code notModified} is true for a 304 answer to a conditional GET
 * (then {@code body} is empty); {@code url} is where the content was found after redirects;
 * {@code etag} and {@code lastModified} are the validators to send next time (null when absent).
 * {@code attempts} counts the tries it took, 1 when the first one worked.
 */
public record FetchResult(String url, int status, boolean notModified, byte[] body, String contentType,
                          String etag, String lastModified, int attempts) {
    public FetchResult {
        Objects.requireNonNull(url, "The parameter 'url' must not be null.");
        body = body == null ? new byte[0] : body;
    }

    FetchResult withAttempts(int n) {
        return new FetchResult(url, status, notModified, body, contentType, etag, lastModified, n);
    }
}
