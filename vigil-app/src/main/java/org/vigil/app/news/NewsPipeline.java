package org.vigil.app.news;

import org.vigil.app.Main;
import org.vigil.app.output.Terminal;
import org.vigil.coordination.ProgressListener;
import org.vigil.extract.GoldFormat;
import org.vigil.extract.NewsExtractor;
import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.nlp.CoreNlpAnalyzer;
import org.vigil.ingest.news.FileOutcome;
import org.vigil.ingest.news.NewsBatch;
import org.vigil.ingest.news.NewsIngest;
import org.vigil.model.Article;
import org.vigil.model.Extraction;
import org.vigil.model.Problem;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Ingest plus extraction for a file, folder or JSONL of news: what {@code extract}, {@code eval},
 * {@code ingest news} and {@code demo} share. Extraction runs on all cores; one article that makes
 * the extractor fail is reported and counted, and the rest go on.
 */
public final class NewsPipeline {
    /** Languages the rules are written for; others get a note (the gazetteer knows a few Portuguese and Spanish names). */
    private static final Set<String> SUPPORTED = Set.of("en");

    /** What a run produced: the per-file outcomes, the extraction of every article that went through, and the failures. */
    public record Result(NewsBatch batch, List<Extraction> extractions, List<String> failures, List<Problem> quarantine,
                         double extractSeconds) {
        public long failed() {
            return batch.failed() + failures.size();
        }

        /** The exit code of a command that read this: 1 when any input was skipped or failed (all named in the summary), else 0. */
        public int exitCode() {
            return failed() > 0 || batch.skipped() > 0 ? Main.SOME_INPUT_BAD : Main.OK;
        }

        /** One line per extracted article in the evaluation corpus's gold format, as {@code extract} writes it. */
        public List<String> goldLines() {
            return extractions.stream().map(x -> GoldFormat.line(x.article().doc(), x, false)).toList();
        }

        public int claims() {
            return extractions.stream().mapToInt(x -> x.claims().size()).sum();
        }

        public int incidents() {
            return extractions.stream().mapToInt(x -> x.incidents().size()).sum();
        }

        /** The run summary: counts, then one line per skipped or failed file. */
        public void printSummary(PrintStream err, String command) {
            err.printf(Locale.ROOT, "%s: %d article(s) read: %d ok, %d skipped, %d failed; %d claim(s), %d incident(s); extraction %.1f s%n",
                    command, batch.articles().size(), batch.ok() - failures.size(), batch.skipped(), failed(), claims(), incidents(), extractSeconds);
            for (FileOutcome o : batch.outcomes()) {
                if (o.status() != FileOutcome.Status.OK) {
                    err.println(Terminal.safe(o.toString()));
                }
            }
            failures.forEach(f -> err.println(Terminal.safe(f)));
        }
    }

    private final NewsExtractor extractor;

    public NewsPipeline() {
        this.extractor = new NewsExtractor(new CoreNlpAnalyzer(), Gazetteer.standard());
    }

    public Result run(Path input, PrintStream err) {
        return run(input, err, ProgressListener.NONE);
    }

    /** As {@link #run(Path, PrintStream)}, telling {@code progress} of each article extracted (done / total). */
    public Result run(Path input, PrintStream err, ProgressListener progress) {
        List<Problem> quarantine = new ArrayList<>();
        NewsBatch batch = new NewsIngest().read(input, quarantine::add);
        for (Article a : batch.articles()) {
            if (a.language() != null && !SUPPORTED.contains(a.language())) {
                err.println(Terminal.safe(a.doc()) + ": language looks like '" + a.language()
                        + "'; Vigil's rules are written for English, so only names and a few cues are recognised (results may be incomplete)");
            }
        }
        long t0 = System.nanoTime();
        List<Extraction> out = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), batch.articles().size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Extraction>> futures = new ArrayList<>();
            for (Article a : batch.articles()) {
                futures.add(pool.submit(() -> extractor.extract(a)));
            }
            for (int i = 0; i < futures.size(); i++) {
                Article a = batch.articles().get(i);
                try {
                    out.add(futures.get(i).get());
                    progress.progress("articles extracted", i + 1, futures.size());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    failures.add(a.doc() + ": extraction failed (" + c.getClass().getSimpleName() + ": " + c.getMessage()
                            + "); the article was skipped, please report it with the file");
                    quarantine.add(new Problem(a.sources().isEmpty() ? a.doc() : a.sources().get(0).origin(), 0,
                            "extraction failed: " + c, a.text().length() > 10_000 ? a.text().substring(0, 10_000) : a.text()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return new Result(batch, out, failures, quarantine, (System.nanoTime() - t0) / 1e9);
    }
}
