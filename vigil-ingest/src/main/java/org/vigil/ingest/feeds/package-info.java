/**
 * Fetching news from the web politely and reading what comes back: an HTTP fetcher with timeouts,
 * size and redirect caps, conditional GET, a per-host pace and robots.txt; RSS/Atom feeds (Rome) and
 * sitemaps (crawler-commons) turned into the article links they list.
 */
package org.vigil.ingest.feeds;
