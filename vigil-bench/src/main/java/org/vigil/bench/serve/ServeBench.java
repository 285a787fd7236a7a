package org.vigil.bench.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.vigil.app.serve.DashboardServer;
import org.vigil.app.serve.ServerSettings;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.InProcessCoordinationEngine;
import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.Problem;
import org.vigil.store.VigilStore;
import org.vigil.store.coordination.CoordinationWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How fast does the dashboard answer on a store of realistic size? Loads {@code --articles}
 * synthetic articles (claims, incidents, sources, full-text index) and the coordination result of
 * {@code --posts} synthetic posts (the real detector over {@link SyntheticPosts} with viral bursts
 * and live-event hashtags), opens the store read-only behind a real server on loopback, then times
 * sequential GETs per endpoint after a warm-up and prints p50/p95/p99/max as a Markdown table.
 *
 * <p>Run: {@code java -Xmx6g -cp "vigil-bench/target/classes:$(cat cp.txt)" org.vigil.bench.serve.ServeBench}
 * (run it with ./bench serve; figures in docs/benchmarks.md). Target: p95 under 100 ms for /api/matrix,
 * /api/networks and /api/search.
 */
@Command(name = "serve-bench", mixinStandardHelpOptions = true,
        description = "p50/p95 latency of the dashboard API on 10,000 articles and the networks of 1M posts.")
public final class ServeBench implements Callable<Integer> {
    @Option(names = "--articles", description = "Synthetic articles to store (default: ${DEFAULT-VALUE}).")
    int articles = 10_000;

    @Option(names = "--posts", description = "Synthetic posts to run coordination over (default: ${DEFAULT-VALUE}).")
    int posts = 1_000_000;

    @Option(names = "--accounts", description = "Accounts posting them (default: ${DEFAULT-VALUE}).")
    int accounts = 50_000;

    @Option(names = "--groups", description = "Planted coordinated groups (default: ${DEFAULT-VALUE}).")
    int groups = 50;

    @Option(names = "--requests", description = "Timed requests per endpoint (default: ${DEFAULT-VALUE}).")
    int requests = 300;

    @Option(names = "--warmup", description = "Untimed requests per endpoint first (default: ${DEFAULT-VALUE}).")
    int warmup = 50;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--db", description = "Reuse (or build) the store here instead of a temporary one.")
    Path db;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path file = db != null ? db : Files.createTempDirectory("vigil-serve-bench").resolve("bench.duckdb");
        if (!Files.exists(file)) {
            load(file);
        } else {
            out.println("Reusing the store at " + file);
        }
        try (VigilStore store = VigilStore.openReadOnly(file);
             DashboardServer server = DashboardServer.start(store, ServerSettings.local(0))) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newHttpClient();
            String[] searches = {"Kremlin", "hackers campaign", "\"state media\"", "disinformation -sanctions", "Tehran trump",
                    "influence operation", "ballots voters", "Beijing", "indictment", "phishing"};
            String[] holders = {"RU", "CN", "IR", "KP"};
            String[] targets = {"trump", "harris", "biden", "clinton"};
            List<Endpoint> endpoints = List.of(
                    new Endpoint("/api/matrix", i -> "/api/matrix"),
                    new Endpoint("/api/matrix (filtered)", i -> "/api/matrix?hedged=false&disputed=false&from=" + (2016 + i % 8) + "-01-01"),
                    new Endpoint("/api/networks", i -> "/api/networks"),
                    new Endpoint("/api/networks (by size, 100)", i -> "/api/networks?sort=size&limit=100&offset=" + (i % 2) * 100),
                    new Endpoint("/api/search", i -> "/api/search?q=" + URLEncoder.encode(searches[i % searches.length], StandardCharsets.UTF_8)),
                    new Endpoint("/api/claims (one cell)", i -> "/api/claims?holder=" + holders[i % 4] + "&target=" + targets[(i / 4) % 4]),
                    new Endpoint("/api/incidents", i -> "/api/incidents?actor=" + holders[i % 4]),
                    new Endpoint("/api/overview", i -> "/api/overview"),
                    new Endpoint("/api/networks/1/graph", i -> "/api/networks/" + (1 + i % 10) + "/graph"));
            out.println();
            out.println("| endpoint | requests | p50 ms | p95 ms | p99 ms | max ms | body KiB |");
            out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (Endpoint e : endpoints) {
                for (int i = 0; i < warmup; i++) {
                    fetch(http, base + e.path().apply(i));
                }
                double[] ms = new double[requests];
                long bytes = 0;
                for (int i = 0; i < requests; i++) {
                    long t0 = System.nanoTime();
                    bytes += fetch(http, base + e.path().apply(i));
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", e.name(), requests, pct(ms, 50), pct(ms, 95), pct(ms, 99),
                        ms[ms.length - 1], bytes / 1024.0 / requests);
            }
        }
        return 0;
    }

    private record Endpoint(String name, IntFunction<String> path) {
    }

    private static double pct(double[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static long fetch(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body().length;
    }

    private void load(Path file) {
        long t0 = System.nanoTime();
        SyntheticExtractions news = new SyntheticExtractions(articles, seed);
        try (VigilStore store = VigilStore.open(file)) {
            String run = store.startRun("serve-bench");
            for (int from = 0; from < articles; from += 50) {
                List<Problem> problems = store.saveExtractions(news.batch(from, Math.min(articles, from + 50)));
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("synthetic articles failed to store: " + problems.get(0).reason());
                }
            }
            store.finishRun(run, articles, 0, 0);
            out.printf("Stored %,d synthetic articles in %.1f s.%n", articles, (System.nanoTime() - t0) / 1e9);

            long t1 = System.nanoTime();
            SyntheticPosts spec = new SyntheticPosts(posts, accounts, groups, seed, true);
            SyntheticPosts.Dataset data = spec.generate();
            CoordinationSettings settings = CoordinationSettings.defaults();
            List<Problem> problems = new ArrayList<>();
            CoordinationResult result = new InProcessCoordinationEngine().detect(data.posts(), settings, problems::add);
            CoordinationRun coordinationRun = new CoordinationRun("bench-" + seed, Instant.now(), List.of("generated:" + spec),
                    settings.method(), settings.asMap(), data.posts().size(), problems.size());
            store.write(c -> {
                new CoordinationWriter(c).write(coordinationRun, result);
                return null;
            });
            out.printf("Detected and stored %,d networks (%,d accounts, %,d edges) from %,d posts in %.1f s.%n",
                    result.networks().size(), result.accounts().size(), result.edges().size(), data.posts().size(),
                    (System.nanoTime() - t1) / 1e9);
        }
    }
}
