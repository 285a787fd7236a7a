package org.vigil.app.coordinate;

import org.vigil.app.Main;
import org.vigil.app.output.Terminal;
import org.vigil.app.progress.ProgressBar;
import org.vigil.coordination.CoordinationSession;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.CoordinationEngine;
import org.vigil.coordination.CoordinationEngines;
import org.vigil.coordination.characterise.CandidateLexicon;
import org.vigil.coordination.characterise.StateMediaRegistry;
import org.vigil.ingest.posts.PostFormat;
import org.vigil.ingest.posts.PostReaders;
import org.vigil.ingest.posts.ReadSummary;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.Post;
import org.vigil.model.Problem;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;
import org.vigil.output.CoordinationOutputs;
import org.vigil.output.QuarantineFile;
import org.vigil.store.coordination.CoordinationWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code vigil coordinate --input FILE... --output DIR}: reads posts (format detected per file unless
 * {@code --format} is given), finds coordinated networks, writes {@code accounts.csv},
 * {@code networks.json}, {@code edges.csv}, {@code network.gexf} and {@code quarantine.csv}, and stores
 * the result and the bad records in the DuckDB file. {@code quarantine.csv} is written as bad records
 * arrive (bounded memory) and exists even when no input could be read. Exit 0 when all input was
 * good, 1 when some rows or files were bad or skipped (each is in quarantine.csv, the store and the
 * summary), 2 on a usage error, 3 when the run stopped: no input readable, output or store not writable.
 */
@Command(name = "coordinate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find networks of accounts that share the same retweets, links, hashtags or (near-)identical "
                + "text within seconds of each other, again and again.")
public final class CoordinateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "FILE",
            description = "Post files (CSV/JSONL, gzip ok) or folders of them.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder for the result files.")
    Path output;

    @Option(names = "--format", paramLabel = "F",
            description = "Input format for every file (default: detected from each file's header). One of: vigil-csv, "
                    + "vigil-jsonl, twarc2, io-archive, qut, coortweet, ira, coortweet-german.")
    String format;

    @Option(names = "--window", paramLabel = "DURATION", description = "Co-action window, e.g. 60s, 2m (default: 60s).")
    String window;

    @Option(names = "--method", paramLabel = "M", description = "vigil (default: surprise-weighted, significance-tested) "
            + "or coortweet (CooRTweet's plain counts, for comparison).")
    String method;

    @Option(names = "--kinds", paramLabel = "LIST", split = ",",
            description = "Co-action networks to build (default: all): co-retweet, co-link, co-hashtag, co-tweet, co-similar-text.")
    List<String> kinds;

    @Option(names = "--similarity", paramLabel = "J", description = "Near-duplicate threshold, Jaccard of word sets (default: 0.6).")
    Double similarity;

    @Option(names = "--min-participation", paramLabel = "N", description = "coortweet method: minimum posts per account (default: 2).")
    Integer minParticipation;

    @Option(names = "--edge-quantile", paramLabel = "Q", description = "coortweet method: keep edges above this weight quantile (default: 0.5).")
    Double edgeQuantile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any coordination.* setting (see docs/coordination.md).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--state-media", paramLabel = "FILE", description = "Extra state-media rows (kind,value,outlet,country) added to the bundled list.")
    Path stateMedia;

    @Option(names = "--engine", paramLabel = "NAME", description = "Where detection runs (default: ${DEFAULT-VALUE}); engines on the class path are found by name.")
    String engine = CoordinationEngines.DEFAULT;

    @Option(names = "--db", paramLabel = "FILE", description = "DuckDB store to write the result into (default: ${DEFAULT-VALUE}).")
    Path db = VigilStore.DEFAULT_PATH;

    @Option(names = "--no-store", description = "Do not write the result into the store.")
    boolean noStore;

    @Option(names = "--progress", paramLabel = "WHEN", description = "Progress bar on stderr: auto (on a terminal), always, never (default: auto).")
    String progress = "auto";

    /** Bad records echoed to the terminal; the rest are only in quarantine.csv and the store. */
    private static final int SHOWN_PROBLEMS = 20;
    /** Problems written to the store per transaction: bounded memory, few commits. */
    private static final int STORE_BATCH = 5_000;

    @Override
    public Integer call() {
        return run(spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true));
    }

    /** Runs the command, reporting to {@code err}. */
    int run(PrintWriter err) {
        CoordinationSettings config;
        PostFormat fixedFormat;
        CoordinationEngine found;
        try {
            found = CoordinationEngines.named(engine);
            config = settings();
            fixedFormat = format == null ? null : PostFormat.fromName(format);
            for (Path p : inputs) {
                if (!Files.exists(p)) {
                    throw new VigilException(p + ": no such file or folder; check the --input path");
                }
            }
        } catch (IllegalArgumentException | VigilException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        StateMediaRegistry registry = stateMedia == null ? StateMediaRegistry.bundled() : StateMediaRegistry.bundledPlus(stateMedia);
        ProgressBar bar = new ProgressBar(err, progress.equals("always") || (progress.equals("auto") && System.console() != null));
        Instant started = Instant.now();
        try (QuarantineFile bad = QuarantineFile.open(output)) {
            return run(err, found, config, fixedFormat, registry, bar, started, bad);
        } catch (IOException | UncheckedIOException e) {
            bar.done();
            err.println("vigil coordinate: cannot write to " + Terminal.safe(output.toString()) + " ("
                    + Terminal.safe(e.getMessage()) + "); check the folder, its permissions and free space");
            return Main.FAILED;
        }
    }

    private int run(PrintWriter err, CoordinationEngine found, CoordinationSettings config, PostFormat fixedFormat, StateMediaRegistry registry,
                    ProgressBar bar, Instant started, QuarantineFile bad) throws IOException {
        Consumer<Problem> quarantine = p -> {
            bad.add(p);
            if (bad.count() <= SHOWN_PROBLEMS) {
                bar.done();
                err.println("vigil coordinate: " + Terminal.safe(p.message()));
            } else if (bad.count() == SHOWN_PROBLEMS + 1) {
                bar.done();
                err.println("vigil coordinate: more bad records; all are listed in " + Terminal.safe(bad.path().toString()));
            }
        };
        List<Path> files = expand(inputs, quarantine);
        int skipped = (int) bad.count();
        CoordinationSession session = found.withReferenceData(registry, CandidateLexicon.bundled())
                .start(config, quarantine, bar);
        long posts = 0;
        int filesRead = 0;
        long t0 = System.nanoTime();
        for (Path file : files) {
            long[] count = {0};
            String name = Terminal.safe(file.getFileName().toString());
            Consumer<Post> sink = p -> {
                session.accept(p);
                if ((++count[0] & 0x3fff) == 0) {
                    bar.progress("reading " + name, count[0], 0);
                }
            };
            try {
                ReadSummary s = PostReaders.read(file, fixedFormat, sink, quarantine);
                posts += s.ok();
                filesRead++;
            } catch (VigilException e) {
                skipped++;
                quarantine.accept(new Problem(file.toString(), 0, e.getMessage() + " (file skipped)", ""));
            }
        }
        long readMillis = (System.nanoTime() - t0) / 1_000_000;
        List<String> inputNames = files.stream().map(Path::toString).toList();
        if (filesRead == 0) {
            bar.done();
            bad.flush();
            err.println("vigil coordinate: no input could be read (" + bad.count() + " problem(s) in "
                    + Terminal.safe(bad.path().toString()) + "); nothing was detected");
            if (!noStore) {
                CoordinationRun run = new CoordinationRun(CoordinationOutputs.runId(started, inputNames, config), started, inputNames,
                        config.method(), config.asMap(), 0, bad.count());
                store(err, run, null, bad, skipped);
            }
            return Main.FAILED;
        }
        CoordinationResult result = session.finish();
        Map<String, Long> stats = new LinkedHashMap<>(result.stats());
        stats.put("millis.read", readMillis);
        result = new CoordinationResult(result.accounts(), result.networks(), result.edges(), stats);
        CoordinationRun run = new CoordinationRun(CoordinationOutputs.runId(started, inputNames, config), started, inputNames, config.method(),
                config.asMap(), posts, bad.count());
        bar.done();
        bad.flush();
        CoordinationOutputs.writeAll(output, run, result);
        if (!noStore && !store(err, run, result, bad, skipped)) {
            return Main.FAILED;
        }
        summary(err, run, result, files.size());
        err.flush();
        return bad.count() == 0 ? Main.OK : Main.SOME_INPUT_BAD;
    }

    /** Writes the run, its bad records and (unless null) its result into the store; false, with a message, when that fails. */
    private boolean store(PrintWriter err, CoordinationRun run, CoordinationResult result, QuarantineFile bad, int skipped) {
        try (VigilStore store = VigilStore.open(db)) {
            String id = store.startRun("coordinate");
            bad.replay(STORE_BATCH, batch -> store.saveProblems(id, batch));
            if (result != null) {
                store.write(c -> {
                    new CoordinationWriter(c).write(run, result);
                    return null;
                });
            }
            store.finishRun(id, run.posts(), skipped, run.quarantined());
            return true;
        } catch (VigilException | IOException e) {
            err.println("vigil coordinate: " + (result == null ? "" : "results written to " + Terminal.safe(output.toString()) + " but ")
                    + "not stored: " + Terminal.safe(Main.oneLine(e)) + "; run again with --db FILE or --no-store");
            return false;
        }
    }

    private void summary(PrintWriter err, CoordinationRun run, CoordinationResult r, int files) {
        Map<String, Long> s = r.stats();
        err.printf("vigil coordinate: %,d posts from %d file(s), %,d bad record(s)%s; %d networks, %,d accounts, %,d edges -> %s%n",
                run.posts(), files, run.quarantined(),
                run.quarantined() > 0 ? " (in " + output.resolve("quarantine.csv") + ")" : "",
                r.networks().size(), r.accounts().size(), r.edges().size(), output);
        StringBuilder t = new StringBuilder("vigil coordinate: time read ").append(ms(s.get("millis.read")));
        for (String k : List.of("co-retweet", "co-link", "co-hashtag", "co-tweet", "co-similar-text")) {
            if (s.containsKey("millis.detect." + k)) {
                t.append(", ").append(k).append(' ').append(ms(s.get("millis.detect." + k)));
            }
        }
        for (String k : List.of("score", "communities", "characterise")) {
            if (s.containsKey("millis." + k)) {
                t.append(", ").append(k).append(' ').append(ms(s.get("millis." + k)));
            }
        }
        err.println(t);
    }

    private static String ms(Long millis) {
        return millis == null ? "-" : String.format("%.2fs", millis / 1000.0);
    }

    private CoordinationSettings settings() {
        Map<String, String> m = new LinkedHashMap<>(settings);
        if (method != null) {
            m.put("coordination.method", method);
        }
        if (window != null) {
            m.put("coordination.window.seconds", Long.toString(Durations.seconds(window)));
        }
        if (kinds != null) {
            m.put("coordination.kinds", String.join(",", kinds));
        }
        if (similarity != null) {
            m.put("coordination.similar.threshold", similarity.toString());
        }
        if (minParticipation != null) {
            m.put("coordination.coortweet.min.participation", minParticipation.toString());
        }
        if (edgeQuantile != null) {
            m.put("coordination.coortweet.edge.quantile", edgeQuantile.toString());
        }
        if (!List.of("auto", "always", "never").contains(progress)) {
            throw new IllegalArgumentException("--progress must be auto, always or never, got '" + progress + "'");
        }
        return CoordinationSettings.fromMap(m);
    }

    /**
     * Files as given; a folder stands for every regular file under it, subfolders included and
     * symbolic links followed, in path order. Hidden files and folders, link loops, unlistable
     * folders and paths that vanished are skipped and reported to {@code skipped}.
     */
    static List<Path> expand(List<Path> inputs, Consumer<Problem> skipped) {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                List<Path> found = new ArrayList<>();
                try {
                    Files.walkFileTree(p, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(p) && hidden(dir)) {
                                skipped.accept(new Problem(dir.toString(), 0, "hidden folder, not read; rename it to include it", ""));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (hidden(file)) {
                                skipped.accept(new Problem(file.toString(), 0, "hidden file, not read; rename it to include it", ""));
                            } else if (attrs.isRegularFile()) {
                                found.add(file);
                            } else {
                                skipped.accept(new Problem(file.toString(), 0, "not a regular file (a device, pipe or socket), not read", ""));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            String why = e instanceof FileSystemLoopException
                                    ? "symbolic link loop (it leads back to a folder above it), not followed again; remove the link"
                                    : e instanceof NoSuchFileException
                                    ? "broken symbolic link or vanished file, not read; fix or remove it"
                                    : "cannot open (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check its permissions";
                            skipped.accept(new Problem(file.toString(), 0, why, ""));
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } catch (IOException e) {
                    skipped.accept(new Problem(p.toString(), 0, "cannot list the folder (" + e.getMessage() + "); check permissions", ""));
                }
                found.sort(null);
                out.addAll(found);
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                skipped.accept(new Problem(p.toString(), 0, Files.exists(p) ? "not a regular file (a device, pipe or socket), not read"
                        : "no such file or folder, not read; check the --input path", ""));
            }
        }
        return out;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
