package org.vigil.app.news;

import org.vigil.app.Main;
import org.vigil.extract.GoldFormat;
import org.vigil.extract.eval.ExtractionScorer;
import org.vigil.extract.model.CrossValidation;
import org.vigil.extract.model.ModelTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vigil eval}: extract a corpus and score it against gold files, as the corpus's scorer does. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run extraction over a folder of articles and print precision, recall and F1 against gold files "
                + "(same matching and output as the evaluation corpus's score_extraction.py).")
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--gold", required = true, arity = "1..*", paramLabel = "GOLD.jsonl", description = "One or more gold files.")
    List<Path> gold = new ArrayList<>();

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "DIR", description = "The articles the gold files annotate (one or more folders).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--cv", paramLabel = "K", description = "K-fold cross-validation: train on K-1 folds of the articles, score the held-out fold, "
            + "for each fold in turn (folds are split by article), and print the figures over all held-out predictions.")
    Integer cv;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "17", description = "Seed of the fold split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--verbose", description = "List every false positive and false negative.")
    boolean verbose;

    @Override
    public Integer call() {
        for (Path g : gold) {
            if (!Files.isRegularFile(g)) {
                System.err.println("vigil eval: gold file " + g + " does not exist; give the gold.jsonl of the corpus");
                return Main.USAGE;
            }
        }
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                System.err.println("vigil eval: " + input + " does not exist; give the folder of articles");
                return Main.USAGE;
            }
        }
        if (cv != null) {
            if (cv < 2) {
                System.err.println("vigil eval: --cv needs at least 2 folds, got " + cv);
                return Main.USAGE;
            }
            return crossValidate();
        }
        List<String> lines = new ArrayList<>();
        int exit = Main.OK;
        for (Path input : inputs) {
            NewsPipeline.Result r = new NewsPipeline().run(input, System.err);
            lines.addAll(r.goldLines());
            r.printSummary(System.err, "eval");
            exit = Math.max(exit, r.exitCode());
        }
        print(ExtractionScorer.score(gold, lines));
        return exit;
    }

    private int crossValidate() {
        ModelCorpus corpus = new ModelCorpus();
        List<ModelTrainer.Labelled> all = corpus.read(inputs, gold, System.err);
        if (all.size() < cv) {
            System.err.println("vigil eval: " + all.size() + " annotated article(s) cannot be split into " + cv + " folds");
            return Main.USAGE;
        }
        CrossValidation.Result r = CrossValidation.run(all, cv, seed, ModelTrainer.Settings.defaults(), corpus.extractor(),
                f -> System.err.printf(java.util.Locale.ROOT, "eval: fold %d of %d done%n", f, cv));
        List<String> lines = new ArrayList<>();
        r.predictions().forEach((doc, x) -> lines.add(GoldFormat.line(doc, x, false)));
        System.out.println("cross-validated, " + cv + " folds by article over " + all.size() + " articles:");
        print(ExtractionScorer.score(gold, lines));
        return Main.OK;
    }

    private void print(ExtractionScorer.Result s) {
        for (ExtractionScorer.Score k : List.of(s.claims(), s.incidents())) {
            if (verbose) {
                k.errors().forEach(e -> System.out.println("  " + e));
            }
            System.out.println(k.line());
        }
        System.out.println(s.summary());
    }
}
