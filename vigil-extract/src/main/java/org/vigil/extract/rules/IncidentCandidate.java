package org.vigil.extract.rules;

import org.vigil.model.IncidentStatus;
import org.vigil.model.IncidentTarget;
import org.vigil.model.Technique;

/** An incident found in one sentence, before the article-level pass keeps one per (actor, technique). */
public record IncidentCandidate(String actor, Technique technique, IncidentTarget target, IncidentStatus status,
                                Integer year, boolean statusFromSentence, SentenceContext sentence) {
}
