package org.vigil.app.demo;

import org.vigil.app.Main;
import org.vigil.app.news.IngestNewsCommand;
import org.vigil.app.news.NewsPipeline;
import org.vigil.app.report.ReportPrinter;
import org.vigil.store.ReportFilter;
import org.vigil.store.VigilStore;
import org.vigil.model.VigilException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code vigil demo}: the whole news flow on the sample corpus that ships with Vigil (fictional
 * articles written for the project, boilerplate included), then the coordination flow on posts it
 * generates. Everything lands in a store of its own so a user's data is never touched.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run ingest, extraction and the who-wants-whom report on the bundled sample news corpus, "
                + "then coordinated-network detection on generated posts.")
public final class DemoCommand implements java.util.concurrent.Callable<Integer> {
    /** Where the bundled sample articles are, on the classpath. */
    public static final String NEWS_RESOURCES = "/org/vigil/app/demo/news/";

    @Option(names = "--db", paramLabel = "FILE", description = "The demo's own store, recreated on every run (default: ${DEFAULT-VALUE}).")
    Path db = Path.of("vigil-data", "demo.duckdb");

    @Option(names = "--out", paramLabel = "DIR", description = "Where the coordination part writes its files (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("vigil-data", "demo-coordination");

    @Option(names = "--skip-coordination", description = "Run the news part only.")
    boolean skipCoordination;

    @Override
    public Integer call() throws IOException {
        PrintStream o = System.out;
        Path corpus = Files.createTempDirectory("vigil-demo-news");
        try {
            int n = copyCorpus(corpus);
            o.println("Vigil demo, part 1: news. " + n + " sample articles (fictional, written for Vigil) -> ingest, extraction, store " + db);
            deleteStore(db);
            NewsPipeline.Result r = new NewsPipeline().run(corpus, System.err);
            int stored = IngestNewsCommand.store(r, db, System.err);
            r.printSummary(System.err, "demo");
            o.println(stored + " distinct articles stored (near-duplicates merged), " + r.claims() + " claims, " + r.incidents() + " incidents.");
            o.println();
            try (VigilStore store = VigilStore.openReadOnly(db)) {
                o.println("Who wants whom to win (holder x candidate):");
                ReportPrinter.printMatrix(o, store.matrix(ReportFilter.all()), "table");
                o.println();
                o.println("Incident timeline:");
                ReportPrinter.printTimeline(o, store.timeline(ReportFilter.all()), "table");
            }
            o.println();
            o.println("Explore: vigil report --db " + db + " --format json");
        } finally {
            deleteTree(corpus);
        }
        if (!skipCoordination) {
            o.println();
            o.println("Vigil demo, part 2: coordinated networks on generated posts -> " + out);
            org.vigil.app.coordinate.CoordinationDemo.run(out, db, o);
        }
        o.println();
        o.println("Open the dashboard over the demo's store with:");
        o.println("  " + serveCommand(db));
        return Main.OK;
    }

    /** The command that serves {@code db} (plain {@code ./vigil serve} finds the demo's default store by itself too). */
    public static String serveCommand(Path db) {
        return "./vigil serve --db " + db + "   (then open http://127.0.0.1:" + org.vigil.app.serve.ServerSettings.DEFAULT_PORT + "/)";
    }

    /** Copies demo-01.txt, demo-02.txt, ... from the classpath into {@code dir}; returns how many. */
    public static int copyCorpus(Path dir) throws IOException {
        int n = 0;
        for (int i = 1; i < 100; i++) {
            String name = String.format("demo-%02d.txt", i);
            try (InputStream in = DemoCommand.class.getResourceAsStream(NEWS_RESOURCES + name)) {
                if (in == null) {
                    break;
                }
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                n++;
            }
        }
        if (n == 0) {
            throw new VigilException("the demo corpus is missing from the classpath (" + NEWS_RESOURCES + "); rebuild vigil-app");
        }
        return n;
    }

    private static void deleteStore(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
        String name = db.getFileName().toString();
        int dot = name.lastIndexOf('.');
        deleteTree(db.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".lucene"));
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
