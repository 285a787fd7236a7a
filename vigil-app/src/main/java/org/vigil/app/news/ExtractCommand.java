package org.vigil.app.news;

import org.vigil.app.Main;
import org.vigil.app.progress.ProgressBar;
import org.vigil.extract.GoldFormat;
import org.vigil.model.Extraction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code vigil extract}: claims and incidents of every article, one JSON line each, in the evaluation corpus's gold format. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract who-wants-whom claims and interference incidents from news articles (a file, a folder or a JSONL) "
                + "and write one JSON line per article in the gold format of the evaluation corpus.")
public final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "PATH", description = "A file, a folder (read recursively) or a .jsonl of {url, title, published, html|text}.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE.jsonl", description = "Where to write the predictions.")
    Path output;

    @Option(names = "--details", description = "Also write evidence offsets, the actor mention and the DISARM technique id of each item.")
    boolean details;

    @Option(names = "--progress", paramLabel = "WHEN", description = "Progress bar on stderr: auto (on a terminal), always, never (default: auto).")
    String progress = "auto";

    @Override
    public Integer call() throws IOException {
        ProgressBar bar = ProgressBar.forMode(progress, new java.io.PrintWriter(System.err, true));
        if (!Files.exists(input)) {
            System.err.println("vigil extract: " + input + " does not exist; give a file, a folder or a .jsonl");
            return Main.USAGE;
        }
        NewsPipeline.Result r = new NewsPipeline().run(input, System.err, bar);
        bar.done();
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (Extraction x : r.extractions()) {
                w.write(GoldFormat.line(x.article().doc(), x, details));
                w.newLine();
            }
        }
        r.printSummary(System.err, "extract");
        System.err.println("extract: wrote " + output);
        return r.exitCode();
    }
}
