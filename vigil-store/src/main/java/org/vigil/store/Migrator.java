package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vigil.model.VigilException;

/** Applies each component's pending {@link Migration}s, one transaction per step. */
final class Migrator {
    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                component VARCHAR NOT NULL,
                version INTEGER NOT NULL,
                description VARCHAR NOT NULL,
                applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
                PRIMARY KEY (component, version))
            """;

    private final Connection conn;
    private final String where;

    Migrator(Connection conn, String where) {
        this.conn = conn;
        this.where = where;
    }

    /** The highest version of {@code component} recorded in the store, 0 when none (or no table yet). */
    int currentVersion(String component) throws SQLException {
        try (PreparedStatement exists = conn.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'")) {
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return 0;
                }
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT coalesce(max(version), 0) FROM schema_migrations WHERE component = ?")) {
            ps.setString(1, component);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    void migrate(String component, List<Migration> migrations) {
        List<Migration> ordered = new ArrayList<>(migrations);
        ordered.sort(Comparator.comparingInt(Migration::version));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).version() == ordered.get(i - 1).version()) {
                throw new IllegalArgumentException("component '" + component + "' declares migration version "
                        + ordered.get(i).version() + " twice");
            }
        }
        int known = ordered.isEmpty() ? 0 : ordered.get(ordered.size() - 1).version();
        try {
            try (Statement st = conn.createStatement()) {
                st.execute(TABLE);
            }
            int current = currentVersion(component);
            if (current > known) {
                throw new VigilException("the Vigil store at " + where + " has schema version " + current + " of '"
                        + component + "', newer than this Vigil knows (" + known + "): use a newer Vigil or another store");
            }
            for (Migration m : ordered) {
                if (m.version() <= current) {
                    continue;
                }
                apply(component, m);
            }
        } catch (SQLException e) {
            throw new VigilException("could not migrate the '" + component + "' tables of the Vigil store at " + where
                    + ": " + Sql.firstLine(e) + "; restore a backup or start a new store", e);
        }
    }

    private void apply(String component, Migration m) throws SQLException {
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try {
            try (Statement st = conn.createStatement()) {
                for (String sql : m.statements()) {
                    st.execute(sql);
                }
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO schema_migrations (component, version, description) VALUES (?, ?, ?)")) {
                ps.setString(1, component);
                ps.setInt(2, m.version());
                ps.setString(3, m.description());
                ps.executeUpdate();
            }
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(auto);
        }
    }
}
