package org.vigil.store.watch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The watch's memory, read and written on a connection the caller holds (inside
 * {@code VigilStore.write} or {@code read}, so writes are one transaction). Every statement is
 * parameterised.
 */
public final class WatchLedger {
    /** What was read of one page last time. */
    public record Page(String url, int version, String bodySha, String articleId, String etag, String lastModified,
                       Instant listedAt, String status) {
    }

    /** What was read of one feed last time, and when to try it again after failures. */
    public record Feed(String url, String etag, String lastModified, int failures, Instant nextTry) {
    }

    /** One post or news file of a watched folder, as it was when read. */
    public record FileMark(String path, long size, long modified) {
    }

    /** A network as it was when the last alerts were raised. */
    public record Network(String source, String key, List<String> accounts) {
        public Network {
            accounts = List.copyOf(accounts);
        }
    }

    private final Connection c;

    public WatchLedger(Connection connection) {
        this.c = Objects.requireNonNull(connection, "The parameter 'connection' must not be null.");
    }

    /** Whether the store has the watch's tables (a store never watched has not). */
    public boolean hasTables() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'alerts'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    public Map<String, Page> pages() throws SQLException {
        Map<String, Page> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT url, version, body_sha, article_id, etag, last_modified, listed_at, status FROM watch_pages");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new Page(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), rs.getString(8)));
            }
        }
        return out;
    }

    /** Records a page read; a new {@code version} also gets a row in {@code watch_versions}. */
    public void savePage(Page p, boolean newVersion) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM watch_pages WHERE url = ?")) {
            del.setString(1, p.url());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO watch_pages (url, version, body_sha, article_id, etag, last_modified, listed_at, status, fetched_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)""")) {
            ps.setString(1, p.url());
            ps.setInt(2, p.version());
            ps.setString(3, p.bodySha());
            ps.setString(4, p.articleId());
            ps.setString(5, p.etag());
            ps.setString(6, p.lastModified());
            setInstant(ps, 7, p.listedAt());
            ps.setString(8, p.status());
            ps.executeUpdate();
        }
        if (newVersion) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO watch_versions (url, version, article_id, body_sha, fetched_at)
                    VALUES (?, ?, ?, ?, current_timestamp) ON CONFLICT DO NOTHING""")) {
                ps.setString(1, p.url());
                ps.setInt(2, p.version());
                ps.setString(3, p.articleId());
                ps.setString(4, p.bodySha());
                ps.executeUpdate();
            }
        }
    }

    /**
     * The stored article a source belongs to ({@code sources.source_key}: its URL, or
     * {@code origin:} and the file it was read from), null when none: after near-duplicate merging
     * this is the article the page's text was merged into.
     */
    public String articleOfSource(String sourceKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT min(article_id) FROM sources WHERE source_key = ?")) {
            ps.setString(1, sourceKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** How many versions of each page have been stored. */
    public Map<String, Integer> versionCounts() throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT url, count(*) FROM watch_versions GROUP BY url ORDER BY url");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    public Map<String, Feed> feeds() throws SQLException {
        Map<String, Feed> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT url, etag, last_modified, failures, next_try FROM watch_feeds");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new Feed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        instant(rs.getTimestamp(5))));
            }
        }
        return out;
    }

    /** A feed read whole: its validators for the next conditional GET, and no failures. */
    public void feedRead(String url, String etag, String lastModified) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM watch_feeds WHERE url = ?")) {
            del.setString(1, url);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO watch_feeds (url, etag, last_modified, last_ok, failures, next_try, last_error)
                VALUES (?, ?, ?, current_timestamp, 0, NULL, NULL)""")) {
            ps.setString(1, url);
            ps.setString(2, etag);
            ps.setString(3, lastModified);
            ps.executeUpdate();
        }
    }

    /** A feed that failed this poll: validators kept, failures counted, not tried again before {@code nextTry}. */
    public void feedFailed(String url, Feed before, Instant nextTry, String error) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM watch_feeds WHERE url = ?")) {
            del.setString(1, url);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO watch_feeds (url, etag, last_modified, last_ok, failures, next_try, last_error)
                VALUES (?, ?, ?, NULL, ?, ?, ?)""")) {
            ps.setString(1, url);
            ps.setString(2, before == null ? null : before.etag());
            ps.setString(3, before == null ? null : before.lastModified());
            ps.setInt(4, before == null ? 1 : before.failures() + 1);
            setInstant(ps, 5, nextTry);
            ps.setString(6, error);
            ps.executeUpdate();
        }
    }

    public Map<String, FileMark> files() throws SQLException {
        Map<String, FileMark> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT path, size, modified FROM watch_files");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new FileMark(rs.getString(1), rs.getLong(2), rs.getLong(3)));
            }
        }
        return out;
    }

    public void fileRead(FileMark f) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM watch_files WHERE path = ?")) {
            del.setString(1, f.path());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO watch_files (path, size, modified, read_at) VALUES (?, ?, ?, current_timestamp)")) {
            ps.setString(1, f.path());
            ps.setLong(2, f.size());
            ps.setLong(3, f.modified());
            ps.executeUpdate();
        }
    }

    public Map<String, Double> baseline() throws SQLException {
        Map<String, Double> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM watch_baseline");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getDouble(2));
            }
        }
        return out;
    }

    /** Replaces the whole baseline with {@code values}. */
    public void replaceBaseline(Map<String, Double> values) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM watch_baseline")) {
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO watch_baseline (key, value) VALUES (?, ?)")) {
            for (Map.Entry<String, Double> e : values.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setDouble(2, e.getValue());
                ps.addBatch();
            }
            if (!values.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    public List<Network> networks(String source) throws SQLException {
        List<Network> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT network_key, accounts FROM watch_networks WHERE source = ? ORDER BY network_key")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Network(source, rs.getString(1), List.of(rs.getString(2).split("\n"))));
                }
            }
        }
        return out;
    }

    public void replaceNetworks(String source, List<Network> networks) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM watch_networks WHERE source = ?")) {
            del.setString(1, source);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO watch_networks (source, network_key, accounts, size) VALUES (?, ?, ?, ?)")) {
            for (Network n : networks) {
                ps.setString(1, source);
                ps.setString(2, n.key());
                ps.setString(3, String.join("\n", n.accounts().stream().sorted().toList()));
                ps.setInt(4, n.accounts().size());
                ps.addBatch();
            }
            if (!networks.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    /** Stores an alert unless one with its id exists; returns whether it was new. */
    public boolean saveAlert(Alert a) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM alerts WHERE id = ?")) {
            q.setString(1, a.id());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO alerts (id, raised_at, kind, subject, summary, network_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, a.id());
            setInstant(ps, 2, a.raisedAt());
            ps.setString(3, a.kind());
            ps.setString(4, a.subject());
            ps.setString(5, a.summary());
            ps.setString(6, a.networkId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO alert_evidence (alert_id, rank, sentence, url) VALUES (?, ?, ?, ?)")) {
            int rank = 0;
            for (Alert.Evidence e : a.evidence()) {
                ps.setString(1, a.id());
                ps.setInt(2, rank++);
                ps.setString(3, e.sentence());
                ps.setString(4, e.url());
                ps.addBatch();
            }
            if (rank > 0) {
                ps.executeBatch();
            }
        }
        return true;
    }

    /** The latest alerts, newest first, optionally of one kind, with their evidence. */
    public List<Alert> alerts(String kind, int offset, int limit) throws SQLException {
        List<Alert> out = new ArrayList<>();
        String sql = "SELECT id, raised_at, kind, subject, summary, network_id FROM alerts"
                + (kind == null ? "" : " WHERE kind = ?") + " ORDER BY raised_at DESC, id LIMIT ? OFFSET ?";
        List<String[]> rows = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (kind != null) {
                ps.setString(i++, kind);
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
                    times.add(instant(rs.getTimestamp(2)));
                }
            }
        }
        try (PreparedStatement ev = c.prepareStatement(
                "SELECT sentence, url FROM alert_evidence WHERE alert_id = ? ORDER BY rank")) {
            for (int r = 0; r < rows.size(); r++) {
                String[] row = rows.get(r);
                List<Alert.Evidence> evidence = new ArrayList<>();
                ev.setString(1, row[0]);
                try (ResultSet rs = ev.executeQuery()) {
                    while (rs.next()) {
                        evidence.add(new Alert.Evidence(rs.getString(1), rs.getString(2)));
                    }
                }
                out.add(new Alert(row[0], times.get(r), row[1], row[2], row[3], evidence, row[4]));
            }
        }
        return out;
    }

    /** How many alerts there are, of one kind or (null) of all. */
    public long alertCount(String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM alerts WHERE ? IS NULL OR kind = ?")) {
            ps.setString(1, kind);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(i, Timestamp.from(t));
        }
    }
}
