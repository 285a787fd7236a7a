package org.vigil.flink;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.vigil.ingest.posts.PostReaders;
import org.vigil.model.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Posts from files in any format Vigil reads ({@link PostReaders}), file after file in the order given,
 * bad records included (as records to quarantine, with file and line). Record {@code i} is the
 * {@code i}-th record read, so a restored job reads again and skips to where it stopped.
 */
final class InputFilePosts implements GeneratorFunction<Long, SequencedPost> {
    private static final SequencedPost END = new SequencedPost();
    private final List<String> files;
    private transient BlockingQueue<SequencedPost> queue;
    private transient Thread reader;
    private transient long next;

    InputFilePosts(List<Path> files) {
        this.files = files.stream().map(Path::toString).toList();
    }

    /** How many records (good and bad) the files hold: the source's length. */
    static long count(List<Path> files) {
        long[] n = new long[1];
        for (Path f : files) {
            PostReaders.read(f, null, p -> n[0]++, p -> n[0]++);
        }
        return n[0];
    }

    @Override
    public void open(SourceReaderContext context) {
        start();
    }

    private void start() {
        stop();
        BlockingQueue<SequencedPost> q = new ArrayBlockingQueue<>(4096);
        queue = q;
        next = 0;
        reader = new Thread(() -> {
            long[] ordinal = new long[1];
            try {
                for (String f : files) {
                    PostReaders.read(Path.of(f), null, p -> put(q, SequencedPost.of(p, ordinal[0]++)),
                            (Problem p) -> put(q, SequencedPost.bad(ordinal[0]++, p.origin(), p.line(), p.reason(),
                                    p.raw())));
                }
            } catch (RuntimeException e) {
                put(q, SequencedPost.bad(ordinal[0]++, "input", "reading stopped: " + e.getMessage(), ""));
            }
            put(q, END);
        }, "vigil-post-files");
        reader.setDaemon(true);
        reader.start();
    }

    private static void put(BlockingQueue<SequencedPost> q, SequencedPost p) {
        try {
            q.put(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("post reading interrupted", e);
        }
    }

    @Override
    public SequencedPost map(Long index) throws Exception {
        if (index < next) {
            start();
        }
        while (true) {
            SequencedPost p = queue.take();
            if (p == END) {
                throw new IllegalStateException("the input files hold fewer records than when they were counted; do not change them while the job runs");
            }
            if (next++ == index) {
                return p;
            }
        }
    }

    private void stop() {
        if (reader != null) {
            reader.interrupt();
            reader = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
