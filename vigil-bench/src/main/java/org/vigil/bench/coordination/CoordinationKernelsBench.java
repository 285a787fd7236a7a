package org.vigil.bench.coordination;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.vigil.coordination.community.Louvain;
import org.vigil.coordination.detect.MinHasher;
import org.vigil.coordination.detect.ObjectShares;
import org.vigil.coordination.detect.ShareTable;
import org.vigil.coordination.detect.TextTokens;
import org.vigil.coordination.detect.UrlNormalizer;
import org.vigil.coordination.detect.WindowedCoActionDetector;
import org.vigil.model.CoordinationKind;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of the coordination kernels, each on a seeded input shaped like the 1M-post synthetic set.
 * <ul>
 * <li>{@code burst}: one object shared {@code burstSize} times within a minute (a viral retweet burst):
 * does the per-share partner cap keep the cost linear? (ns per share)</li>
 * <li>{@code groupObjects}: grouping 1M shares by object key, 80% of them singletons (as LSH buckets are).</li>
 * <li>{@code minhash}: tokenising and signing one 15-word tweet (8 bands x 3 rows).</li>
 * <li>{@code normaliseUrl}: one URL with tracking parameters.</li>
 * <li>{@code louvain}: 40 planted cliques of 10-50 accounts plus 20,000 random weak edges.</li>
 * </ul>
 * Run: {@code java -cp vigil-bench/target/classes:$(cat vigil-app/target/classpath.txt) org.openjdk.jmh.Main CoordinationKernelsBench}
 * (add {@code -f 1 -wi 2 -i 3} for a quick look).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoordinationKernelsBench {
    /** One burst object per size, so only {@code burst} runs once per size. */
    @State(Scope.Thread)
    public static class Burst {
        @Param({"1000", "10000", "100000"})
        int burstSize;
        ObjectShares shares;
        WindowedCoActionDetector detector;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom r = new SplittableRandom(42);
            int[] accounts = new int[burstSize];
            long[] times = new long[burstSize];
            for (int i = 0; i < burstSize; i++) {
                accounts[i] = r.nextInt(50_000);
                times[i] = 1_727_740_800L + (long) (60.0 * i / burstSize);
            }
            shares = ObjectShares.of(7L, accounts, times, null);
            detector = new WindowedCoActionDetector(CoordinationKind.CO_RETWEET, 60, 64, null);
        }
    }

    private ShareTable table;
    private MinHasher hasher;
    private TextTokens tokens;
    private int[] signature;
    private long[] scratch = new long[128];
    private String tweet;
    private int n;
    private int[] ea;
    private int[] eb;
    private double[] ew;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        table = new ShareTable(CoordinationKind.CO_LINK);
        for (int i = 0; i < 1_000_000; i++) {
            long key = r.nextInt(5) == 0 ? r.nextInt(40_000) * 0x9e3779b97f4a7c15L : r.nextLong();
            table.add(key, r.nextInt(50_000), 1_727_740_800L + i, i);
        }
        hasher = new MinHasher(8, 3, 42);
        tokens = new TextTokens();
        signature = new int[hasher.length()];
        tweet = "w12 w3 w0 w871 w45 w2 w1 w19 w300 w4 w77 w5 w1200 w8 w61 https://news3.example/a/3 #tag4";
        List<int[]> edges = new ArrayList<>();
        int node = 0;
        for (int g = 0; g < 40; g++) {
            int size = 10 + r.nextInt(41);
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    if (r.nextDouble() < 0.8) {
                        edges.add(new int[]{node + i, node + j, 20 + r.nextInt(30)});
                    }
                }
            }
            node += size;
        }
        for (int e = 0; e < 20_000; e++) {
            edges.add(new int[]{r.nextInt(node + 5000), r.nextInt(node + 5000), 9});
        }
        edges.removeIf(e -> e[0] == e[1]);
        n = node + 5000;
        ea = edges.stream().mapToInt(e -> e[0]).toArray();
        eb = edges.stream().mapToInt(e -> e[1]).toArray();
        ew = edges.stream().mapToDouble(e -> e[2]).toArray();
    }

    @Benchmark
    public long burst(Burst b) {
        long[] count = {0};
        b.detector.detect(b.shares, (x, y, ta, tb, ra, rb) -> count[0]++);
        return count[0];
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int groupObjects() {
        return table.objects().count();
    }

    @Benchmark
    public int minhash() {
        tokens.tokenize(tweet);
        scratch = hasher.signature(tokens.hashes(), tokens.count(), signature, 0, scratch); // as PostFeatures calls it
        return signature[0];
    }

    @Benchmark
    public String normaliseUrl() {
        return UrlNormalizer.normalize("HTTP://www.Example.com:80/news/story-123/?utm_source=tw&id=9&fbclid=XYZ#comments");
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void louvain(Blackhole bh) {
        bh.consume(Louvain.communities(n, ea, eb, ew, 1.0, 42));
    }
}
