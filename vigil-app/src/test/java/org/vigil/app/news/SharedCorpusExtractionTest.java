package org.vigil.app.news;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.extract.eval.ExtractionScorer;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * End to end over the shared corpus (seeds, dev and train: 107 real articles): ingest, extraction
 * with the shipped model and the scorer. The shipped model was trained on these articles, so these
 * are in-sample figures, a guard against regressions rather than a measure of generalisation (that
 * is {@link CrossValidationTest} and {@code vigil eval --cv}). The floors sit just under what the
 * code reaches; raise them when the extractor improves.
 */
class SharedCorpusExtractionTest {
    private static ExtractionScorer.Result result;

    static Path shared() {
        String p = System.getProperty("vigil.shared");
        Path path = p != null ? Path.of(p) : Path.of("..", "..", "shared");
        return Files.isDirectory(path.resolve("corpus")) ? path : Path.of("..", "shared");
    }

    @BeforeAll
    static void extractTheCorpus() {
        Path corpus = shared().resolve("corpus");
        assumeTrue(Files.isDirectory(corpus.resolve("dev")),
                "skipped: the shared evaluation corpus is not at " + corpus.toAbsolutePath()
                        + " (it sits beside the repository as ../shared; set -Dvigil.shared=PATH)");
        NewsPipeline pipeline = new NewsPipeline();
        List<String> lines = new ArrayList<>();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        for (String part : List.of("seeds", "dev", "train")) {
            lines.addAll(pipeline.run(corpus.resolve(part), quiet).goldLines());
        }
        result = ExtractionScorer.score(List.of(corpus.resolve("seeds/gold.jsonl"), corpus.resolve("dev/gold.jsonl"),
                corpus.resolve("train/gold.jsonl")), lines);
        System.out.println("shared corpus: " + result.summary());
        System.out.println("  " + result.claims().line());
        System.out.println("  " + result.incidents().line());
    }

    @Test
    void claimsStayAboveTheirFloor() {
        assertThat(result.claims().f1()).as(result.claims().line()).isGreaterThanOrEqualTo(CLAIMS_F1_FLOOR);
    }

    @Test
    void incidentsStayAboveTheirFloor() {
        assertThat(result.incidents().f1()).as(result.incidents().line()).isGreaterThanOrEqualTo(INCIDENTS_F1_FLOOR);
    }

    @Test
    void flagsAreRightOnAtLeastThreeMatchedItemsInFour() {
        assertThat(result.claims().flagAccuracy("hedged", "disputed", "basis")).as(result.claims().line()).isGreaterThanOrEqualTo(0.75);
        assertThat(result.incidents().flagAccuracy("status")).as(result.incidents().line()).isGreaterThanOrEqualTo(0.75);
    }

    static final double CLAIMS_F1_FLOOR = 0.75;
    static final double INCIDENTS_F1_FLOOR = 0.79;
}
