package org.vigil.store.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vigil.model.Basis;
import org.vigil.model.Evidence;
import org.vigil.model.Source;
import org.vigil.model.Stance;
import org.vigil.store.ClaimRow;
import org.vigil.store.VigilStore;

/** Claims by id and by article, for the evidence view: the sentence, its offsets, its flags and the article's sources. */
public final class ClaimQueries {
    private static final String SELECT = """
            SELECT c.id, c.holder, c.target, c.stance, c.hedged, c.disputed, c.basis, c.actor,
                   c.evidence_id, e.sentence, e.start_offset, e.end_offset,
                   a.id, a.doc, a.title, a.url, a.published
            FROM claims c
            JOIN articles a ON a.id = c.article_id
            LEFT JOIN evidence e ON e.id = c.evidence_id
            """;

    private final VigilStore store;

    public ClaimQueries(VigilStore store) {
        this.store = Objects.requireNonNull(store, "The parameter 'store' must not be null.");
    }

    /** The claim with this id, or empty. */
    public Optional<ClaimRow> claim(long id) {
        return store.read(c -> withSources(c, Jdbc.list(c, SELECT + " WHERE c.id = ?", ClaimQueries::pending, id)))
                .stream().findFirst();
    }

    /** The claims of one article, in the order their evidence appears in it. */
    public List<ClaimRow> ofArticle(String articleId) {
        Bounds.notNull(articleId, "articleId");
        return store.read(c -> withSources(c, Jdbc.list(c, SELECT
                + " WHERE c.article_id = ? ORDER BY e.start_offset NULLS LAST, c.holder, c.target, c.id", ClaimQueries::pending, articleId)));
    }

    private record Pending(long id, String holder, String target, String stance, boolean hedged, boolean disputed,
                           String basis, String actor, long evidenceId, Evidence evidence,
                           String articleId, String doc, String title, String url, java.time.LocalDate published) {
    }

    private static Pending pending(ResultSet rs) throws SQLException {
        String sentence = rs.getString(10);
        Evidence ev = sentence == null ? null : new Evidence(sentence, rs.getInt(11), rs.getInt(12));
        return new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getLong(9), ev, rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), Jdbc.date(rs.getObject(17)));
    }

    private static List<ClaimRow> withSources(Connection c, List<Pending> pending) throws SQLException {
        Map<String, List<Source>> sources = new HashMap<>();
        for (Pending p : pending) {
            if (!sources.containsKey(p.articleId())) {
                sources.put(p.articleId(), sources(c, p.articleId()));
            }
        }
        List<ClaimRow> out = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            out.add(new ClaimRow(p.id(), p.holder(), p.target(), p.stance() == null ? null : Stance.fromWire(p.stance()),
                    p.hedged(), p.disputed(), p.basis() == null ? null : Basis.fromWire(p.basis()), p.actor(), p.evidenceId(),
                    p.evidence(), p.articleId(), p.doc(), p.title(), p.url(), p.published(), sources.get(p.articleId())));
        }
        return out;
    }

    static List<Source> sources(Connection c, String articleId) throws SQLException {
        return Jdbc.list(c, "SELECT url, title, published, origin FROM sources WHERE article_id = ? "
                        + "ORDER BY published NULLS LAST, source_key",
                rs -> new Source(rs.getString(1), rs.getString(2), Jdbc.date(rs.getObject(3)), rs.getString(4)), articleId);
    }
}
