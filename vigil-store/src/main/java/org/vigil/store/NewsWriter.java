package org.vigil.store;

import java.sql.Connection;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.vigil.model.Article;
import org.vigil.model.Claim;
import org.vigil.model.Evidence;
import org.vigil.model.Extraction;
import org.vigil.model.Incident;
import org.vigil.model.Problem;
import org.vigil.model.Source;

/**
 * The SQL that writes extractions and problems. The caller owns the transaction and serialises
 * calls. Measured on DuckDB 1.4, preparing a statement costs about a millisecond and an
 * {@code INSERT ... ON CONFLICT} one to two, against a tenth for a plain insert; so statements
 * are prepared once per store, and duplicates are sorted out here rather than by the database.
 */
final class NewsWriter implements AutoCloseable {
    /** Raw quarantined records are kept for inspection, but a 50 MB page need not be kept whole. */
    static final int MAX_RAW_CHARS = 1 << 20;

    private static final String EXISTING_SOURCES = "SELECT source_key FROM sources WHERE article_id = ?";
    private static final String EXISTS = "SELECT title FROM articles WHERE id = ?";
    private static final String INSERT_ARTICLE =
            "INSERT INTO articles (id, doc, url, title, published, language, text) VALUES (?, ?, ?, ?, ?, ?, ?)";
    // Same text, same id: the first doc name stays, missing metadata is filled in, and the
    // publication date becomes the earliest one any copy of the story carried.
    private static final String MERGE_ARTICLE = """
            UPDATE articles SET
                url = coalesce(url, ?),
                title = coalesce(title, ?),
                published = least(published, ?),
                language = coalesce(language, ?)
            WHERE id = ?
            """;
    private static final List<String> CLEAR = List.of(
            "DELETE FROM claims WHERE article_id = ?",
            "DELETE FROM incidents WHERE article_id = ?",
            "DELETE FROM evidence WHERE article_id = ?");
    private static final String INSERT_SOURCE = """
            INSERT INTO sources (article_id, source_key, url, title, published, origin, domain)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_CLAIM = """
            INSERT INTO claims (id, article_id, holder, target, stance, hedged, disputed, basis, actor, evidence_id, cycle)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_INCIDENT = """
            INSERT INTO incidents (id, article_id, actor, technique, target, status, year, disarm_id, evidence_id, cycle)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_EVIDENCE =
            "INSERT INTO evidence (id, article_id, sentence, start_offset, end_offset) VALUES (?, ?, ?, ?, ?)";
    private static final String SET_VERSION = "UPDATE store_meta SET value = ? WHERE key = 'index_version'";
    private static final String INSERT_PROBLEMS = "INSERT INTO quarantine (run_id, origin, line, reason, raw) "
            + "SELECT ?, origin, line, reason, raw FROM quarantine_load ORDER BY seq";

    private final Connection conn;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private final CycleLabeller cycles = CycleLabeller.installed();

    NewsWriter(Connection conn) {
        this.conn = conn;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        // DuckDB JDBC closes a connection's statements when a transaction fails, so check before reuse
        if (ps == null || ps.isClosed()) {
            ps = conn.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        return ps;
    }

    /** Writes the article, merges its sources and replaces its claims and incidents; returns what to index. */
    IndexedArticle save(Extraction extraction) throws SQLException {
        Article a = extraction.article();
        String id = a.id();
        boolean existed;
        String title = a.title();
        PreparedStatement exists = statement(EXISTS);
        exists.setString(1, id);
        try (ResultSet rs = exists.executeQuery()) {
            existed = rs.next();
            if (existed && rs.getString(1) != null) {
                title = rs.getString(1);
            }
        }
        LocalDate published = a.published();
        for (Source s : a.sources()) {
            if (s.published() != null && (published == null || s.published().isBefore(published))) {
                published = s.published();
            }
        }
        if (existed) {
            PreparedStatement merge = statement(MERGE_ARTICLE);
            merge.setString(1, a.url());
            merge.setString(2, a.title());
            Sql.setDate(merge, 3, published);
            merge.setString(4, a.language());
            merge.setString(5, id);
            merge.executeUpdate();
        } else {
            PreparedStatement insert = statement(INSERT_ARTICLE);
            insert.setString(1, id);
            insert.setString(2, a.doc());
            insert.setString(3, a.url());
            insert.setString(4, a.title());
            Sql.setDate(insert, 5, published);
            insert.setString(6, a.language());
            insert.setString(7, a.text());
            insert.executeUpdate();
        }
        insertSources(a, existed);
        if (existed) {
            for (String sql : CLEAR) {
                PreparedStatement clear = statement(sql);
                clear.setString(1, id);
                clear.executeUpdate();
            }
        }
        Map<Long, Evidence> evidence = new LinkedHashMap<>();
        Set<Long> ids = new HashSet<>();
        java.util.function.Function<String, Integer> cycleOf = cycles.forArticle(a, published);
        if (!extraction.claims().isEmpty()) {
            PreparedStatement ps = statement(INSERT_CLAIM);
            for (Claim c : extraction.claims()) {
                Long evidenceId = evidenceId(id, c.evidence(), evidence);
                String stance = c.stance() == null ? null : c.stance().wire();
                long claimId = StableIds.of("claim", id, c.holder(), c.target(), stance, evidenceId == null ? "" : evidenceId);
                if (!ids.add(claimId)) {
                    continue; // the same claim from the same sentence twice
                }
                ps.setLong(1, claimId);
                ps.setString(2, id);
                ps.setString(3, c.holder());
                ps.setString(4, c.target());
                ps.setString(5, stance);
                ps.setBoolean(6, c.hedged());
                ps.setBoolean(7, c.disputed());
                ps.setString(8, c.basis() == null ? null : c.basis().wire());
                ps.setString(9, c.actor());
                setLong(ps, 10, evidenceId);
                Sql.setInteger(ps, 11, cycleOf.apply(c.evidence() == null ? null : c.evidence().sentence()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!extraction.incidents().isEmpty()) {
            PreparedStatement ps = statement(INSERT_INCIDENT);
            for (Incident i : extraction.incidents()) {
                Long evidenceId = evidenceId(id, i.evidence(), evidence);
                String technique = i.technique() == null ? null : i.technique().wire();
                long incidentId = StableIds.of("incident", id, i.actor(), technique, evidenceId == null ? "" : evidenceId);
                if (!ids.add(incidentId)) {
                    continue;
                }
                ps.setLong(1, incidentId);
                ps.setString(2, id);
                ps.setString(3, i.actor());
                ps.setString(4, technique);
                ps.setString(5, i.target() == null ? null : i.target().wire());
                ps.setString(6, i.status() == null ? null : i.status().wire());
                Sql.setInteger(ps, 7, i.year());
                ps.setString(8, i.disarmId());
                setLong(ps, 9, evidenceId);
                // the year it happened, when the extractor read one, is its cycle (an odd year leads to the next election)
                Integer cycle = i.year() != null ? Integer.valueOf(i.year() % 2 == 0 ? i.year() : i.year() + 1)
                        : cycleOf.apply(i.evidence() == null ? null : i.evidence().sentence());
                Sql.setInteger(ps, 10, cycle);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<IndexedArticle.Sentence> indexed = new ArrayList<>();
        if (!evidence.isEmpty()) {
            PreparedStatement ps = statement(INSERT_EVIDENCE);
            for (Map.Entry<Long, Evidence> e : evidence.entrySet()) {
                ps.setLong(1, e.getKey());
                ps.setString(2, id);
                ps.setString(3, e.getValue().sentence());
                ps.setInt(4, e.getValue().start());
                ps.setInt(5, e.getValue().end());
                ps.addBatch();
                indexed.add(new IndexedArticle.Sentence(e.getKey(), e.getValue().sentence()));
            }
            ps.executeBatch();
        }
        return new IndexedArticle(id, title, a.text(), indexed);
    }

    private void insertSources(Article a, boolean existed) throws SQLException {
        List<Source> sources = new ArrayList<>(a.sources());
        if (sources.isEmpty()) {
            // every article has come from somewhere; without this its cell would count no source at all
            sources.add(new Source(a.url(), a.title(), a.published(), a.doc()));
        }
        Set<String> known = new HashSet<>();
        if (existed) {
            PreparedStatement q = statement(EXISTING_SOURCES);
            q.setString(1, a.id());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        PreparedStatement ps = statement(INSERT_SOURCE);
        boolean any = false;
        for (Source s : sources) {
            boolean hasUrl = s.url() != null && !s.url().isBlank();
            String key = hasUrl ? s.url().trim() : "origin:" + (s.origin() == null ? a.doc() : s.origin());
            if (!known.add(key)) {
                continue;
            }
            any = true;
            ps.setString(1, a.id());
            ps.setString(2, key);
            ps.setString(3, hasUrl ? s.url().trim() : null);
            ps.setString(4, s.title());
            Sql.setDate(ps, 5, s.published());
            ps.setString(6, s.origin());
            ps.setString(7, SourceDomains.of(s.url(), s.origin(), a.doc()));
            ps.addBatch();
        }
        if (any) {
            ps.executeBatch();
        }
    }

    private static Long evidenceId(String articleId, Evidence e, Map<Long, Evidence> seen) {
        if (e == null) {
            return null;
        }
        long id = StableIds.of("evidence", articleId, e.start(), e.end(), e.sentence());
        seen.putIfAbsent(id, e);
        return id;
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    /**
     * Row-by-row JDBC batches cost DuckDB tens of microseconds a row, which a file of a million bad
     * rows turns into minutes: the rows go through the bulk appender into a staging table and on
     * into {@code quarantine} with one statement, in order, so the ids still follow the input.
     */
    void saveProblems(String runId, List<Problem> problems) throws SQLException {
        try (var st = conn.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS quarantine_load (seq BIGINT, origin VARCHAR, line BIGINT, reason VARCHAR, raw VARCHAR)");
        }
        long seq = 0;
        try (DuckDBAppender a = conn.unwrap(DuckDBConnection.class).createAppender("temp", "main", "quarantine_load")) {
            for (Problem p : problems) {
                a.beginRow().append(seq++);
                orNull(a, p.origin()).append(p.line()).append(p.reason() == null ? "(no reason given)" : p.reason());
                orNull(a, capRaw(p.raw())).endRow();
            }
        }
        PreparedStatement ps = statement(INSERT_PROBLEMS);
        ps.setString(1, runId);
        ps.executeUpdate();
        try (var st = conn.createStatement()) {
            st.execute("DELETE FROM quarantine_load");
        }
    }

    private static DuckDBAppender orNull(DuckDBAppender a, String s) throws SQLException {
        return s == null ? a.appendNull() : a.append(s);
    }

    private static String capRaw(String raw) {
        if (raw == null || raw.length() <= MAX_RAW_CHARS) {
            return raw;
        }
        int cut = MAX_RAW_CHARS;
        if (Character.isHighSurrogate(raw.charAt(cut - 1))) {
            cut--;
        }
        return raw.substring(0, cut) + "\n[vigil: " + (raw.length() - cut) + " more characters not kept]";
    }

    /** Records the store's write counter; call it in the transaction that made the writes. */
    void setIndexVersion(long version) throws SQLException {
        PreparedStatement ps = statement(SET_VERSION);
        ps.setString(1, Long.toString(version));
        ps.executeUpdate();
    }

    /** The store's write counter, which the full-text index compares with its own. */
    static long indexVersion(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM store_meta WHERE key = 'index_version'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Long.parseLong(rs.getString(1)) : 0;
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        prepared.clear();
        if (first != null) {
            throw first;
        }
    }
}
