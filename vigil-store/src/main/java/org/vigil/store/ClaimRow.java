package org.vigil.store;

import java.time.LocalDate;
import java.util.List;
import org.vigil.model.Basis;
import org.vigil.model.Evidence;
import org.vigil.model.Source;
import org.vigil.model.Stance;

/**
 * A claim with everything needed to check it: its flags, the evidence sentence with offsets into
 * the article, the article it came from and every source the article was seen at. {@code id} and
 * {@code evidenceId} are stable across re-ingests of the same article, so they can be linked to.
 * {@code cycle} is the election the claim is about (null when neither text nor date says).
 */
public record ClaimRow(long id, String holder, String target, Stance stance, boolean hedged, boolean disputed,
                       Basis basis, String actor, long evidenceId, Evidence evidence,
                       String articleId, String doc, String title, String url, LocalDate published,
                       List<Source> sources, Integer cycle) {

    public ClaimRow {
        sources = List.copyOf(sources);
    }
}
