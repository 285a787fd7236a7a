package org.vigil.store;

import java.util.List;

/**
 * The news side's tables. Enumerations are stored in their wire form as text, so a new technique
 * or status needs no migration. There are no foreign keys or secondary indexes: DuckDB scans the
 * few columns a query reads fast enough, and its indexes would slow the delete-and-reinsert that
 * re-ingesting an article does.
 */
final class NewsSchema {
    static final String COMPONENT = "news";

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "articles, sources, evidence, claims, incidents, runs, quarantine", List.of(
                    """
                    CREATE TABLE articles (
                        id VARCHAR PRIMARY KEY,          -- content hash (Article.id)
                        doc VARCHAR NOT NULL,            -- name in outputs: file name, URL or record number
                        url VARCHAR,
                        title VARCHAR,
                        published DATE,                  -- earliest known publication date
                        language VARCHAR,
                        text VARCHAR NOT NULL,
                        first_seen TIMESTAMP NOT NULL DEFAULT current_timestamp)
                    """,
                    """
                    CREATE TABLE sources (
                        article_id VARCHAR NOT NULL,
                        source_key VARCHAR NOT NULL,     -- the URL, or the origin file when there is no URL
                        url VARCHAR,
                        title VARCHAR,
                        published DATE,
                        origin VARCHAR,
                        domain VARCHAR NOT NULL,         -- what counts as one independent source
                        PRIMARY KEY (article_id, source_key))
                    """,
                    """
                    CREATE TABLE evidence (
                        id BIGINT PRIMARY KEY,
                        article_id VARCHAR NOT NULL,
                        sentence VARCHAR NOT NULL,
                        start_offset INTEGER NOT NULL,
                        end_offset INTEGER NOT NULL)
                    """,
                    """
                    CREATE TABLE claims (
                        id BIGINT PRIMARY KEY,
                        article_id VARCHAR NOT NULL,
                        holder VARCHAR NOT NULL,
                        target VARCHAR NOT NULL,
                        stance VARCHAR NOT NULL,
                        hedged BOOLEAN NOT NULL,
                        disputed BOOLEAN NOT NULL,
                        basis VARCHAR,
                        actor VARCHAR,
                        evidence_id BIGINT)
                    """,
                    """
                    CREATE TABLE incidents (
                        id BIGINT PRIMARY KEY,
                        article_id VARCHAR NOT NULL,
                        actor VARCHAR NOT NULL,
                        technique VARCHAR NOT NULL,
                        target VARCHAR,
                        status VARCHAR,
                        year INTEGER,
                        disarm_id VARCHAR,
                        evidence_id BIGINT)
                    """,
                    """
                    CREATE TABLE runs (
                        id VARCHAR PRIMARY KEY,
                        command VARCHAR NOT NULL,
                        started_at TIMESTAMP NOT NULL,
                        finished_at TIMESTAMP,
                        ok BIGINT,
                        skipped BIGINT,
                        failed BIGINT)
                    """,
                    "CREATE SEQUENCE quarantine_ids START 1",
                    """
                    CREATE TABLE quarantine (
                        id BIGINT PRIMARY KEY DEFAULT nextval('quarantine_ids'),
                        run_id VARCHAR NOT NULL,
                        origin VARCHAR,
                        line BIGINT NOT NULL,
                        reason VARCHAR NOT NULL,
                        raw VARCHAR,
                        recorded_at TIMESTAMP NOT NULL DEFAULT current_timestamp)
                    """,
                    // which store writes the full-text index has seen (see FullTextIndex)
                    "CREATE TABLE store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
                    "INSERT INTO store_meta VALUES ('index_version', '0')")),
            // the election cycle a claim or incident is about (CycleLabeller); null: read from the date (CycleSql)
            new Migration(2, "cycle of claims and incidents", List.of(
                    "ALTER TABLE claims ADD COLUMN cycle INTEGER",
                    "ALTER TABLE incidents ADD COLUMN cycle INTEGER")));

    private NewsSchema() {
    }
}
