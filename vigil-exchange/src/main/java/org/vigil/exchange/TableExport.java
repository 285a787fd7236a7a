package org.vigil.exchange;

import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Every table of a store as one file each, written by DuckDB's own {@code COPY}: CSV (RFC 4180,
 * header row, UTF-8) or Parquet (zstd). Table names come from the store's catalogue and the output
 * path from the caller; neither can be a bound parameter in {@code COPY}, so both are quoted as
 * SQL identifiers and literals here, and a table name outside {@code [a-z0-9_]} is refused.
 */
public final class TableExport {
    /** The two file formats. */
    public enum Format {
        CSV("csv", "(FORMAT csv, HEADER true)"),
        PARQUET("parquet", "(FORMAT parquet, COMPRESSION zstd)");

        private final String extension;
        private final String options;

        Format(String extension, String options) {
            this.extension = extension;
            this.options = options;
        }

        public String extension() {
            return extension;
        }
    }

    /** One table written: its name, the file and how many rows. */
    public record Written(String table, Path file, long rows) {
    }

    private TableExport() {
    }

    /** Writes every table of {@code store} into {@code dir} (created if needed) as {@code TABLE.csv} or {@code TABLE.parquet}. */
    public static List<Written> export(VigilStore store, Format format, Path dir) {
        return export(store, format, dir, ExportProgress.NONE);
    }

    /**
     * As {@link #export(VigilStore, Format, Path)}, telling {@code progress} of the rows written out of
     * the store's row count, table by table (DuckDB's {@code COPY} reports nothing while it runs).
     */
    public static List<Written> export(VigilStore store, Format format, Path dir, ExportProgress progress) {
        Objects.requireNonNull(store, "The parameter 'store' must not be null.");
        Objects.requireNonNull(format, "The parameter 'format' must not be null.");
        Objects.requireNonNull(dir, "The parameter 'dir' must not be null.");
        Objects.requireNonNull(progress, "The parameter 'progress' must not be null.");
        Path out = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new VigilException("cannot create the output folder " + dir + ": " + e.getMessage() + "; pass another --output");
        }
        return store.read(c -> {
            List<String> tables = tables(c);
            long total = 0;
            for (String table : tables) {
                total += rows(c, table);
            }
            List<Written> written = new ArrayList<>();
            long done = 0;
            progress.progress("rows written", 0, total);
            for (String table : tables) {
                Written w = copy(c, table, format, out.resolve(table + "." + format.extension()));
                written.add(w);
                done += Math.max(0, w.rows());
                progress.progress("rows written", done, total);
            }
            return written;
        });
    }

    /** The names of the store's tables, sorted. */
    public static List<String> tables(VigilStore store) {
        Objects.requireNonNull(store, "The parameter 'store' must not be null.");
        return store.read(TableExport::tables);
    }

    /** Writes one table of {@code store} to {@code file}; the table must be one of {@link #tables}. */
    public static Written exportTable(VigilStore store, Format format, String table, Path file) {
        Objects.requireNonNull(table, "The parameter 'table' must not be null.");
        return store.read(c -> {
            List<String> tables = tables(c);
            if (!tables.contains(table)) {
                throw new IllegalArgumentException("no table '" + table + "' in the store: use one of " + String.join(", ", tables));
            }
            return copy(c, table, format, file.toAbsolutePath().normalize());
        });
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long rows(Connection c, String table) throws SQLException {
        checkName(table);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void checkName(String table) {
        if (!table.matches("[a-z0-9_]+")) {
            throw new VigilException("the store has a table named '" + table + "', which Vigil did not create: "
                    + "rename or drop it, then export again");
        }
    }

    private static Written copy(Connection c, String table, Format format, Path file) throws SQLException {
        checkName(table);
        long rows;
        try (Statement st = c.createStatement()) {
            // COPY answers with the number of rows it wrote
            st.execute("COPY (SELECT * FROM \"" + table + "\") TO " + literal(file.toString()) + " " + format.options);
            rows = st.getUpdateCount();
            if (rows < 0) {
                try (ResultSet rs = st.getResultSet()) {
                    rows = rs != null && rs.next() ? rs.getLong(1) : -1;
                }
            }
        }
        return new Written(table, file, rows);
    }

    static String literal(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("The parameter 'dir' must not contain a NUL character.");
        }
        return "'" + s.replace("'", "''") + "'";
    }

    /** Parses {@code csv} or {@code parquet}. */
    public static Format format(String name) {
        try {
            return Format.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown export format '" + name + "': use csv or parquet");
        }
    }
}
