package org.vigil.ingest.feeds;

import java.time.Instant;
import java.util.Objects;

/**
 * One article a feed or sitemap lists: its link, the title the feed gives, and when the feed says
 * it was published or last updated (null when it does not say).
 */
public record FeedItem(String url, String title, Instant published, Instant updated) {
    public FeedItem {
        Objects.requireNonNull(url, "The parameter 'url' must not be null.");
    }

    /** The later of the two dates, what tells that an item changed since it was last read. */
    public Instant changedAt() {
        if (updated == null) {
            return published;
        }
        return published == null || updated.isAfter(published) ? updated : published;
    }
}
