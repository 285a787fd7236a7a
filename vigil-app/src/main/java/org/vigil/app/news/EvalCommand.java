package org.vigil.app.news;

import org.vigil.app.Main;
import org.vigil.extract.eval.ExtractionScorer;
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

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The articles the gold files annotate.")
    Path input;

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
        if (!Files.exists(input)) {
            System.err.println("vigil eval: " + input + " does not exist; give the folder of articles");
            return Main.USAGE;
        }
        NewsPipeline.Result r = new NewsPipeline().run(input, System.err);
        ExtractionScorer.Result s = ExtractionScorer.score(gold, r.goldLines());
        for (ExtractionScorer.Score k : List.of(s.claims(), s.incidents())) {
            if (verbose) {
                k.errors().forEach(e -> System.out.println("  " + e));
            }
            System.out.println(k.line());
        }
        System.out.println(s.summary());
        r.printSummary(System.err, "eval");
        return r.exitCode();
    }
}
