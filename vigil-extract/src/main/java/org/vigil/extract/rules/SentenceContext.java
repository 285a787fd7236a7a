package org.vigil.extract.rules;

import org.vigil.extract.gazetteer.Mention;
import org.vigil.extract.nlp.ParsedSentence;
import org.vigil.extract.nlp.TextSpan;

import java.util.List;

/**
 * What the rules see of one sentence: its text and place in the article, the actors and candidates
 * the gazetteer found in it, its dependency parse (null when the parser was not run), the election
 * cycle its descriptions resolve in, and whether it is the article's title line.
 */
public record SentenceContext(TextSpan span, List<Mention> actors, List<Mention> candidates,
                              ParsedSentence parse, int cycle, boolean title) {
    public String text() {
        return span.text();
    }
}
