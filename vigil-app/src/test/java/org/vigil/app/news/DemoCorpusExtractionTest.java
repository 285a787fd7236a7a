package org.vigil.app.news;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.demo.DemoCommand;
import org.vigil.extract.eval.ExtractionScorer;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled demo corpus (fictional articles written for Vigil, annotated independently of the
 * rules) runs end to end without the shared corpus, so every build checks extraction quality.
 */
class DemoCorpusExtractionTest {
    @Test
    void theDemoCorpusIsExtractedAboveItsFloor(@TempDir Path dir) throws Exception {
        Path news = Files.createDirectories(dir.resolve("news"));
        int n = DemoCommand.copyCorpus(news);
        Path gold = dir.resolve("gold.jsonl");
        try (InputStream in = DemoCommand.class.getResourceAsStream("/org/vigil/app/demo/gold-news.jsonl")) {
            Files.copy(in, gold);
        }
        NewsPipeline.Result r = new NewsPipeline().run(news, new PrintStream(new ByteArrayOutputStream()));
        assertThat(r.extractions()).hasSize(n);
        ExtractionScorer.Result s = ExtractionScorer.score(List.of(gold), r.goldLines());
        System.out.println("demo corpus: " + s.summary());
        assertThat(s.claims().f1()).as(s.claims().line()).isGreaterThanOrEqualTo(CLAIMS_F1_FLOOR);
        assertThat(s.incidents().f1()).as(s.incidents().line()).isGreaterThanOrEqualTo(INCIDENTS_F1_FLOOR);
    }

    static final double CLAIMS_F1_FLOOR = 0.82;
    static final double INCIDENTS_F1_FLOOR = 0.76;
}
