package org.vigil.store.watch;

import java.util.List;
import org.vigil.store.Migration;

/**
 * The watch's tables, a component of their own ({@code watch}) so they grow apart from the news
 * and coordination tables. Apply with {@code store.migrate(WatchSchema.COMPONENT, WatchSchema.MIGRATIONS)}.
 */
public final class WatchSchema {
    public static final String COMPONENT = "watch";

    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "pages, versions, feeds, files, baseline, networks, alerts", List.of(
                    """
                    CREATE TABLE watch_pages (
                        url VARCHAR PRIMARY KEY,          -- as listed by the feed, fragment dropped
                        version INTEGER NOT NULL,         -- 1 for the first text read, +1 per changed text
                        body_sha VARCHAR,                 -- SHA-256 of the last body read
                        article_id VARCHAR,               -- the stored article of the last version (null: no text)
                        etag VARCHAR,
                        last_modified VARCHAR,
                        listed_at TIMESTAMP,              -- the feed's date for the item when last read
                        status VARCHAR NOT NULL,          -- stored, no-text
                        fetched_at TIMESTAMP NOT NULL)
                    """,
                    """
                    CREATE TABLE watch_versions (
                        url VARCHAR NOT NULL,
                        version INTEGER NOT NULL,
                        article_id VARCHAR,
                        body_sha VARCHAR,
                        fetched_at TIMESTAMP NOT NULL,
                        PRIMARY KEY (url, version))
                    """,
                    """
                    CREATE TABLE watch_feeds (
                        url VARCHAR PRIMARY KEY,
                        etag VARCHAR,
                        last_modified VARCHAR,
                        last_ok TIMESTAMP,
                        failures INTEGER NOT NULL,        -- failed polls in a row
                        next_try TIMESTAMP,               -- backoff: not polled before this
                        last_error VARCHAR)
                    """,
                    """
                    CREATE TABLE watch_files (
                        path VARCHAR PRIMARY KEY,
                        size BIGINT NOT NULL,
                        modified BIGINT NOT NULL,         -- epoch milliseconds
                        read_at TIMESTAMP NOT NULL)
                    """,
                    // the values the last alerts compared against: cell counts, balances, techniques
                    "CREATE TABLE watch_baseline (key VARCHAR PRIMARY KEY, value DOUBLE NOT NULL)",
                    """
                    CREATE TABLE watch_networks (
                        source VARCHAR NOT NULL,          -- the post folder
                        network_key VARCHAR NOT NULL,     -- stable name: run and id where it was first seen
                        accounts VARCHAR NOT NULL,        -- account ids, newline-separated, sorted
                        size INTEGER NOT NULL,
                        PRIMARY KEY (source, network_key))
                    """,
                    """
                    CREATE TABLE alerts (
                        id VARCHAR PRIMARY KEY,           -- hash of kind, subject and what changed: raised once
                        raised_at TIMESTAMP NOT NULL,
                        kind VARCHAR NOT NULL,
                        subject VARCHAR NOT NULL,
                        summary VARCHAR NOT NULL,
                        network_id VARCHAR)
                    """,
                    """
                    CREATE TABLE alert_evidence (
                        alert_id VARCHAR NOT NULL,
                        rank INTEGER NOT NULL,
                        sentence VARCHAR,
                        url VARCHAR,
                        PRIMARY KEY (alert_id, rank))
                    """)));

    private WatchSchema() {
    }
}
