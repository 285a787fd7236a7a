package org.vigil.extract;

import org.vigil.extract.gazetteer.Mention;
import org.vigil.extract.rules.SentenceContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves phrases that point back to states named earlier ("both countries", "the two nations",
 * "these governments", "all three states") to those states: the distinct states of the nearest
 * earlier sentences (this one included, before the phrase), as many as the phrase counts, when
 * exactly that many are found within three sentences. A documented, deterministic resolver: it does
 * not guess when the count does not fit.
 */
final class StateReferences {
    private static final Pattern PHRASE = Pattern.compile(
            "(?<![\\p{L}])(?:(both|the\\s+two|these\\s+two|those\\s+two|all\\s+three|the\\s+three|these\\s+three|these|those)\\s+"
                    + "(?:foreign\\s+)?(?:countries|nations|states|governments|regimes|adversaries|powers))(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);

    private StateReferences() {
    }

    /** Mentions (kind "reference") for the phrases of sentence {@code i}, one per state they point back to. */
    static List<Mention> resolve(List<SentenceContext> sentences, int i) {
        String text = sentences.get(i).text();
        Matcher m = PHRASE.matcher(text);
        List<Mention> out = new ArrayList<>();
        while (m.find()) {
            String quantifier = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            int wanted = quantifier.equals("both") || quantifier.endsWith("two") ? 2 : quantifier.endsWith("three") ? 3 : -1;
            Map<String, Mention> states = new LinkedHashMap<>();
            for (Mention a : sentences.get(i).actors()) {
                if (a.end() <= m.start()) {
                    states.putIfAbsent(a.value(), a);
                }
            }
            for (int j = i - 1; j >= Math.max(0, i - 3) && (wanted < 0 ? states.size() < 2 : states.size() < wanted); j--) {
                for (Mention a : sentences.get(j).actors()) {
                    states.putIfAbsent(a.value(), a);
                }
            }
            if (wanted > 0 ? states.size() == wanted : states.size() >= 2 && states.size() <= 4) {
                for (String code : states.keySet()) {
                    out.add(new Mention(m.start(), m.end(), m.group(), code, "reference"));
                }
            }
        }
        return out;
    }
}
