package org.vigil.bench.news;

import org.vigil.app.news.NewsPipeline;
import org.vigil.extract.nlp.CoreNlpAnalyzer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whole-run benchmark of news extraction (ingest + extraction, as {@code vigil extract} runs it):
 * how many articles per second once the CoreNLP models are loaded, and the peak memory.
 *
 * <p>Question: does extraction keep up with a news feed on a 2-core machine (target ≥ 10 articles/s)?
 * Inputs: the shared evaluation corpus (seeds + dev, 47 real articles) when given, and N synthetic
 * articles from {@link SyntheticNews} (seed 1). Run: {@code ./bench news [--corpus ../shared/corpus] [--generated 1000]}.
 */
public final class NewsBench {
    private NewsBench() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = null;
        int generated = 1000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--generated" -> generated = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --corpus DIR and --generated N");
            }
        }
        long t0 = System.nanoTime();
        CoreNlpAnalyzer.warmUp();
        NewsPipeline pipeline = new NewsPipeline();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        System.out.printf(Locale.ROOT, "model load: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Path tmp = Files.createTempDirectory("vigil-news-bench");
        SyntheticNews.write(tmp.resolve("warmup"), 20, 99);
        pipeline.run(tmp.resolve("warmup"), quiet);
        if (corpus != null) {
            for (String part : new String[]{"seeds", "dev"}) {
                Files.createDirectories(tmp.resolve("corpus"));
                try (var files = Files.list(corpus.resolve(part))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                        Files.copy(f, tmp.resolve("corpus").resolve(f.getFileName()));
                    }
                }
            }
            report("shared corpus (seeds + dev)", pipeline, tmp.resolve("corpus"), quiet);
        }
        if (generated > 0) {
            SyntheticNews.write(tmp.resolve("generated"), generated, 1);
            report(generated + " generated articles", pipeline, tmp.resolve("generated"), quiet);
        }
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks): %d MiB; peak RSS: %s%n", heapPeak >> 20, peakRss());
    }

    private static void report(String what, NewsPipeline pipeline, Path dir, PrintStream quiet) {
        long t = System.nanoTime();
        NewsPipeline.Result r = pipeline.run(dir, quiet);
        double s = (System.nanoTime() - t) / 1e9;
        int n = r.batch().articles().size();
        System.out.printf(Locale.ROOT, "%s: %d articles in %.1f s = %.1f articles/s (%d claims, %d incidents)%n",
                what, n, s, n / s, r.claims(), r.incidents());
    }

    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }
}
