package org.vigil.store.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.store.CycleSql;
import org.vigil.store.VigilStore;

/** Claims over time: a state's balance toward a candidate month by month, and the cycles the store holds. */
public final class ClaimTrends {
    private final VigilStore store;

    public ClaimTrends(VigilStore store) {
        this.store = Objects.requireNonNull(store, "The parameter 'store' must not be null.");
    }

    /**
     * The months with any claim of {@code holder} about {@code target} (both required), oldest first,
     * counted per article and stance as the matrix counts. Undated articles have no month and are left out.
     *
     * @param cycle  only claims about this election (null: any)
     */
    public List<TrendPoint> monthly(String holder, String target, Integer cycle, LocalDate from, LocalDate to,
                                    boolean includeHedged, boolean includeDisputed) {
        Bounds.notNull(holder, "holder");
        Bounds.notNull(target, "target");
        Where w = new Where().and("c.holder = ?", holder).and("c.target = ?", target).and("a.published IS NOT NULL")
                .andIf(cycle, CycleSql.of("c") + " = ?")
                .andIf(from, "a.published >= ?")
                .andIf(to, "a.published <= ?");
        if (!includeHedged) {
            w.and("NOT c.hedged");
        }
        if (!includeDisputed) {
            w.and("NOT c.disputed");
        }
        String sql = "WITH units AS (SELECT DISTINCT c.article_id, c.stance, strftime(a.published, '%Y-%m') AS month"
                + " FROM claims c JOIN articles a ON a.id = c.article_id" + w.sql() + ")"
                + " SELECT month, count(*) FILTER (WHERE stance = 'favors'), count(*) FILTER (WHERE stance = 'opposes'),"
                + " count(*) FILTER (WHERE stance = 'none') FROM units GROUP BY month ORDER BY month";
        return store.read(c -> {
            try (var ps = c.prepareStatement(sql)) {
                w.bind(ps, 1);
                List<TrendPoint> out = new ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TrendPoint(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
                return out;
            }
        });
    }

    /** Every cycle any claim or incident is about, newest first, the unknown last. */
    public List<CycleCount> cycles() {
        return store.read(c -> {
            Map<Integer, long[]> counts = new LinkedHashMap<>();
            for (Object[] row : Jdbc.list(c, "SELECT " + CycleSql.of("c") + " AS y, count(*) FROM claims c"
                    + " JOIN articles a ON a.id = c.article_id GROUP BY y", rs -> new Object[] {Jdbc.integer(rs, 1), rs.getLong(2)})) {
                counts.computeIfAbsent((Integer) row[0], k -> new long[2])[0] = (Long) row[1];
            }
            for (Object[] row : Jdbc.list(c, "SELECT " + CycleSql.of("i") + " AS y, count(*) FROM incidents i"
                    + " JOIN articles a ON a.id = i.article_id GROUP BY y", rs -> new Object[] {Jdbc.integer(rs, 1), rs.getLong(2)})) {
                counts.computeIfAbsent((Integer) row[0], k -> new long[2])[1] = (Long) row[1];
            }
            List<CycleCount> out = new ArrayList<>();
            counts.forEach((y, n) -> out.add(new CycleCount(y, n[0], n[1])));
            out.sort(java.util.Comparator.comparing(CycleCount::cycle, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
            return out;
        });
    }
}
