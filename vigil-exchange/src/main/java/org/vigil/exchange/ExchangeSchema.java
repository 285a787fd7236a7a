package org.vigil.exchange;

import org.vigil.store.Migration;
import org.vigil.store.VigilStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The table imported STIX objects live in. Each object is kept whole, as the JSON it came in, so a
 * later export gives it back unchanged; the columns beside it are what the dashboard lists and
 * searches by. One row per STIX id: a newer {@code modified} replaces an older one (STIX versioning).
 */
public final class ExchangeSchema {
    static final String COMPONENT = "exchange";
    static final String TABLE = "stix_objects";

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "imported STIX objects", List.of(
                    """
                    CREATE TABLE stix_objects (
                        id VARCHAR PRIMARY KEY,          -- the STIX id, type--uuid
                        type VARCHAR NOT NULL,
                        name VARCHAR,
                        modified VARCHAR,                -- as written, RFC 3339; compared as text (same format)
                        created_by_ref VARCHAR,
                        external_ids VARCHAR,            -- e.g. 'DISARM T0089; mitre-attack T1566'
                        description VARCHAR,
                        json VARCHAR NOT NULL,           -- the object as imported
                        source VARCHAR NOT NULL,         -- the file it came from
                        imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp)
                    """)));

    private ExchangeSchema() {
    }

    /** Creates or upgrades the table in a store opened for writing. */
    public static void migrate(VigilStore store) {
        store.migrate(COMPONENT, MIGRATIONS);
    }

    /** Whether the store has the table (a store no import has touched may not). */
    static boolean present(Connection c) throws SQLException {
        return tableExists(c, TABLE);
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
