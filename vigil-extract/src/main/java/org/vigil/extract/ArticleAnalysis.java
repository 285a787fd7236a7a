package org.vigil.extract;

import org.vigil.extract.gazetteer.Mention;
import org.vigil.extract.rules.ClaimCandidate;
import org.vigil.extract.rules.IncidentCandidate;
import org.vigil.extract.rules.SentenceContext;
import org.vigil.model.Article;

import java.util.List;

/**
 * Everything the extractor reads off one article before deciding: its sentences with their actor
 * and candidate mentions, the claims and incidents the rules find in each sentence, the actors a
 * sentence that names none inherits from its neighbours, and the states that phrases such as
 * "both countries" point back to. The learned model scores candidates built from this; without a
 * model the rule findings are merged directly.
 */
public record ArticleAnalysis(Article article, List<SentenceContext> sentences,
                              List<List<ClaimCandidate>> ruleClaims, List<List<IncidentCandidate>> ruleIncidents,
                              List<List<Mention>> carriedActors, List<List<Mention>> references,
                              String mainActor, int incidentYear) {
}
