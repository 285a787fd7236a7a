package org.vigil.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vigil.model.Article;
import org.vigil.model.Source;

class NewsDedupTest {

    private static Article article(String doc, String text) {
        Source source = new Source("https://example.org/" + doc, "t " + doc, null, "/in/" + doc);
        return new Article(ArticleAssembler.sha256(text), doc, source.url(), source.title(), null, "en", text,
                List.of(source));
    }

    @Test
    void theSameWireStoryOnSeveralSitesBecomesOneArticleWithEverySource() {
        NewsBatch batch = new NewsIngest().read(TestFiles.resource("wire"));
        assertThat(batch.articles()).hasSize(4);

        List<Article> merged = NewsDedup.merge(batch.articles());

        assertThat(merged).hasSize(2);
        Article story = merged.get(0);
        assertThat(story.doc()).isEqualTo("01-ledger.txt");
        assertThat(story.sources()).extracting(Source::origin).map(o -> o.substring(o.lastIndexOf('/') + 1))
                .containsExactly("01-ledger.txt", "02-herald.txt", "03-ledger-copy.txt");
        assertThat(story.sources()).extracting(Source::url).contains(
                "https://ledger.example.org/wire/grain-port-cyberattack",
                "https://herald.example.com/business/grain-port-cyberattack-saltmere");
        assertThat(merged.get(1).doc()).isEqualTo("04-other-story.txt");
        assertThat(merged.get(1).sources()).hasSize(1);
    }

    @Test
    void copiesThatDifferOnlyInCaseSpacingAndPunctuationAreExactDuplicates() {
        Article a = article("a", "Officials said the port reopened on Friday.");
        Article b = article("b", "OFFICIALS said   the port reopened on Friday!");

        assertThat(NewsDedup.merge(List.of(a, b))).singleElement()
                .satisfies(m -> assertThat(m.sources()).hasSize(2));
    }

    @Test
    void differentStoriesOnTheSameTopicStaySeparate() {
        Article a = article("a", "The harbor council postponed its vote on the ferry contract after forged leaflets "
                + "urged residents to boycott the meeting on Tuesday evening.");
        Article b = article("b", "The harbor council approved the ferry contract on Thursday after a short debate, "
                + "ending a month of delays caused by forged leaflets.");

        assertThat(NewsDedup.merge(List.of(a, b))).hasSize(2);
    }

    @Test
    void similarityIsHighForSmallEditsAndLowForRewrites() {
        String base = longText(new SplittableRandom(7), 300);
        String edited = base.replaceFirst("harbor", "port").replaceFirst("council", "board");
        String other = longText(new SplittableRandom(8), 300);

        assertThat(NewsDedup.similarity(base, edited)).isGreaterThanOrEqualTo(NewsDedup.NEAR_DUPLICATE_JACCARD);
        assertThat(NewsDedup.similarity(base, other)).isLessThan(0.1);
    }

    @Test
    void aReprintThatCutsAParagraphAndRewordsASentenceIsTheSameStory() {
        SplittableRandom random = new SplittableRandom(11);
        String first = longText(random, 120);
        String second = longText(random, 120);
        String third = longText(random, 120);
        Article original = article("a", first + "\n\n" + second + "\n\n" + third);
        Article reprint = article("b", first.replaceFirst("harbor", "port") + "\n\n" + third);

        assertThat(NewsDedup.similarity(original.text(), reprint.text())).isLessThan(NewsDedup.NEAR_DUPLICATE_JACCARD + 0.1);
        assertThat(NewsDedup.merge(List.of(original, reprint))).singleElement()
                .satisfies(m -> assertThat(m.sources()).hasSize(2));
    }

    @Test
    void manyArticlesWithAFewPlantedCopiesMergeExactlyThoseCopies() {
        SplittableRandom random = new SplittableRandom(42);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            articles.add(article("doc" + i, longText(random, 120)));
        }
        // Three near copies: drop one sentence-sized chunk at the end of each.
        for (int i : new int[] {10, 20, 30}) {
            String t = articles.get(i).text();
            articles.add(article("copy" + i, t.substring(0, t.length() - 40)));
        }

        List<Article> merged = NewsDedup.merge(articles);

        assertThat(merged).hasSize(300);
        for (int i : new int[] {10, 20, 30}) {
            assertThat(merged.get(i).sources()).extracting(Source::origin).containsExactly("/in/doc" + i, "/in/copy" + i);
        }
    }

    @Test
    void anEmptyListMergesToAnEmptyList() {
        assertThat(NewsDedup.merge(List.of())).isEmpty();
    }

    private static String longText(SplittableRandom random, int words) {
        String[] vocabulary = ("harbor council ferry contract vote leaflet forged residents meeting officials inquiry "
                + "company lawyer printer invoice session clerk seal date port board operator strike union offer "
                + "police camera footage mast outage key card generator feed engineers service morning evening").split(" ");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(vocabulary[random.nextInt(vocabulary.length)]).append(i % 12 == 11 ? ". " : " ");
        }
        return sb.toString().strip();
    }
}
