package org.vigil.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.vigil.coordination.CoordinationEngine;
import org.vigil.coordination.CoordinationSession;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.CoordinationStages;
import org.vigil.coordination.NetworkStage;
import org.vigil.coordination.ProgressListener;
import org.vigil.coordination.characterise.CandidateLexicon;
import org.vigil.coordination.characterise.StateMediaRegistry;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;
import org.vigil.model.Problem;
import org.vigil.model.VigilException;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The coordination stages as a Flink DataStream job on an in-process MiniCluster ("flink"): posts accepted
 * by the session are spilled to a file in the session's folder; {@link CoordinationSession#finish()} runs the
 * job over it (features and per-object detection at {@code flink.parallelism}) and concludes in this JVM
 * with the {@link NetworkStage} that saw every post in input order. Results are those of the in-process
 * engine. Settings of the job itself: {@link FlinkSettings}, from {@code -Dvigil.flink.*} properties.
 */
public final class FlinkCoordinationEngine implements CoordinationEngine {
    private final StateMediaRegistry registry;
    private final CandidateLexicon lexicon;
    private final FlinkSettings flink;

    /** The engine ServiceLoader makes: bundled reference lists, job settings from system properties. */
    public FlinkCoordinationEngine() {
        this(StateMediaRegistry.bundled(), CandidateLexicon.bundled(), null);
    }

    private FlinkCoordinationEngine(StateMediaRegistry registry, CandidateLexicon lexicon, FlinkSettings flink) {
        this.registry = registry;
        this.lexicon = lexicon;
        this.flink = flink;
    }

    /** This engine with the job settings {@code flink} instead of those from system properties. */
    public FlinkCoordinationEngine withFlinkSettings(FlinkSettings flink) {
        return new FlinkCoordinationEngine(registry, lexicon, flink);
    }

    @Override
    public String name() {
        return "flink";
    }

    @Override
    public CoordinationEngine withReferenceData(StateMediaRegistry registry, CandidateLexicon lexicon) {
        return new FlinkCoordinationEngine(registry, lexicon, flink);
    }

    @Override
    public CoordinationSession start(CoordinationSettings settings, Consumer<Problem> quarantine, ProgressListener progress) {
        if (!settings.method().equals("vigil")) {
            throw new IllegalArgumentException("the flink engine runs method 'vigil' only, not '" + settings.method()
                    + "'; use the in-process engine (--engine in-process) for it");
        }
        FlinkSettings job = flink != null ? flink : FlinkSettings.fromSystemProperties();
        if (job.reportSeconds() > 0) {
            throw new IllegalArgumentException("vigil coordinate makes one report for its whole input; flink.report.seconds (a report"
                    + " per period) is for the job jar, org.vigil.flink.CoordinationJob; run one coordinate per period instead");
        }
        return new Session(settings, job, quarantine, progress);
    }

    private final class Session implements CoordinationSession {
        private final CoordinationSettings settings;
        private final FlinkSettings flink;
        private final Consumer<Problem> quarantine;
        private final ProgressListener progress;
        private final Path folder;
        private final Path spill;
        private final DataOutputStream out;
        private final NetworkStage network;
        private long accepted;
        private boolean finished;
        private volatile boolean cancelled;
        private volatile JobClient job;
        /** Removes the spill folder when the JVM exits with the session still open (Ctrl-C, a kill, System.exit). */
        private final Thread cleanup;

        Session(CoordinationSettings settings, FlinkSettings flink, Consumer<Problem> quarantine, ProgressListener progress) {
            CoordinationStages stages = new CoordinationStages(settings); // fails fast on the coortweet method
            this.settings = settings;
            this.flink = flink;
            this.quarantine = quarantine;
            this.progress = progress;
            Path parent = settings.spillDir().isEmpty() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(settings.spillDir());
            try {
                Files.createDirectories(parent);
                this.folder = Files.createTempDirectory(parent, "vigil-flink-");
                this.spill = folder.resolve("posts.bin");
                this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16));
            } catch (IOException e) {
                throw new VigilException("cannot create the Flink engine's spill folder in " + parent + ": " + e.getMessage()
                        + "; set coordination.spill.dir to a writable folder", e);
            }
            this.network = stages.networkStage(registry, lexicon, folder);
            this.cleanup = new Thread(() -> {
                try {
                    deleteTree(folder);
                } catch (IOException | RuntimeException e) {
                    // the JVM is going; nothing left to tell
                }
            }, "vigil-flink-spill-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
        }

        @Override
        public void accept(Post post) {
            if (cancelled) {
                throw new CancellationException("the coordination run was cancelled");
            }
            if (finished) {
                throw new IllegalStateException("this coordination session has finished; start a new one");
            }
            if (CoordinationStages.unattributed(post)) {
                quarantine.accept(CoordinationStages.unattributedProblem(post));
                return;
            }
            try {
                PostCodec.write(out, SequencedPost.of(post, accepted));
            } catch (IOException e) {
                throw new VigilException("cannot spill posts to " + spill + ": " + e.getMessage()
                        + "; free disk space or set coordination.spill.dir", e);
            }
            network.post(post);
            accepted++;
        }

        @Override
        public CoordinationResult finish() {
            if (finished) {
                throw new IllegalStateException("finish() was already called on this session");
            }
            finished = true;
            try {
                out.close();
                progress.progress("shares", accepted, accepted);
                long t0 = System.nanoTime();
                long tallies = accepted == 0 ? 0 : runJob();
                long t1 = System.nanoTime();
                if (cancelled) {
                    throw new CancellationException("the coordination run was cancelled");
                }
                CoordinationResult r = network.finish();
                Map<String, Long> stats = new TreeMap<>(r.stats());
                stats.put("flink.parallelism", (long) flink.effectiveParallelism());
                stats.put("flink.tallies", tallies);
                stats.put("millis.flink.job", (t1 - t0) / 1_000_000);
                return new CoordinationResult(r.accounts(), r.networks(), r.edges(), stats);
            } catch (IOException e) {
                throw new VigilException("cannot finish the spill file " + spill + ": " + e.getMessage(), e);
            } finally {
                release();
            }
        }

        private long runJob() {
            Configuration conf = CoordinationPipeline.configure(new Configuration(), flink);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(flink.effectiveParallelism(), conf);
            CoordinationPipeline.configure(env, flink);
            DataGeneratorSource<SequencedPost> source = new DataGeneratorSource<>(new SpilledPosts(spill), accepted,
                    TypeInformation.of(SequencedPost.class));
            DataStream<SequencedPost> posts = env.fromSource(source, CoordinationPipeline.watermarks(flink), "spilled posts")
                    .setParallelism(1);
            DataStream<Tally> tallies = CoordinationPipeline.tallies(posts, settings.asMap(), flink);
            long n = 0;
            java.util.Set<String> late = new java.util.HashSet<>(); // one line per post, not per share
            CoordinationKind[] kinds = CoordinationKind.values();
            progress.progress("flink job", 0, 0);
            try (CloseableIterator<Tally> it = tallies.collectAsync()) {
                job = env.executeAsync("vigil coordinate");
                if (cancelled) {
                    job.cancel();
                }
                while (it.hasNext()) {
                    Tally t = it.next();
                    n++;
                    if (!t.feed(network, kinds) && late.add(t.a)) {
                        quarantine.accept(new Problem(t.a, 0, t.b, ""));
                    }
                }
                job.getJobExecutionResult().get();
            } catch (Exception e) {
                if (cancelled) {
                    throw new CancellationException("the coordination run was cancelled");
                }
                if (e instanceof VigilException ve) {
                    throw ve;
                }
                throw new VigilException("the Flink job failed: " + rootMessage(e)
                        + (rootMessage(e).contains("OutOfMemoryError") ? "; give the JVM more memory (VIGIL_JAVA_OPTS=-Xmx12g)"
                        + " or keep the job's state on disk (-Dvigil.flink.state.backend=rocksdb)" : ""), e);
            }
            return n;
        }

        @Override
        public void cancel() {
            cancelled = true;
            JobClient j = job;
            if (j != null) {
                j.cancel();
            }
        }

        @Override
        public void close() {
            if (!finished) {
                finished = true;
                cancelled = true;
                try {
                    out.close();
                } catch (IOException e) {
                    // the folder goes anyway
                }
            }
            release();
        }

        private void release() {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // already shutting down: the hook removes the folder
            }
            network.close();
            try {
                deleteTree(folder);
            } catch (IOException e) {
                throw new VigilException("cannot remove the spill folder " + folder + ": " + e.getMessage(), e);
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }
}
