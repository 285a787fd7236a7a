package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.Article;
import org.vigil.model.Basis;
import org.vigil.model.Evidence;
import org.vigil.model.Problem;
import org.vigil.model.Source;
import org.vigil.model.Stance;

/**
 * The read side of the news tables. Filters add fixed SQL fragments with placeholders; values are
 * only ever bound, never spliced into the text.
 */
final class NewsQueries {
    private NewsQueries() {
    }

    /** A WHERE clause under construction: fixed fragments plus the values bound to their placeholders. */
    private static final class Where {
        final StringBuilder sql = new StringBuilder(" WHERE TRUE");
        final List<Object> values = new ArrayList<>();

        Where and(String fragment, Object value) {
            sql.append(" AND ").append(fragment);
            values.add(value);
            return this;
        }

        Where and(String fragment) {
            sql.append(" AND ").append(fragment);
            return this;
        }

        int bind(PreparedStatement ps, int from) throws SQLException {
            int i = from;
            for (Object v : values) {
                if (v instanceof LocalDate d) {
                    Sql.setDate(ps, i++, d);
                } else if (v instanceof Integer n) {
                    ps.setInt(i++, n);
                } else if (v instanceof Long n) {
                    ps.setLong(i++, n);
                } else {
                    ps.setString(i++, (String) v);
                }
            }
            return i;
        }
    }

    private static Where period(Where w, ReportFilter f) {
        if (f.from() != null) {
            w.and("a.published >= ?", f.from());
        }
        if (f.to() != null) {
            w.and("a.published <= ?", f.to());
        }
        return w;
    }

    private static Where claimWhere(ReportFilter f) {
        Where w = period(new Where(), f);
        if (f.holder() != null) {
            w.and("c.holder = ?", f.holder());
        }
        if (f.target() != null) {
            w.and("c.target = ?", f.target());
        }
        if (!f.includeHedged()) {
            w.and("NOT c.hedged");
        }
        if (!f.includeDisputed()) {
            w.and("NOT c.disputed");
        }
        if (f.cycle() != null) {
            w.and(CycleSql.of("c") + " = ?", f.cycle());
        }
        return w;
    }

    static List<MatrixRow> matrix(Connection conn, ReportFilter f) throws SQLException {
        Where w = claimWhere(f);
        // One unit per article and stance: an article that repeats a claim is one voice. It counts as
        // hedged only if every sentence hedges (one firm sentence makes the article firm), and as
        // disputed if any sentence reports a denial.
        String sql = """
                WITH units AS (
                    SELECT c.article_id, c.holder, c.target, c.stance,
                           bool_and(c.hedged) AS hedged, bool_or(c.disputed) AS disputed
                    FROM claims c JOIN articles a ON a.id = c.article_id
                """ + w.sql + """
                    GROUP BY c.article_id, c.holder, c.target, c.stance),
                cells AS (
                    SELECT holder, target,
                           count(*) FILTER (WHERE stance = 'favors') AS favors,
                           count(*) FILTER (WHERE stance = 'opposes') AS opposes,
                           count(*) FILTER (WHERE stance = 'none') AS none,
                           avg(CASE WHEN hedged THEN 1.0 ELSE 0.0 END) AS share_hedged,
                           avg(CASE WHEN disputed THEN 1.0 ELSE 0.0 END) AS share_disputed
                    FROM units GROUP BY holder, target),
                cell_articles AS (SELECT DISTINCT holder, target, article_id FROM units),
                spread AS (
                    SELECT ca.holder, ca.target, count(DISTINCT s.domain) AS independent_sources
                    FROM cell_articles ca JOIN sources s ON s.article_id = ca.article_id
                    GROUP BY ca.holder, ca.target),
                dates AS (
                    SELECT ca.holder, ca.target, min(a.published) AS first, max(a.published) AS last
                    FROM cell_articles ca JOIN articles a ON a.id = ca.article_id
                    GROUP BY ca.holder, ca.target)
                SELECT cells.holder, cells.target, favors, opposes, none, share_hedged, share_disputed,
                       coalesce(independent_sources, 0), first, last
                FROM cells
                LEFT JOIN spread USING (holder, target)
                LEFT JOIN dates USING (holder, target)
                ORDER BY cells.holder, cells.target = '*', cells.target
                """;
        List<MatrixRow> rows = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            w.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new MatrixRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getDouble(6), rs.getDouble(7), rs.getLong(8),
                            Sql.date(rs.getObject(9)), Sql.date(rs.getObject(10))));
                }
            }
        }
        return rows;
    }

    static List<TimelineRow> timeline(Connection conn, ReportFilter f, int offset, int limit) throws SQLException {
        Where w = period(new Where(), f);
        if (f.holder() != null) {
            w.and("i.actor = ?", f.holder());
        }
        // Ordered by when the incident happened (its year, else the year it was reported), so a 2016
        // hack recalled in a 2024 article sits among 2016 events; then by report date.
        String sql = """
                SELECT a.published, i.year, i.actor, i.technique, i.disarm_id, i.target, i.status, a.doc, e.sentence
                FROM incidents i
                JOIN articles a ON a.id = i.article_id
                LEFT JOIN evidence e ON e.id = i.evidence_id
                """ + w.sql + """
                 ORDER BY coalesce(i.year, year(a.published)) NULLS LAST, a.published NULLS LAST,
                          i.actor, i.technique, a.doc, i.id
                LIMIT ? OFFSET ?
                """;
        List<TimelineRow> rows = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int next = w.bind(ps, 1);
            ps.setLong(next++, limit);
            ps.setLong(next, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TimelineRow(Sql.date(rs.getObject(1)), (Integer) rs.getObject(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9)));
                }
            }
        }
        return rows;
    }

    static long claimCount(Connection conn, ReportFilter f) throws SQLException {
        Where w = claimWhere(f);
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id" + w.sql)) {
            w.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static final String CLAIM_SELECT = """
            SELECT c.id, c.holder, c.target, c.stance, c.hedged, c.disputed, c.basis, c.actor,
                   c.evidence_id, e.sentence, e.start_offset, e.end_offset,
                   a.id, a.doc, a.title, a.url, a.published, """ + CycleSql.of("c") + """
            FROM claims c
            JOIN articles a ON a.id = c.article_id
            LEFT JOIN evidence e ON e.id = c.evidence_id
            """;

    static List<ClaimRow> claims(Connection conn, ReportFilter f, int offset, int limit) throws SQLException {
        Where w = claimWhere(f);
        return claimRows(conn, w, " ORDER BY a.published DESC NULLS LAST, a.doc, c.holder, c.target, c.stance, c.id LIMIT ? OFFSET ?",
                limit, offset);
    }

    static Optional<ClaimRow> claim(Connection conn, long id) throws SQLException {
        return claimRows(conn, new Where().and("c.id = ?", id), "").stream().findFirst();
    }

    /** The claims of one article, in the order their evidence appears in it. */
    static List<ClaimRow> claimsOfArticle(Connection conn, String articleId) throws SQLException {
        return claimRows(conn, new Where().and("c.article_id = ?", articleId),
                " ORDER BY e.start_offset NULLS LAST, c.holder, c.target, c.id");
    }

    /** Claims with their evidence, article and sources; {@code trailing} values bind after the WHERE clause's. */
    private static List<ClaimRow> claimRows(Connection conn, Where w, String orderAndPage, long... trailing) throws SQLException {
        record Pending(long id, String holder, String target, String stance, boolean hedged, boolean disputed,
                       String basis, String actor, long evidenceId, Evidence evidence,
                       String articleId, String doc, String title, String url, LocalDate published, Integer cycle) {
        }
        List<Pending> pending = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(CLAIM_SELECT + w.sql + orderAndPage)) {
            int next = w.bind(ps, 1);
            for (long t : trailing) {
                ps.setLong(next++, t);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String sentence = rs.getString(10);
                    Evidence ev = sentence == null ? null : new Evidence(sentence, rs.getInt(11), rs.getInt(12));
                    pending.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getLong(9), ev,
                            rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
                            Sql.date(rs.getObject(17)), rs.getObject(18) == null ? null : ((Number) rs.getObject(18)).intValue()));
                }
            }
        }
        Map<String, List<Source>> sources = sourcesOf(conn,
                pending.stream().map(Pending::articleId).distinct().toList());
        List<ClaimRow> rows = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            rows.add(new ClaimRow(p.id(), p.holder(), p.target(), Stance.fromWire(p.stance()), p.hedged(), p.disputed(),
                    p.basis() == null ? null : Basis.fromWire(p.basis()), p.actor(), p.evidenceId(), p.evidence(),
                    p.articleId(), p.doc(), p.title(), p.url(), p.published(), sources.get(p.articleId()), p.cycle()));
        }
        return rows;
    }

    /** The sources of several articles in one query: a page of claims would otherwise cost a query per article. */
    private static Map<String, List<Source>> sourcesOf(Connection conn, List<String> articleIds) throws SQLException {
        Map<String, List<Source>> out = new HashMap<>();
        if (articleIds.isEmpty()) {
            return out;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(articleIds.size(), "?"));
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT article_id, url, title, published, origin FROM sources WHERE article_id IN (" + placeholders
                        + ") ORDER BY article_id, published NULLS LAST, source_key")) {
            for (int i = 0; i < articleIds.size(); i++) {
                ps.setString(i + 1, articleIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
                            new Source(rs.getString(2), rs.getString(3), Sql.date(rs.getObject(4)), rs.getString(5)));
                }
            }
        }
        for (String id : articleIds) {
            out.putIfAbsent(id, List.of());
        }
        return out;
    }

    private static List<Source> sourcesOf(Connection conn, String articleId) {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT url, title, published, origin FROM sources WHERE article_id = ? "
                        + "ORDER BY published NULLS LAST, source_key")) {
            ps.setString(1, articleId);
            List<Source> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Source(rs.getString(1), rs.getString(2), Sql.date(rs.getObject(3)), rs.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new Sql.Unchecked(e);
        }
    }

    static Optional<Article> article(Connection conn, String id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id, doc, url, title, published, language, text FROM articles WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Article(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Sql.date(rs.getObject(5)), rs.getString(6), rs.getString(7), sourcesOf(conn, id)));
            }
        }
    }

    /** Metadata of the given articles, for a page of search hits. */
    static Map<String, Article> headers(Connection conn, List<String> ids) throws SQLException {
        Map<String, Article> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id, doc, url, title, published, language FROM articles WHERE id IN (" + placeholders + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Article(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), Sql.date(rs.getObject(5)), rs.getString(6), "", List.of()));
                }
            }
        }
        return out;
    }

    static List<Problem> problems(Connection conn, String runId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT origin, line, reason, raw FROM quarantine WHERE run_id = ? ORDER BY id")) {
            ps.setString(1, runId);
            List<Problem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Problem(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        }
    }

    /** Every article with its evidence, for rebuilding the full-text index. */
    static void forEachIndexed(Connection conn, java.util.function.Consumer<IndexedArticle> sink) throws SQLException {
        Map<String, List<IndexedArticle.Sentence>> evidence = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT article_id, id, sentence FROM evidence ORDER BY article_id, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                evidence.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new IndexedArticle.Sentence(rs.getLong(2), rs.getString(3)));
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, title, text FROM articles ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                sink.accept(new IndexedArticle(id, rs.getString(2), rs.getString(3), evidence.getOrDefault(id, List.of())));
            }
        }
    }
}
