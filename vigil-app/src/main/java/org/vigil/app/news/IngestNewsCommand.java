package org.vigil.app.news;

import org.vigil.app.Main;
import org.vigil.app.output.Terminal;
import org.vigil.app.progress.ProgressBar;
import org.vigil.ingest.news.NewsDedup;
import org.vigil.model.Article;
import org.vigil.model.Extraction;
import org.vigil.model.Problem;
import org.vigil.store.VigilStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil ingest news PATH}: read, extract and store news in the embedded DuckDB file. */
@Command(name = "news", mixinStandardHelpOptions = true,
        description = "Read news (a file, a folder or a JSONL), extract claims and incidents, and store them in the Vigil store. "
                + "The same wire story seen on several sites is stored once with every source kept; bad files are quarantined.")
public final class IngestNewsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "A file, a folder (read recursively) or a .jsonl of {url, title, published, html|text}.")
    Path input;

    @Option(names = "--db", paramLabel = "FILE", description = "The DuckDB store (default: ${DEFAULT-VALUE}).")
    Path db = VigilStore.DEFAULT_PATH;

    @Option(names = "--progress", paramLabel = "WHEN", description = "Progress bar on stderr: auto (on a terminal), always, never (default: auto).")
    String progress = "auto";

    private static final int BATCH = 50;

    @Override
    public Integer call() {
        ProgressBar bar = ProgressBar.forMode(progress, new java.io.PrintWriter(System.err, true));
        if (!Files.exists(input)) {
            System.err.println("vigil ingest news: " + input + " does not exist; give a file, a folder or a .jsonl");
            return Main.USAGE;
        }
        NewsPipeline.Result r = new NewsPipeline().run(input, System.err, bar);
        bar.done();
        int stored = store(r, db, System.err);
        r.printSummary(System.err, "ingest news");
        System.err.println("ingest news: " + stored + " distinct article(s) in " + db + "; see them with 'vigil report --db " + db + "'");
        return r.exitCode();
    }

    /** Stores a pipeline result, near-duplicates merged into one article with all their sources; returns the articles stored. */
    public static int store(NewsPipeline.Result r, Path db, PrintStream err) {
        try (VigilStore store = VigilStore.open(db)) {
            return store(r, store, err);
        }
    }

    /** As {@link #store(NewsPipeline.Result, Path, PrintStream)}, into a store the caller holds open. */
    public static int store(NewsPipeline.Result r, VigilStore store, PrintStream err) {
        Map<String, Extraction> byId = new LinkedHashMap<>();
        List<Article> read = new ArrayList<>();
        for (Extraction x : r.extractions()) {
            byId.putIfAbsent(x.article().id(), x);
            read.add(x.article());
        }
        List<Article> merged = NewsDedup.merge(read);
        {
            String run = store.startRun("ingest news");
            List<Problem> problems = new ArrayList<>(r.quarantine());
            List<Extraction> batch = new ArrayList<>();
            for (Article a : merged) {
                Extraction x = byId.get(a.id());
                batch.add(new Extraction(a, x.claims(), x.incidents()));
                if (batch.size() == BATCH) {
                    problems.addAll(store.saveExtractions(batch)); // one transaction per batch: DuckDB commits are the cost
                    batch.clear();
                }
            }
            problems.addAll(store.saveExtractions(batch));
            problems.stream().skip(r.quarantine().size()).forEach(p -> err.println(Terminal.safe(p.message())));
            store.saveProblems(run, problems);
            store.finishRun(run, r.batch().ok() - r.failures().size(), r.batch().skipped(), r.failed());
        }
        return merged.size();
    }
}
