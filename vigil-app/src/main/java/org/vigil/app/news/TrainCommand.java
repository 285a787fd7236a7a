package org.vigil.app.news;

import org.vigil.app.Main;
import org.vigil.extract.model.ExtractionModel;
import org.vigil.extract.model.ModelTrainer;
import org.vigil.model.VigilException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vigil train}: rebuild the claim and incident model from annotated corpora. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the claim and incident model on annotated corpora (folders of articles with a gold.jsonl) "
                + "and write it to a file. The shipped model is rebuilt with: vigil train --corpus ../shared/corpus/seeds "
                + "../shared/corpus/dev ../shared/corpus/train --output vigil-extract/src/main/resources/org/vigil/extract/model/extraction-model.json")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "DIR", description = "Annotated corpus folders.")
    List<Path> corpora = new ArrayList<>();

    @Option(names = "--output", required = true, paramLabel = "MODEL", description = "Where to write the model (JSON).")
    Path output;

    @Override
    public Integer call() {
        for (Path c : corpora) {
            if (!Files.isDirectory(c)) {
                System.err.println("vigil train: " + c + " is not a folder; give folders of articles with their gold.jsonl");
                return Main.USAGE;
            }
        }
        try {
            long t0 = System.nanoTime();
            List<Path> gold = ModelCorpus.goldFiles(corpora);
            ModelCorpus corpus = new ModelCorpus();
            List<ModelTrainer.Labelled> train = corpus.read(corpora, gold, System.err);
            ModelTrainer.Settings settings = ModelTrainer.Settings.defaults();
            ExtractionModel model = new ModelTrainer(settings).fit(train, ModelCorpus.about(corpora, gold, train, settings));
            model.write(output);
            System.err.printf(java.util.Locale.ROOT, "vigil train: %d articles; %s; wrote %s in %.1f s%n",
                    train.size(), model.thresholds(), output, (System.nanoTime() - t0) / 1e9);
            return Main.OK;
        } catch (VigilException e) {
            System.err.println("vigil train: " + e.getMessage());
            return Main.USAGE;
        }
    }
}
