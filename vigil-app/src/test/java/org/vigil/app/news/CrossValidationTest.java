package org.vigil.app.news;

import org.junit.jupiter.api.Test;
import org.vigil.extract.GoldFormat;
import org.vigil.extract.eval.ExtractionScorer;
import org.vigil.extract.model.CrossValidation;
import org.vigil.extract.model.ModelTrainer;
import org.vigil.testing.Needs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small cross-validation over the shared seeds + dev corpus (3 folds by article): no fold scores
 * an article it trained on, every article is scored once, and the held-out figures clear a floor
 * that a model learning nothing (or one that saw its test articles and was scored on others) would not.
 */
class CrossValidationTest {
    @Test
    void foldsNeverShareAnArticleAndHeldOutScoresClearTheFloor() {
        Path corpus = Needs.shared("corpus/dev").getParent();
        Needs.shared("corpus/seeds");
        List<Path> dirs = List.of(corpus.resolve("seeds"), corpus.resolve("dev"));
        List<Path> gold = List.of(corpus.resolve("seeds/gold.jsonl"), corpus.resolve("dev/gold.jsonl"));
        ModelCorpus mc = new ModelCorpus();
        List<ModelTrainer.Labelled> all = mc.read(dirs, gold, new PrintStream(new ByteArrayOutputStream()));
        CrossValidation.Result r = CrossValidation.run(all, 3, 17, ModelTrainer.Settings.defaults(), mc.extractor(), f -> { });

        Set<String> scored = new HashSet<>();
        for (CrossValidation.Fold f : r.folds()) {
            assertThat(f.trainedOn()).doesNotContainAnyElementsOf(f.scored());
            assertThat(f.trainedOn().size() + f.scored().size()).isEqualTo(all.size());
            for (String doc : f.scored()) {
                assertThat(scored.add(doc)).as("%s scored by two folds", doc).isTrue();
            }
        }
        assertThat(scored).hasSize(all.size());

        List<String> lines = new ArrayList<>();
        r.predictions().forEach((doc, x) -> lines.add(GoldFormat.line(doc, x, false)));
        ExtractionScorer.Result s = ExtractionScorer.score(gold, lines);
        System.out.println("3-fold cross-validation over seeds + dev: " + s.summary());
        assertThat(s.claims().f1()).as(s.claims().line()).isGreaterThanOrEqualTo(0.6);
        assertThat(s.incidents().f1()).as(s.incidents().line()).isGreaterThanOrEqualTo(0.6);
    }
}
