package org.vigil.model;

import java.util.List;

/**
 * One social-media post after ingest. {@code timestamp} is epoch seconds (UTC).
 * {@code retweetOf} is the id of the post it re-shares, or null for an original.
 * {@code urls} and {@code hashtags} are as found in the source (normalisation happens in the detectors).
 */
public record Post(String postId, String accountId, long timestamp, String text, String retweetOf,
                   String replyTo, List<String> urls, List<String> hashtags, String language) {
    public Post {
        urls = urls == null ? List.of() : List.copyOf(urls);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }
}
