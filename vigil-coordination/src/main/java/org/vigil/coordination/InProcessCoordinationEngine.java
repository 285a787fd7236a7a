package org.vigil.coordination;

import org.vigil.coordination.characterise.CandidateLexicon;
import org.vigil.coordination.characterise.StateMediaRegistry;
import org.vigil.coordination.detect.ShareExtractor;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;
import org.vigil.model.Problem;
import org.vigil.model.VigilException;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs everything in this JVM. While posts arrive, a second thread turns them into shares (URL and text
 * normalisation, MinHash), so reading and extraction overlap on two cores; at {@link CoordinationSession#finish()}
 * the detectors run on a pool of {@code coordination.threads} threads, one object at a time.
 *
 * <p>Which thread makes a post's features is decided batch by batch from the hand-over queue's length: when
 * the filing thread falls behind (the queue fills) the reading thread makes and signs the features itself;
 * when the filing thread waits (the queue is nearly empty) posts go over raw and it makes them. The features
 * are the same whoever makes them, so the result does not depend on the split, only the time does: a fixed
 * split was right for one machine and load, and the reading thread's share (parsing) differs by format.
 */
public final class InProcessCoordinationEngine implements CoordinationEngine {
    private static final int BATCH = 2048;
    private static final int QUEUE = 16;
    /** Queue lengths (batches waiting) at which the reading thread starts making, then also signing, features. */
    private static final int MAKE_AT = 2;
    private static final int SIGN_AT = 8;
    private final StateMediaRegistry registry;
    private final CandidateLexicon lexicon;

    public InProcessCoordinationEngine() {
        this(StateMediaRegistry.bundled(), CandidateLexicon.bundled());
    }

    public InProcessCoordinationEngine(StateMediaRegistry registry, CandidateLexicon lexicon) {
        this.registry = registry;
        this.lexicon = lexicon;
    }

    @Override
    public CoordinationEngine withReferenceData(StateMediaRegistry registry, CandidateLexicon lexicon) {
        return new InProcessCoordinationEngine(registry, lexicon);
    }

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public CoordinationSession start(CoordinationSettings settings, Consumer<Problem> quarantine, ProgressListener progress) {
        return new Session(settings, quarantine, progress);
    }

    private final class Session implements CoordinationSession {
        private final CoordinationSettings settings;
        private final Consumer<Problem> quarantine;
        private final ProgressListener progress;
        private final ShareExtractor extractor;
        private final SlicedRun sliced;
        private final BlockingQueue<Object[]> queue;
        private final org.vigil.coordination.detect.PostFeatures.Maker maker;
        private final Thread worker;
        private volatile Throwable failure;
        private long blockedNanos;
        private volatile long idleNanos;
        private volatile long busyNanos;
        private Object[] batch = new Object[BATCH];
        private int fill;
        /** For the batch being filled: 0 hand posts over raw, 1 make features, 2 make and sign them. */
        private int mode;
        private final long[] postsByMode = new long[3];
        private long accepted;
        private boolean finished;
        private volatile boolean cancelled;

        Session(CoordinationSettings settings, Consumer<Problem> quarantine, ProgressListener listener) {
            this.settings = settings;
            this.quarantine = quarantine;
            // every stage and slice reports progress: where a cancelled run stops
            ProgressListener progress = (stage, done, total) -> {
                if (cancelled) {
                    throw new CancellationException("the coordination run was cancelled (at " + stage + ")");
                }
                listener.progress(stage, done, total);
            };
            this.progress = progress;
            boolean bounded = settings.sliceSeconds() > 0 && settings.method().equals("vigil");
            this.extractor = bounded ? null : new ShareExtractor(settings);
            this.sliced = bounded ? new SlicedRun(settings, new SurpriseMethod(settings, progress, registry, lexicon), progress) : null;
            // the reading thread makes features (normalising, hashing, MinHash) when the worker that files them is
            // the slower one; it never signs on its own account, mode 2 asks for that explicitly
            this.maker = extractor == null ? null : new org.vigil.coordination.detect.PostFeatures.Maker(settings, extractor.hasher(), 0);
            if (settings.effectiveThreads() >= 2) {
                queue = new ArrayBlockingQueue<>(QUEUE);
                worker = new Thread(this::drain, "vigil-share-extractor");
                worker.setDaemon(true);
                worker.start();
            } else {
                queue = null;
                worker = null;
            }
        }

        private void drain() {
            try {
                while (true) {
                    long t0 = System.nanoTime();
                    Object[] b = queue.take();
                    long t1 = System.nanoTime();
                    idleNanos += t1 - t0;
                    if (b.length == 0) {
                        return;
                    }
                    for (Object o : b) {
                        if (o == null) {
                            break;
                        }
                        if (o instanceof org.vigil.coordination.detect.PostFeatures f) {
                            extractor.accept(f);
                        } else {
                            take((Post) o);
                        }
                    }
                    busyNanos += System.nanoTime() - t1;
                }
            } catch (Throwable t) {
                failure = t;
                queue.clear();
            }
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
            accepted++;
            if (worker == null) {
                take(post);
                return;
            }
            if (fill == 0 && maker != null) {
                int waiting = queue.size();
                mode = waiting >= SIGN_AT ? 2 : waiting >= MAKE_AT ? 1 : 0;
            }
            postsByMode[mode]++;
            if (mode == 0) {
                batch[fill++] = post;
            } else {
                org.vigil.coordination.detect.PostFeatures f = maker.make(post);
                if (mode == 2) {
                    maker.sign(f);
                }
                batch[fill++] = f;
            }
            if (fill == BATCH) {
                hand(batch);
                batch = new Object[BATCH];
                fill = 0;
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void close() {
            if (finished) {
                return;
            }
            finished = true;
            cancelled = true;
            if (worker != null) {
                // the worker may be filing a batch into the spill; wait until it stops before the spill is closed
                worker.interrupt();
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (sliced != null) {
                sliced.close();
            }
        }

        private void take(Post p) {
            if (sliced != null) {
                sliced.accept(p);
            } else {
                extractor.accept(p);
            }
        }

        private void hand(Object[] b) {
            if (failure != null) {
                throw new VigilException("share extraction failed: " + failure, failure);
            }
            long t0 = System.nanoTime();
            try {
                while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (failure != null || !worker.isAlive()) {
                        throw new VigilException("share extraction stopped: " + failure, failure);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VigilException("interrupted while handing posts to the share extractor", e);
            } finally {
                blockedNanos += System.nanoTime() - t0;
            }
        }

        @Override
        public CoordinationResult finish() {
            if (finished) {
                throw new IllegalStateException("finish() was already called on this session");
            }
            finished = true;
            if (worker != null) {
                if (fill > 0) {
                    hand(batch);
                }
                hand(new Object[0]);
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new VigilException("interrupted while waiting for share extraction", e);
                }
                if (failure != null) {
                    throw new VigilException("share extraction failed: " + failure, failure);
                }
            }
            progress.progress("shares", accepted, accepted);
            CoordinationResult r;
            if (sliced != null) {
                r = sliced.finish();
            } else if (settings.method().equals("coortweet")) {
                r = new CoortweetMethod(settings, progress).run(extractor);
            } else {
                r = new SurpriseMethod(settings, progress, registry, lexicon).run(extractor);
            }
            if (worker == null) {
                return r;
            }
            // where the two ingest threads waited: tells whether reading or extraction bounds the intake
            java.util.Map<String, Long> stats = new java.util.TreeMap<>(r.stats());
            stats.put("millis.ingest.reader.blocked", blockedNanos / 1_000_000);
            stats.put("millis.ingest.extractor.idle", idleNanos / 1_000_000);
            stats.put("millis.ingest.extractor.busy", busyNanos / 1_000_000);
            if (maker != null) {
                stats.put("posts.ingest.made.by.reader", postsByMode[1] + postsByMode[2]);
                stats.put("posts.ingest.signed.by.reader", postsByMode[2]);
            }
            return new CoordinationResult(r.accounts(), r.networks(), r.edges(), stats);
        }
    }
}
