package org.vigil.app.watch;

import org.vigil.app.Main;
import org.vigil.app.news.NewsPipeline;
import org.vigil.app.progress.ProgressBar;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code vigil watch}: poll sources, store what is new, raise alerts; once or every few minutes. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Poll RSS/Atom feeds, sitemaps and folders (news and post exports), store new articles as 'ingest news' does, "
                + "and raise alerts (new who-wants-whom cell, balance shift, first technique for a state, new or growing network) "
                + "to a JSONL file, stdout, webhooks and the store. Stops cleanly on SIGTERM after the article in hand.")
public final class WatchCommand implements Callable<Integer> {
    @Option(names = "--sources", paramLabel = "FILE", description = "The sources file (YAML): feeds, sitemaps, folders, posts, webhooks, settings.")
    Path sourcesFile;

    @Option(names = "--feed", paramLabel = "URL", description = "A feed to poll (repeatable), with or instead of --sources.")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--webhook", paramLabel = "URL", description = "POST each alert as JSON to this URL (repeatable).")
    List<String> webhooks = new ArrayList<>();

    @Option(names = "--every", paramLabel = "DURATION", description = "Time between polls, e.g. 15m (default: watch.every of the sources file, else 15m).")
    String every;

    @Option(names = "--once", description = "Poll once and exit (for cron and tests).")
    boolean once;

    @Option(names = "--db", paramLabel = "FILE", description = "The DuckDB store (default: ${DEFAULT-VALUE}).")
    Path db = VigilStore.DEFAULT_PATH;

    @Option(names = "--alerts", paramLabel = "FILE", description = "Append alerts to this JSONL file.")
    Path alerts;

    @Option(names = "--quiet", description = "Do not print alerts on stdout.")
    boolean quiet;

    @Option(names = "--progress", paramLabel = "WHEN", description = "Progress bar on stderr: auto (on a terminal), always, never (default: auto).")
    String progress = "auto";

    @Override
    public Integer call() throws InterruptedException {
        PrintStream err = System.err;
        Sources sources;
        AlertSinks sinks;
        ProgressBar bar;
        try {
            bar = ProgressBar.forMode(progress, new PrintWriter(err, true));
            sources = sourcesFile == null ? Sources.none() : Sources.read(sourcesFile);
            sources = sources.plus(feeds, webhooks);
            if (every != null) {
                sources = sources.withSettings(sources.settings().with("watch.every", every));
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("nothing to watch: give --sources FILE or --feed URL (see examples/sources.yaml)");
            }
            sinks = new AlertSinks(alerts, quiet ? null : new PrintWriter(System.out, true), sources.webhooks(), sources.settings());
        } catch (IllegalArgumentException e) {
            err.println("vigil watch: " + e.getMessage());
            return Main.USAGE;
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            err.println("vigil watch: stopping after the article in hand");
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vigil-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(sources, sinks, bar, stop, err);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the latch counted down above
            }
        }
    }

    private int run(Sources sources, AlertSinks sinks, ProgressBar bar, AtomicBoolean stop, PrintStream err) throws InterruptedException {
        NewsPipeline pipeline = new NewsPipeline();
        Watcher watcher = new Watcher(sources, db, pipeline, sinks, err, bar);
        Duration interval = sources.settings().every();
        int poll = 0;
        boolean anyFailed = false;
        while (true) {
            long t0 = System.nanoTime();
            PollSummary s;
            try {
                s = watcher.poll(stop);
            } catch (VigilException e) {
                bar.done();
                err.println("vigil watch: " + e.getMessage());
                if (once) {
                    return 3;
                }
                s = null;
            }
            bar.done();
            if (s != null) {
                poll++;
                s.print(err, poll);
                anyFailed |= s.anyFailed();
            }
            if (once || stop.get()) {
                return anyFailed && once ? Main.SOME_INPUT_BAD : Main.OK;
            }
            long waitMillis = interval.toMillis() - (System.nanoTime() - t0) / 1_000_000;
            long until = System.currentTimeMillis() + Math.max(0, waitMillis);
            while (!stop.get() && System.currentTimeMillis() < until) {
                Thread.sleep(Math.min(500, Math.max(1, until - System.currentTimeMillis())));
            }
            if (stop.get()) {
                return Main.OK;
            }
        }
    }

    /** For tests: the command line as parsed. */
    static CommandLine commandLine() {
        return new CommandLine(new WatchCommand());
    }
}
