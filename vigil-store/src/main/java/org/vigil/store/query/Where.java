package org.vigil.store.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause under construction: fixed SQL fragments written in this package, plus the values
 * bound to their placeholders. Nothing a caller passes ever becomes SQL text.
 */
final class Where {
    private final StringBuilder sql = new StringBuilder(" WHERE TRUE");
    private final List<Object> values = new ArrayList<>();

    /** Adds {@code fragment}, whose placeholders take {@code bound} in order. */
    Where and(String fragment, Object... bound) {
        sql.append(" AND (").append(fragment).append(')');
        values.addAll(List.of(bound));
        return this;
    }

    /** Adds {@code fragment} only when {@code value} is not null. */
    Where andIf(Object value, String fragment) {
        return value == null ? this : and(fragment, value);
    }

    String sql() {
        return sql.toString();
    }

    /** Binds the values from placeholder {@code from}; returns the next free placeholder. */
    int bind(PreparedStatement ps, int from) throws SQLException {
        int i = from;
        for (Object v : values) {
            bindOne(ps, i++, v);
        }
        return i;
    }

    static void bindOne(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else if (v instanceof LocalDate d) {
            ps.setObject(i, d);
        } else if (v instanceof Integer n) {
            ps.setInt(i, n);
        } else if (v instanceof Long n) {
            ps.setLong(i, n);
        } else if (v instanceof Double d) {
            ps.setDouble(i, d);
        } else if (v instanceof Boolean b) {
            ps.setBoolean(i, b);
        } else if (v instanceof String s) {
            ps.setString(i, s);
        } else {
            throw new IllegalArgumentException("cannot bind a " + v.getClass().getName() + " to an SQL placeholder");
        }
    }
}
