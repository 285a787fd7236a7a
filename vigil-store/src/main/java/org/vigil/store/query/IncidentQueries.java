package org.vigil.store.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.vigil.store.CycleSql;
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
                .andIf(f.disarmId(), "i.disarm_id = ?")
                .andIf(f.cycle(), CycleSql.of("i") + " = ?");
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

    /** Most incidents merged into events in one answer; past it the caller is asked to narrow the filter. */
    public static final int MAX_EVENT_INCIDENTS = 100_000;

    /** One page of the events (incidents merged per operation, see {@link IncidentEvents}) passing {@code filter}. */
    public Page<IncidentEvent> events(IncidentFilter filter, int offset, int limit) {
        Bounds.notNull(filter, "filter");
        Bounds.page(offset, limit);
        return store.read(c -> {
            Where w = where(filter);
            long total = Jdbc.count(c, FROM, w);
            if (total > MAX_EVENT_INCIDENTS) {
                throw new IllegalArgumentException(total + " incidents pass this filter, more than " + MAX_EVENT_INCIDENTS
                        + " can be merged into events at once; narrow it (cycle, actor, technique or dates)");
            }
            List<IncidentRow> rows = total == 0 ? List.of() : Jdbc.page(c, "SELECT " + COLUMNS + FROM, w,
                    "i.id", 0, (int) total, IncidentQueries::row);
            List<IncidentEvent> all = IncidentEvents.merge(rows);
            List<IncidentEvent> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
            return new Page<>(all.size(), offset, limit, withSources(c, page));
        });
    }

    /** The event incident {@code incidentId} belongs to, over all stored incidents; empty when there is no such incident. */
    public java.util.Optional<IncidentEvent> event(long incidentId) {
        return store.read(c -> {
            List<IncidentRow> self = Jdbc.list(c, "SELECT " + COLUMNS + FROM + " WHERE i.id = ?", IncidentQueries::row, incidentId);
            if (self.isEmpty()) {
                return java.util.Optional.<IncidentEvent>empty();
            }
            IncidentRow r = self.get(0);
            List<IncidentRow> kin = Jdbc.list(c, "SELECT " + COLUMNS + FROM + " WHERE i.actor = ? AND i.technique = ?",
                    IncidentQueries::row, r.actor(), r.technique());
            for (IncidentEvent e : IncidentEvents.merge(kin)) {
                if (e.reports().stream().anyMatch(x -> x.id() == incidentId)) {
                    return java.util.Optional.of(withSources(c, List.of(e)).get(0));
                }
            }
            throw new IllegalStateException("incident " + incidentId + " fell out of its own events");
        });
    }

    private static List<IncidentEvent> withSources(Connection c, List<IncidentEvent> events) throws SQLException {
        List<String> articles = events.stream().flatMap(e -> e.reports().stream()).map(IncidentRow::articleId).distinct().toList();
        java.util.Map<String, List<Object[]>> byArticle = new java.util.HashMap<>();
        for (int from = 0; from < articles.size(); from += 500) {
            List<String> chunk = articles.subList(from, Math.min(articles.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            for (Object[] row : Jdbc.list(c, "SELECT article_id, domain, url, title, published FROM sources WHERE article_id IN ("
                    + marks + ") ORDER BY published NULLS LAST, source_key", rs -> new Object[] {rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), Jdbc.date(rs.getObject(5))}, chunk.toArray())) {
                byArticle.computeIfAbsent((String) row[0], k -> new java.util.ArrayList<>()).add(row);
            }
        }
        List<IncidentEvent> out = new java.util.ArrayList<>(events.size());
        for (IncidentEvent e : events) {
            List<IncidentEvent.EventSource> sources = new java.util.ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (IncidentRow r : e.reports()) {
                for (Object[] s : byArticle.getOrDefault(r.articleId(), List.of())) {
                    if (seen.add(r.articleId() + "\u0000" + s[2] + "\u0000" + s[1])) {
                        sources.add(new IncidentEvent.EventSource(r.id(), r.articleId(), (String) s[1], (String) s[2], (String) s[3],
                                (java.time.LocalDate) s[4]));
                    }
                }
            }
            out.add(IncidentEvents.event(e.reports(), sources));
        }
        return out;
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
            a.id, a.doc, a.title, i.evidence_id, e.sentence, e.start_offset, e.end_offset, """ + CycleSql.of("i");

    private static IncidentRow row(ResultSet rs) throws SQLException {
        String sentence = rs.getString(13);
        return new IncidentRow(rs.getLong(1), Jdbc.date(rs.getObject(2)), Jdbc.integer(rs, 3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), sentence == null ? null : Jdbc.longOrNull(rs, 12), sentence,
                sentence == null ? null : Jdbc.integer(rs, 14), sentence == null ? null : Jdbc.integer(rs, 15),
                Jdbc.integer(rs, 16));
    }
}
