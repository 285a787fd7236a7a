package org.vigil.bench.coordination;

import org.vigil.coordination.CoordinationSession;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.CoordinationEngines;
import org.vigil.coordination.ProgressListener;
import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.ingest.posts.PostReaders;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whole-run benchmark of coordination detection: read (or generate) posts, run all five detectors,
 * score, find networks, characterise; prints wall time per stage and the peak heap.
 *
 * <p>Question: do ingest plus all five networks on 1M posts fit in 10 s and 2 GB on 2 cores? The
 * process-level figure that the acceptance asks for is taken with
 * {@code /usr/bin/time -f "%e s %M KB" ./vigil coordinate --input posts_qut.csv --output out}; this class
 * splits the same work into stages, in one JVM, with the launcher's flags (-Xmx4g -XX:+UseParallelGC).
 * Input: a post file in any format Vigil reads ({@code --input FILE}), or {@code --generate N} posts from
 * {@link SyntheticPosts} (seed 42, hard background). {@code --engine flink --parallelism N} runs the Flink engine's
 * MiniCluster job instead of the in-process engine (issue 12). Run:
 * {@code java -Xmx4g -XX:+UseParallelGC -cp vigil-bench/target/classes:$(cat vigil-app/target/classpath.txt) org.vigil.bench.coordination.CoordinationRunBench --input /tmp/vigil-synth1m-42/posts_qut.csv}
 */
public final class CoordinationRunBench {
    private CoordinationRunBench() {
    }

    public static void main(String[] args) {
        Path input = null;
        int generate = 0;
        int repeat = 1;
        String engine = "in-process";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(args[++i]);
                case "--generate" -> generate = Integer.parseInt(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--engine" -> engine = args[++i];
                // the Flink engine reads its job settings from vigil.flink.* properties
                case "--parallelism" -> System.setProperty("vigil.flink.parallelism", args[++i]);
                case "--state-backend" -> System.setProperty("vigil.flink.state.backend", args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --input FILE | --generate N, --repeat K, --engine NAME, --parallelism N, --state-backend hashmap|rocksdb");
            }
        }
        if (input == null && generate == 0) {
            throw new IllegalArgumentException("give --input FILE or --generate N");
        }
        List<Post> generated = generate > 0 ? new SyntheticPosts(generate, Math.max(100, generate / 20), 40, 42, true).generate().posts() : null;
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            CoordinationSession s = CoordinationEngines.named(engine).start(CoordinationSettings.defaults(), p -> { }, ProgressListener.NONE);
            if (generated != null) {
                generated.forEach(s);
            } else {
                PostReaders.read(input, null, s, p -> { });
            }
            long t1 = System.nanoTime();
            CoordinationResult result = s.finish();
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "engine %s, %d posts, %.0f posts/s%n", engine, result.stats().getOrDefault("posts", 0L),
                    result.stats().getOrDefault("posts", 0L) / ((t2 - t0) / 1e9));
            System.out.printf(Locale.ROOT, "run %d: read+extract %.2f s, detect..characterise %.2f s, total %.2f s; %d networks, %d accounts%n",
                    r + 1, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, result.networks().size(), result.accounts().size());
            for (Map.Entry<String, Long> e : new TreeMap<>(result.stats()).entrySet()) {
                if (e.getKey().startsWith("millis.")) {
                    System.out.printf(Locale.ROOT, "  %-32s %6d ms%n", e.getKey().substring(7), e.getValue());
                }
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks): %d MB%n", peak >> 20);
    }
}
