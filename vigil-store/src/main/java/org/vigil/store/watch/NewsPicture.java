package org.vigil.store.watch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the news side of the store says now, in the shape alerts compare: articles per
 * (state, candidate, stance) cell, and articles per (state, technique). Counts are distinct
 * articles, as in the matrix. Also the sentences and links that back a cell or a technique.
 */
public final class NewsPicture {
    /** Articles per {@code holder|target|stance}. */
    public final Map<String, Long> cells;
    /** Articles per {@code actor|technique}. */
    public final Map<String, Long> techniques;

    private NewsPicture(Map<String, Long> cells, Map<String, Long> techniques) {
        this.cells = cells;
        this.techniques = techniques;
    }

    public static NewsPicture read(Connection c) throws SQLException {
        Map<String, Long> cells = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT holder, target, stance, count(DISTINCT article_id) FROM claims GROUP BY holder, target, stance");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                cells.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getLong(4));
            }
        }
        Map<String, Long> techniques = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT actor, technique, count(DISTINCT article_id) FROM incidents GROUP BY actor, technique");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                techniques.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3));
            }
        }
        return new NewsPicture(cells, techniques);
    }

    /** Up to {@code limit} sentences behind a cell, latest articles first, each with its article's link. */
    public static List<Alert.Evidence> cellEvidence(Connection c, String holder, String target, String stance, int limit)
            throws SQLException {
        return evidence(c, """
                SELECT e.sentence, coalesce(a.url, min(s.url)) FROM claims x
                JOIN articles a ON a.id = x.article_id
                LEFT JOIN evidence e ON e.id = x.evidence_id
                LEFT JOIN sources s ON s.article_id = x.article_id
                WHERE x.holder = ? AND x.target = ? AND x.stance = ?
                GROUP BY e.sentence, a.url, a.first_seen, a.id ORDER BY a.first_seen DESC, a.id LIMIT ?""",
                limit, holder, target, stance);
    }

    /** Up to {@code limit} sentences reporting a technique by a state, latest articles first. */
    public static List<Alert.Evidence> techniqueEvidence(Connection c, String actor, String technique, int limit)
            throws SQLException {
        return evidence(c, """
                SELECT e.sentence, coalesce(a.url, min(s.url)) FROM incidents x
                JOIN articles a ON a.id = x.article_id
                LEFT JOIN evidence e ON e.id = x.evidence_id
                LEFT JOIN sources s ON s.article_id = x.article_id
                WHERE x.actor = ? AND x.technique = ?
                GROUP BY e.sentence, a.url, a.first_seen, a.id ORDER BY a.first_seen DESC, a.id LIMIT ?""",
                limit, actor, technique);
    }

    private static List<Alert.Evidence> evidence(Connection c, String sql, int limit, String... keys) throws SQLException {
        List<Alert.Evidence> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String k : keys) {
                ps.setString(i++, k);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Alert.Evidence(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }
}
