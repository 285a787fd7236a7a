package org.vigil.store;

import java.time.LocalDate;
import java.util.List;

/**
 * One article that matched a search: its metadata, the best passage of its text, and the evidence
 * sentences (behind claims or incidents) that contain query terms, best first, at most three.
 */
public record SearchHit(String articleId, String doc, String title, String url, LocalDate published,
                        float score, Snippet snippet, List<EvidenceHit> evidence) {

    public SearchHit {
        evidence = List.copyOf(evidence);
    }

    /** An evidence sentence that matched; {@code evidenceId} is the id {@link ClaimRow#evidenceId()} uses. */
    public record EvidenceHit(long evidenceId, Snippet snippet) {
    }
}
