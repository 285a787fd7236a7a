package org.vigil.extract.rules;

import org.vigil.model.Basis;
import org.vigil.model.Stance;

/** A claim found in one sentence, before the article-level pass merges duplicates and sets {@code disputed}. */
public record ClaimCandidate(String holder, String target, Stance stance, Basis basis, boolean hedged,
                             String actor, SentenceContext sentence) {
}
