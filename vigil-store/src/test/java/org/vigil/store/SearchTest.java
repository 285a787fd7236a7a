package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.store.Fixtures.article;
import static org.vigil.store.Fixtures.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.IncidentStatus;
import org.vigil.model.Stance;
import org.vigil.model.Technique;

class SearchTest {
    @TempDir
    Path dir;

    private static void fill(VigilStore store) {
        store.saveExtraction(article("a", "a.txt").title("Hackers target campaign").published("2024-08-10")
                .source(web("https://example.com/a", "2024-08-10"))
                .sentence("Officials met in Washington on Monday.")
                .incident("IR", Technique.HACK_AND_LEAK, IncidentStatus.CHARGED, 2024,
                        "Iranian hackers stole internal documents from the Trump campaign.")
                .sentence("The weather was mild and nobody mentioned anything else.")
                .build());
        store.saveExtraction(article("b", "b.txt").title("Troll farms").published("2024-09-01")
                .claim("RU", "trump", Stance.FAVORS, false, false, "Russian trolls amplified posts praising Trump.")
                .sentence("Nothing about hackers here, but a word about documents.")
                .build());
    }

    @Test
    void searchFindsArticlesAndHighlightsTheMatchedWords() {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            fill(store);
            SearchHits hits = store.search("iranian hackers", 0, 10);
            assertThat(hits.total()).isEqualTo(1);
            SearchHit hit = hits.hits().get(0);
            assertThat(hit.articleId()).isEqualTo("a");
            assertThat(hit.doc()).isEqualTo("a.txt");
            assertThat(hit.title()).isEqualTo("Hackers target campaign");
            assertThat(hit.url()).isEqualTo("https://example.com/a");
            assertThat(hit.snippet().marked("[", "]")).contains("[Iranian] [hackers] stole internal documents");
            assertThat(hit.evidence()).singleElement().satisfies(e -> {
                assertThat(e.snippet().marked("[", "]"))
                        .isEqualTo("[Iranian] [hackers] stole internal documents from the Trump campaign.");
                assertThat(e.evidenceId()).isPositive();
            });
        }
    }

    @Test
    void everyWordIsRequiredAndPhrasesAndExclusionsWork() {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            fill(store);
            assertThat(store.search("hackers documents", 0, 10).total()).isEqualTo(2);
            assertThat(store.search("\"internal documents\"", 0, 10).hits()).extracting(SearchHit::articleId).containsExactly("a");
            assertThat(store.search("hackers -trolls", 0, 10).hits()).extracting(SearchHit::articleId).containsExactly("a");
            assertThat(store.search("trolls", 0, 10).hits().get(0).snippet().marked("[", "]"))
                    .isEqualTo("Russian [trolls] amplified posts praising Trump. Nothing about hackers here, but a word about documents.");
            assertThat(store.search("   ", 0, 10).total()).isZero();
            assertThat(store.search("-hackers", 0, 10).total()).isZero();
        }
    }

    @Test
    void pagesOfHitsAddUpToTheTotal() {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            fill(store);
            SearchHits first = store.search("documents", 0, 1);
            SearchHits second = store.search("documents", 1, 1);
            assertThat(first.total()).isEqualTo(2);
            assertThat(second.total()).isEqualTo(2);
            assertThat(first.hits()).hasSize(1);
            assertThat(second.hits()).hasSize(1);
            assertThat(first.hits().get(0).articleId()).isNotEqualTo(second.hits().get(0).articleId());
            assertThat(store.search("documents", 2, 1).hits()).isEmpty();
        }
    }

    @Test
    void aLongArticleGivesAShortSnippetAroundTheMatch() {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            String filler = "Local news about the county fair and its prize-winning pumpkins. ".repeat(40);
            store.saveExtraction(article("long", "long.txt").sentence(filler)
                    .sentence("Investigators traced the deepfake video to Storm-1516.").sentence(filler).build());
            SearchHit hit = store.search("deepfake", 0, 5).hits().get(0);
            assertThat(hit.snippet().text()).startsWith("...").endsWith("...").contains("deepfake video");
            assertThat(hit.snippet().text().length()).isLessThanOrEqualTo(FullTextIndex.SNIPPET_CHARS + 6);
            assertThat(hit.snippet().highlights()).hasSize(1);
        }
    }

    @Test
    void reSavingAnArticleUpdatesItsIndexEntryRatherThanAddingOne() {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            fill(store);
            fill(store);
            assertThat(store.search("hackers", 0, 10).total()).isEqualTo(2);
        }
    }

    @Test
    void aDeletedIndexFolderIsRebuiltFromTheStore() throws Exception {
        Path db = dir.resolve("vigil.duckdb");
        try (VigilStore store = VigilStore.open(db)) {
            fill(store);
        }
        try (Stream<Path> files = Files.walk(VigilStore.luceneFolder(db.toAbsolutePath()))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (VigilStore store = VigilStore.open(db)) {
            assertThat(store.search("hackers", 0, 10).total()).isEqualTo(2);
        }
    }

    @Test
    void htmlInArticleTextComesBackEscapedInTheHtmlSnippet() {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            store.saveExtraction(article("x", "x.txt")
                    .sentence("The page said <script>alert('pwned')</script> and <img src=x onerror=alert(1)> near the ballot.")
                    .build());
            Snippet s = store.search("ballot", 0, 1).hits().get(0).snippet();
            assertThat(s.text()).contains("<script>alert('pwned')</script>");
            assertThat(s.html()).doesNotContain("<script>").doesNotContain("<img")
                    .contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;")
                    .contains("<mark>ballot</mark>");
        }
    }

    @Test
    void englishStemmingFindsOtherFormsOfAWord() {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            fill(store);
            store.saveExtraction(article("c", "c.txt").sentence("The campaign said it was hacked in June.").build());
            assertThat(store.search("hacking", 0, 10).hits()).extracting(SearchHit::articleId).containsExactly("c");
            assertThat(store.search("hacking", 0, 10).hits().get(0).snippet().marked("[", "]")).contains("[hacked]");
            assertThat(store.search("hacker", 0, 10).total()).isEqualTo(2);
            assertThat(store.search("hacker", 0, 10).hits().get(0).snippet().marked("[", "]")).contains("[hackers]");
            assertThat(store.search("troll", 0, 10).hits()).extracting(SearchHit::articleId).containsExactly("b");
            assertThat(store.search("amplifying", 0, 10).hits().get(0).evidence()).singleElement()
                    .satisfies(e -> assertThat(e.snippet().marked("[", "]")).contains("[amplified]"));
        }
    }

    @Test
    void hostileQueryTextIsWordsNeverAnErrorOrEverything() {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            fill(store);
            assertThat(store.search("' OR 1=1 --", 0, 10).total()).isZero();
            assertThat(store.search("*:*", 0, 10).total()).isZero();
            assertThat(store.search("\"internal documents", 0, 10).hits()).extracting(SearchHit::articleId).containsExactly("a");
            // OR and parentheses are no operators here: both words are required, as any other words
            assertThat(store.search("hackers) OR (trolls", 0, 10).hits()).extracting(SearchHit::articleId).containsExactly("b");
        }
    }
}
