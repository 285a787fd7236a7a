package org.vigil.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.vigil.model.Article;
import org.vigil.model.Problem;

/**
 * Fuzzes news ingest and the boilerplate filter. Any document (bytes under any of the names a news
 * folder holds) gives exactly one outcome per file or JSONL record, an article only when its outcome
 * is OK, and a quarantined problem for every outcome that is not; nothing escapes. The boilerplate
 * filter keeps only lines it was given, counts what it dropped, and never throws.
 *
 * <p>A normal test run replays the saved inputs under
 * {@code src/test/resources/org/vigil/ingest/news/NewsFuzzTestInputs/}; how to fuzz for a set time
 * is in {@code docs/fuzzing.md}.
 */
class NewsFuzzTest {
    private static final String[] NAMES = {"page.html", "story.txt", "feed.jsonl", "page.html.gz", "data.csv", "noext"};
    private static Path dir;

    private static synchronized Path scratch() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("vigil-news-fuzz");
        }
        return dir;
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dir != null) {
            for (String n : NAMES) {
                Files.deleteIfExists(dir.resolve(n));
            }
            Files.deleteIfExists(dir);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anyDocumentGivesOneOutcomePerRecordAndArticlesOnlyForOkOutcomes(FuzzedDataProvider data) throws IOException {
        String name = NAMES[data.consumeInt(0, NAMES.length - 1)];
        Path file = scratch().resolve(name);
        Files.write(file, data.consumeRemainingAsBytes());
        List<Problem> quarantined = new ArrayList<>();

        NewsBatch batch = new NewsIngest(64 * 1024).read(file, quarantined::add);

        assertThat(batch.outcomes()).isNotEmpty();
        assertThat(batch.articles()).hasSizeLessThanOrEqualTo((int) batch.ok());
        assertThat(quarantined).hasSize((int) (batch.skipped() + batch.failed()));
        for (FileOutcome o : batch.outcomes()) {
            assertThat(o.message()).isNotBlank();
            assertThat(o.message()).as("a bug, not bad input").doesNotContain("please report this");
        }
        for (Article a : batch.articles()) {
            assertThat(a.text()).isNotBlank();
            assertThat(a.id()).hasSize(64).isEqualTo(ArticleAssembler.sha256(a.text()));
        }
        Files.delete(file);
    }

    @FuzzTest(maxDuration = "30s")
    void theBoilerplateFilterKeepsOnlyGivenLinesAndCountsWhatItDropped(FuzzedDataProvider data) {
        List<String> lines = new ArrayList<>();
        int n = data.consumeInt(0, 200);
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            // callers hand over lines, so a line never holds a line break
            lines.addAll(java.util.Arrays.asList(data.consumeString(300).split("\n", -1)));
        }

        BoilerplateFilter.Result r = BoilerplateFilter.filter(lines);

        assertThat(r.linesDropped()).isBetween(0, r.linesIn());
        assertThat(r.blocks()).hasSizeLessThanOrEqualTo(r.linesIn() + lines.size());
        assertThat(r.text()).doesNotContain("\n\n\n");
        BoilerplateFilter.hasRunningText(r.blocks());
        for (String line : lines) {
            BoilerplateFilter.classify(BoilerplateFilter.tidy(line));
        }
    }
}
