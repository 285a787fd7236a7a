package org.vigil.bench.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.vigil.ingest.posts.PostFormat;
import org.vigil.ingest.posts.PostReaders;

/**
 * How long does the QUT CSV reader take to turn a file into posts, apart from detection (ms per file)?
 * The input is written once per trial from seed 42 in the shape of {@code gen_synth.py}'s
 * {@code posts_qut.csv}: 50,000 accounts, a message of 8-25 words with a link in a third of the rows
 * and hashtags in a fifth, one row in five a retweet, epoch-second times; {@code nonAscii} puts an
 * accented word and an emoji into every tenth message (the reader's slower path for a record).
 * Run: {@code ./bench jmh PostReadBench -f 1 -wi 5 -i 5} (the file stays in the page cache, so this
 * times parsing, not the disk).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class PostReadBench {
    @Param({"200000"})
    int rows;

    @Param({"false", "true"})
    boolean nonAscii;

    Path file;

    @Setup(Level.Trial)
    public void write() throws IOException {
        file = Files.createTempFile("vigil-read-bench", ".csv");
        SplittableRandom r = new SplittableRandom(42);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n");
            long time = 1_727_740_800L;
            for (int i = 0; i < rows; i++) {
                int account = r.nextInt(50_000);
                time += r.nextInt(6);
                StringBuilder text = new StringBuilder();
                int words = 8 + r.nextInt(18);
                for (int k = 0; k < words; k++) {
                    text.append(k == 0 ? "" : " ").append('w').append(r.nextInt(5_000));
                }
                if (nonAscii && i % 10 == 0) {
                    text.append(" déjà vu 😀");
                }
                String url = r.nextInt(3) == 0 ? "https://news" + r.nextInt(300) + ".example/a/" + r.nextInt(100_000) : "";
                if (!url.isEmpty()) {
                    text.append(' ').append(url);
                }
                if (r.nextInt(5) == 0) {
                    text.append(" #tag").append(r.nextInt(20)).append(" #tag").append(r.nextInt(20));
                }
                String repost = r.nextInt(5) == 0 ? Integer.toString(r.nextInt(i + 1)) : "";
                w.write(i + "," + account + ",user_" + account + "," + repost + ",," + text + "," + time + "," + url + "\n");
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public long read(Blackhole bh) {
        return PostReaders.read(file, PostFormat.QUT_CSV, bh::consume, p -> {
            throw new UncheckedIOException(new IOException("unexpected bad row: " + p));
        }).ok();
    }
}
