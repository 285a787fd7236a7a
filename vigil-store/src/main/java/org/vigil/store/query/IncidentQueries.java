package org.vigil.store.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.vigil.store.VigilStore;

/** Incidents with every filter the dashboard offers, their counts per year, actor and technique, and the filter values. */
public final class IncidentQueries {
    private static final String FROM = " FROM incidents i JOIN articles a ON a.id = i.article_id"
            + " LEFT JOIN evidence e ON e.id = i.evidence_id";
    private static final String EVENT_YEAR = "coalesce(i.year, year(a.published))";

    private final VigilStore store;

    public IncidentQueries(VigilStore store) {
        this.store = Objects.requireNonNull(store, "The parameter 'store' must not be null.");
    }

    static Where where(IncidentFilter f) {
        return new Where()
                .andIf(f.from(), "a.published >= ?")
                .andIf(f.to(), "a.published <= ?")
                .andIf(f.yearFrom(), EVENT_YEAR + " >= ?")
                .andIf(f.yearTo(), EVENT_YEAR + " <= ?")
                .andIf(f.actor(), "i.actor = ?")
                .andIf(f.technique(), "i.technique = ?")
                .andIf(f.status(), "i.status = ?")
                .andIf(f.target(), "i.target = ?")
                .andIf(f.disarmId(), "i.disarm_id = ?");
    }

    /** One page of the incidents passing {@code filter}, in the order they happened, then by report date. */
    public Page<IncidentRow> incidents(IncidentFilter filter, int offset, int limit) {
        Bounds.notNull(filter, "filter");
        Bounds.page(offset, limit);
        return store.read(c -> {
            Where w = where(filter);
            long total = Jdbc.count(c, FROM, w);
            return new Page<>(total, offset, limit, total == 0 ? List.of() : Jdbc.page(c, "SELECT " + COLUMNS + FROM, w,
                    EVENT_YEAR + " NULLS LAST, a.published NULLS LAST, i.actor, i.technique, a.doc, i.id",
                    offset, limit, IncidentQueries::row));
        });
    }

    /** The incidents of one article, in the order their evidence appears in it. */
    public List<IncidentRow> ofArticle(String articleId) {
        Bounds.notNull(articleId, "articleId");
        return store.read(c -> Jdbc.list(c, "SELECT " + COLUMNS + FROM
                + " WHERE i.article_id = ? ORDER BY e.start_offset NULLS LAST, i.id", IncidentQueries::row, articleId));
    }

    /** How many incidents pass {@code filter} per year (the year they happened), actor and technique. */
    public List<IncidentCount> counts(IncidentFilter filter) {
        Bounds.notNull(filter, "filter");
        return store.read(c -> {
            Where w = where(filter);
            try (var ps = c.prepareStatement("SELECT " + EVENT_YEAR + " AS y, i.actor, i.technique, count(*)" + FROM + w.sql()
                    + " GROUP BY y, i.actor, i.technique ORDER BY y NULLS LAST, i.actor, i.technique")) {
                w.bind(ps, 1);
                List<IncidentCount> out = new java.util.ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new IncidentCount(Jdbc.integer(rs, 1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                    }
                }
                return out;
            }
        });
    }

    /** The values each filter can take over all stored incidents. */
    public IncidentFacets facets() {
        return store.read(c -> new IncidentFacets(facet(c, "actor"), facet(c, "technique"), facet(c, "status"), facet(c, "target")));
    }

    private static List<Facet> facet(Connection c, String column) throws SQLException {
        // column is one of four fixed names chosen above, never caller input
        return Jdbc.list(c, "SELECT " + column + ", count(*) AS n FROM incidents WHERE " + column
                + " IS NOT NULL GROUP BY " + column + " ORDER BY n DESC, " + column, rs -> new Facet(rs.getString(1), rs.getLong(2)));
    }

    private static final String COLUMNS = """
            i.id, a.published, i.year, i.actor, i.technique, i.disarm_id, i.target, i.status,
            a.id, a.doc, a.title, i.evidence_id, e.sentence, e.start_offset, e.end_offset""";

    private static IncidentRow row(ResultSet rs) throws SQLException {
        String sentence = rs.getString(13);
        return new IncidentRow(rs.getLong(1), Jdbc.date(rs.getObject(2)), Jdbc.integer(rs, 3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), sentence == null ? null : Jdbc.longOrNull(rs, 12), sentence,
                sentence == null ? null : Jdbc.integer(rs, 14), sentence == null ? null : Jdbc.integer(rs, 15));
    }
}
