package org.vigil.extract;

import org.vigil.extract.gazetteer.Mention;
import org.vigil.extract.rules.IncidentCandidate;
import org.vigil.extract.rules.IncidentRules;
import org.vigil.extract.rules.SentenceContext;
import org.vigil.model.IncidentStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How firmly an article establishes its incidents, read from the whole article: an indictment or a
 * sanction reported anywhere against a state applies to that state's incidents even where the
 * sentence describing the act does not repeat it; an article that cites only researchers and
 * journalists reports allegations.
 */
final class ArticleStatus {
    private static final java.util.regex.Pattern INTERFERENCE = java.util.regex.Pattern.compile(
            "(?<![\\p{L}])(?:interfer\\w*|meddl\\w*|hack\\w*|election\\w*|influence|disinformation|propaganda|campaign|leak\\w*|phish\\w*|trolls?|bots?)(?![\\p{L}])",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Map<String, IncidentStatus> legalByActor;
    private final IncidentStatus legalAny;
    private final boolean privateOnly;

    private ArticleStatus(Map<String, IncidentStatus> legalByActor, IncidentStatus legalAny, boolean privateOnly) {
        this.legalByActor = legalByActor;
        this.legalAny = legalAny;
        this.privateOnly = privateOnly;
    }

    static ArticleStatus of(List<SentenceContext> sentences) {
        Map<String, IncidentStatus> byActor = new HashMap<>();
        IncidentStatus any = null;
        boolean official = false;
        boolean privateSource = false;
        for (int i = 0; i < sentences.size(); i++) {
            String t = sentences.get(i).text();
            official |= IncidentRules.citesOfficials(t);
            privateSource |= IncidentRules.citesPrivateSources(t);
            IncidentStatus legal = IncidentRules.legalStatusOf(t);
            if (legal == null || !INTERFERENCE.matcher(t).find()) {
                continue; // economic sanctions on a state, or charges for something else
            }
            if (any == null) {
                any = legal;
            }
            List<Mention> actors = sentences.get(i).actors();
            if (actors.isEmpty() && i > 0) {
                actors = sentences.get(i - 1).actors(); // "They were charged ..." after naming them
            }
            for (Mention m : actors) {
                byActor.merge(m.value(), legal, (a, b) -> a == IncidentStatus.CHARGED ? a : b);
            }
        }
        return new ArticleStatus(byActor, any, privateSource && !official);
    }

    IncidentStatus resolve(IncidentCandidate c) {
        IncidentStatus own = c.statusFromSentence() ? c.status() : null;
        if (own == IncidentStatus.CHARGED || own == IncidentStatus.SANCTIONED || own == IncidentStatus.ADMITTED) {
            return own;
        }
        if (own != null) {
            return own;
        }
        IncidentStatus legal = legalByActor.get(c.actor());
        if (legal != null) {
            return legal;
        }
        if (legalAny != null && legalByActor.isEmpty()) {
            return legalAny;
        }
        return privateOnly ? IncidentStatus.ALLEGED : IncidentStatus.ATTRIBUTED;
    }
}
