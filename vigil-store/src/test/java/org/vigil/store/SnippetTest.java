package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;

class SnippetTest {
    private static Snippet snippet(String text, int size, String... terms) {
        return Snippets.best(text, Snippets.matches(new StandardAnalyzer(), text, Set.of(terms)), size);
    }

    @Test
    void highlightsAreMarkedWhereTheyMatchedIgnoringCase() {
        assertThat(snippet("APT28 phished the campaign; apt28 denied it.", 200, "apt28").marked("<", ">"))
                .isEqualTo("<APT28> phished the campaign; <apt28> denied it.");
    }

    @Test
    void runsOfWhitespaceAndControlCharactersBecomeOneSpaceAndHighlightsFollow() {
        Snippet s = snippet("Line one.\n\n\tThe \u001b[31mtroll\u001b[0m farm   posted.", 200, "farm");
        assertThat(s.text()).isEqualTo("Line one. The [31mtroll [0m farm posted.");
        assertThat(s.marked("[[", "]]")).endsWith("[[farm]] posted.");
    }

    @Test
    void theWindowHoldsTheMostDistinctTermsNotTheFirstMatch() {
        String text = "Russia was mentioned first. " + "Padding words go here. ".repeat(20)
                + "Later, Russia and Iran were named together.";
        Snippet s = snippet(text, 80, "russia", "iran");
        assertThat(s.marked("[", "]")).contains("[Russia] and [Iran] were named together.");
        assertThat(s.text()).startsWith("...");
    }

    @Test
    void aTextWithoutMatchesGivesItsOpening() {
        Snippet s = snippet("Only the title matched this article, whose text is about something else.", 30, "absent");
        assertThat(s.text()).isEqualTo("Only the title matched this...");
        assertThat(s.highlights()).isEmpty();
    }

    @Test
    void htmlEscapesEverythingButTheMarks() {
        Snippet s = new Snippet("a<b>&\"'c", List.of(new Snippet.Span(1, 4)));
        assertThat(s.html()).isEqualTo("a<mark>&lt;b&gt;</mark>&amp;&quot;&#39;c");
        assertThatThrownBy(() -> new Snippet("ab", List.of(new Snippet.Span(1, 3)))).isInstanceOf(IllegalArgumentException.class);
    }
}
