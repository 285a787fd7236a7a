package org.vigil.store.query;

import java.util.Objects;
import org.vigil.store.VigilStore;

/** Counts the news tables, for a dashboard's header and overview. */
public final class NewsTotalsQuery {
    private final VigilStore store;

    public NewsTotalsQuery(VigilStore store) {
        this.store = Objects.requireNonNull(store, "The parameter 'store' must not be null.");
    }

    public NewsTotals totals() {
        return store.read(c -> Jdbc.list(c, """
                SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sources), (SELECT count(*) FROM claims),
                       (SELECT count(*) FROM incidents), (SELECT min(published) FROM articles),
                       (SELECT max(published) FROM articles)""",
                rs -> new NewsTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        Jdbc.date(rs.getObject(5)), Jdbc.date(rs.getObject(6)))).get(0));
    }
}
