package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.junit.jupiter.api.Test;

class SnippetTest {
    private static Query query(String words) {
        SimpleQueryParser p = new SimpleQueryParser(new EnglishAnalyzer(), FullTextIndex.TEXT);
        p.setDefaultOperator(org.apache.lucene.search.BooleanClause.Occur.MUST);
        return p.parse(words);
    }

    private static Snippet snippet(String text, int size, String words) {
        return new Highlights(new EnglishAnalyzer(), size).passage(FullTextIndex.TEXT, query(words), text);
    }

    @Test
    void highlightsAreMarkedWhereTheyMatchedIgnoringCase() {
        assertThat(snippet("APT28 phished the campaign; apt28 denied it.", 200, "apt28").marked("<", ">"))
                .isEqualTo("<APT28> phished the campaign; <apt28> denied it.");
    }

    @Test
    void aStemmedQueryMarksEveryFormOfTheWord() {
        assertThat(snippet("They hacked the server. The hacking went on; hackers bragged.", 200, "hack").marked("[", "]"))
                .isEqualTo("They [hacked] the server. The [hacking] went on; hackers bragged.");
    }

    @Test
    void runsOfWhitespaceAndControlCharactersBecomeOneSpaceAndHighlightsFollow() {
        Snippet s = snippet("Line one.\n\n\tThe \u001b[31mtroll\u001b[0m farm   posted.", 200, "farm");
        assertThat(s.text()).isEqualTo("Line one. The [31mtroll [0m farm posted.");
        assertThat(s.marked("[[", "]]")).endsWith("[[farm]] posted.");
    }

    @Test
    void thePassageHoldsTheMostDistinctTermsNotTheFirstMatch() {
        String text = "Russia was mentioned first. " + "Padding words go here. ".repeat(20)
                + "Later, Russia and Iran were named together.";
        Snippet s = new Highlights(new EnglishAnalyzer(), 80).passage(FullTextIndex.TEXT,
                new SimpleQueryParser(new EnglishAnalyzer(), FullTextIndex.TEXT).parse("russia iran"), text);
        assertThat(s.marked("[", "]")).contains("[Russia] and [Iran] were named together.");
        assertThat(s.text()).startsWith("...");
    }

    @Test
    void aLongSentenceIsCutToAWindowAroundItsMatch() {
        String text = "word ".repeat(200) + "deepfake " + "word ".repeat(200);
        Snippet s = snippet(text, 100, "deepfake");
        assertThat(s.text()).startsWith("...").endsWith("...").contains("deepfake");
        assertThat(s.text().length()).isLessThanOrEqualTo(106);
        assertThat(s.highlights()).hasSize(1);
    }

    @Test
    void aTextWithoutMatchesGivesItsOpening() {
        Snippet s = snippet("Only the title matched this article, whose text is about something else.", 30, "absent");
        assertThat(s.text()).isEqualTo("Only the title matched this...");
        assertThat(s.highlights()).isEmpty();
    }

    @Test
    void aSentenceWithoutMatchesIsNoMatch() {
        Highlights h = new Highlights(new EnglishAnalyzer(), 300);
        assertThat(h.sentence(FullTextIndex.TEXT, query("ballot"), "Nothing here.")).isNull();
        Highlights.Match m = h.sentence(FullTextIndex.TEXT, query("ballots box"), "Ballot boxes and ballots.");
        assertThat(m.snippet().marked("[", "]")).isEqualTo("[Ballot] [boxes] and [ballots].");
        assertThat(m.distinctTerms()).isEqualTo(2);
        assertThat(m.matches()).isEqualTo(3);
    }

    @Test
    void htmlEscapesEverythingButTheMarks() {
        Snippet s = new Snippet("a<b>&\"'c", List.of(new Snippet.Span(1, 4)));
        assertThat(s.html()).isEqualTo("a<mark>&lt;b&gt;</mark>&amp;&quot;&#39;c");
        assertThatThrownBy(() -> new Snippet("ab", List.of(new Snippet.Span(1, 3)))).isInstanceOf(IllegalArgumentException.class);
    }
}
