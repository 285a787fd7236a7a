package org.vigil.extract;

import org.junit.jupiter.api.Test;
import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.gazetteer.Mention;
import org.vigil.extract.nlp.TextSpan;
import org.vigil.extract.rules.SentenceContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StateReferencesTest {
    private static final Gazetteer G = Gazetteer.standard();

    private static List<SentenceContext> sentences(String... texts) {
        List<SentenceContext> out = new ArrayList<>();
        for (String t : texts) {
            out.add(new SentenceContext(new TextSpan(0, t.length(), t), G.actors(t), G.candidates(t, 2024), null, 2024, false));
        }
        return out;
    }

    private static List<String> resolved(List<SentenceContext> s, int i) {
        return StateReferences.resolve(s, i).stream().map(Mention::value).toList();
    }

    @Test
    void bothCountriesPointsBackToTheTwoStatesNamedBefore() {
        var s = sentences("Officials briefed reporters on Cuba and Venezuela.", "Both countries would rather see the Democrat win.");
        assertThat(resolved(s, 1)).containsExactly("CU", "VE");
    }

    @Test
    void theCountMustFitOrNothingIsResolved() {
        var s = sentences("Analysts discussed Iran.", "Both countries said nothing.");
        assertThat(resolved(s, 1)).isEmpty();
        var three = sentences("Russia, China and Iran were named.", "All three nations denied it.");
        assertThat(resolved(three, 1)).containsExactly("RU", "CN", "IR");
    }

    @Test
    void statesNamedEarlierInTheSameSentenceCount() {
        var s = sentences("Mexico and Canada said the two countries would work with whoever wins.");
        assertThat(resolved(s, 0)).containsExactly("MX", "CA");
    }
}
