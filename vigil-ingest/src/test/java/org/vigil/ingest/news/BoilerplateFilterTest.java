package org.vigil.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateFilterTest {

    private static final String STORY_1 = "The harbor council postponed Tuesday's vote after forged leaflets urged residents to stay away.";
    private static final String STORY_2 = "Investigators traced the print order to a shell company registered overseas, two officials said.";
    private static final String STORY_3 = "The company denied any role and said it would cooperate with the inquiry.";

    private static List<String> keep(String... lines) {
        return BoilerplateFilter.filter(List.of(lines)).blocks();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Advertisement", "ADVERTISEMENT", "STORY CONTINUES BELOW THIS AD", "Article continues after advertisement",
            "Skip to content", "Skip to main contentSkip to navigation", "Share", "Whatsapp Facebook Twitter",
            "Share Facebook Twitter Copy link Email", "Copy link", "Subscribe Now", "Sign in", "Read more",
            "Copyright @ 2024. Example Daily - All Rights Reserved", "© 2023 The Tidewater Ledger",
            "About Us Contact Us Privacy Policy Cookie Policy Terms Of Use", "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "We use cookies to improve your experience. By continuing to browse you accept our cookie policy.",
            "Sign up for our morning newsletter and get the headlines delivered straight to your inbox",
            "Read more: Council debates mast relocation", "Photo credit", "www.example.com",
            "This article is more than 7 years old", "By Mara Quill", "0:00 0:00",
            "Updated - September 21, 2024 04:29 pm IST - NORTHPORT", "(216) 555-0142 | (877) 555-0199"})
    void pageFurnitureIsDroppedWherever(String furniture) {
        assertThat(keep(STORY_1, furniture, STORY_2)).containsExactly(STORY_1, STORY_2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Facebook said it removed 300 accounts that posed as local news pages.",
            "“We need your support,” the candidate told donors in a video on Twitter.",
            "Share prices fell after the report.",
            "Russia denied it.",
            "The newsletter, which went to 20,000 subscribers, repeated the false claim.",
            "Related reports said the same group also targeted the ferry operator."})
    void sentencesThatMentionInterfaceWordsSurvive(String sentence) {
        assertThat(keep(STORY_1, sentence, STORY_2)).contains(sentence);
    }

    @Test
    void aMenuOfShortLinesIsDroppedButASubheadingIsKept() {
        List<String> out = keep(
                "Example Daily", "", "  • Home", "  • World", "  • Harbor", "", "Sections", "  • Sports",
                STORY_1, "", "Inquiry", "", STORY_2);

        assertThat(out).containsExactly(STORY_1, "Inquiry", STORY_2);
    }

    @Test
    void aRelatedStoriesListIsDroppedUntilTheStoryResumes() {
        List<String> out = keep(
                STORY_1, "RELATED COVERAGE", "Ferry fares rise for the third year running",
                "Lighthouse restoration wins state grant", STORY_2);

        assertThat(out).containsExactly(STORY_1, STORY_2);
    }

    @Test
    void aLongLineCutShortByTheScraperEndsARelatedList() {
        String truncated = "Investigators traced the print order to a shell company registered overseas, according to two officials who asked not to be nam";

        assertThat(keep(STORY_1, "Related", "Ferry fares rise again", truncated)).containsExactly(STORY_1, truncated);
    }

    @Test
    void everythingAfterEndOfArticleIsDropped() {
        List<String> out = keep(STORY_1, STORY_2, "End of Article", "Top Stories",
                "Another story summary that has a full stop and many words in it for sure.");

        assertThat(out).containsExactly(STORY_1, STORY_2);
    }

    @Test
    void aTeaserLineThatRepeatsItsHeadlinesIsDropped() {
        String teasers = "Ferry fares rise for the third year running Ferry fares rise for the third year running "
                + "Lighthouse restoration wins state grant Lighthouse restoration wins state grant";

        assertThat(keep(STORY_1, teasers, STORY_2)).containsExactly(STORY_1, STORY_2);
    }

    @Test
    void aRepeatedHeadlineIsKeptOnce() {
        String headline = "Harbor council vote delayed after forged leaflets urged a boycott";

        assertThat(keep(headline, STORY_1, headline, STORY_2)).containsExactly(headline, STORY_1, STORY_2);
    }

    @Test
    void aFooterAtTheEndOfThePageGoesWithItsShortLines() {
        List<String> out = keep(STORY_1, STORY_2, STORY_3, "© 2024 Example Public Media", "1375 Example Avenue, Harbor City, Ohio 44115",
                "Sitemap Careers", "Contact the newsroom");

        assertThat(out).containsExactly(STORY_1, STORY_2, STORY_3);
    }

    @Test
    void sentencesGluedTogetherByTheScraperAreSplitSoTheAppealCanGo() {
        List<String> out = keep(STORY_1, "Your support makes all the difference.Officials said the leaflets were printed abroad.", STORY_2);

        assertThat(out).containsExactly(STORY_1, "Officials said the leaflets were printed abroad.", STORY_2);
    }

    @Test
    void anAdLabelFlattenedBetweenTwoSentencesIsCutOut() {
        assertThat(keep("The vote was delayed. ADVERTISEMENT The council will meet again in May.", "Advertisement Officials declined to comment."))
                .containsExactly("The vote was delayed. The council will meet again in May.", "Officials declined to comment.");
    }

    @Test
    void domainNamesAreNotMistakenForGluedSentences() {
        String line = "The claim first appeared on Caliber.Az and was repeated by other outlets within hours.";

        assertThat(keep(line)).containsExactly(line);
    }

    @Test
    void blocksAreJoinedWithABlankLineAndBulletsAreStripped() {
        BoilerplateFilter.Result result = BoilerplateFilter.filter(List.of("  • " + STORY_1, "", STORY_2));

        assertThat(result.text()).isEqualTo(STORY_1 + "\n\n" + STORY_2);
        assertThat(result.linesIn()).isEqualTo(2);
        assertThat(result.linesDropped()).isZero();
    }

    @Test
    void aPageTheContextRulesWouldEmptyKeepsItsLinesWithTheWordingRulesAlone() {
        // Only headline-like lines, no sentence punctuation: context rules alone would drop them all.
        String[] lines = new String[20];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "Council member number " + i + " voted against the ferry contract again today";
        }

        assertThat(keep(lines)).hasSize(20);
    }
}
