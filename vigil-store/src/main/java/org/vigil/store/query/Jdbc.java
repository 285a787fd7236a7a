package org.vigil.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers for the queries of this package. */
final class Jdbc {
    private Jdbc() {
    }

    /** Maps one row; the result set is positioned on it. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... bound) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < bound.length; i++) {
                Where.bindOne(ps, i + 1, bound[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        }
    }

    /** Runs {@code select} (which must end in its WHERE clause) with {@code where} bound, then LIMIT/OFFSET. */
    static <T> List<T> page(Connection c, String select, Where where, String orderBy, int offset, int limit,
                            RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(select + where.sql() + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")) {
            int next = where.bind(ps, 1);
            ps.setLong(next++, limit);
            ps.setLong(next, offset);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        }
    }

    static long count(Connection c, String from, Where where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) " + from + where.sql())) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = 'main'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }

    /** A column selected as {@code CAST(epoch(ts) AS BIGINT)}: epoch seconds, or null. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochSecond(v);
    }

    static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
