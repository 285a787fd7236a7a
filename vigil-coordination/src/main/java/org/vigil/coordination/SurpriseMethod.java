package org.vigil.coordination;

import org.vigil.coordination.characterise.CandidateLexicon;
import org.vigil.coordination.characterise.NetworkCharacteriser;
import org.vigil.coordination.characterise.StateMediaRegistry;
import org.vigil.coordination.community.Louvain;
import org.vigil.coordination.detect.AccountBook;
import org.vigil.coordination.detect.MinHasher;
import org.vigil.coordination.detect.NearDuplicateCheck;
import org.vigil.coordination.detect.ObjectCoActions;
import org.vigil.coordination.detect.ObjectShares;
import org.vigil.coordination.detect.PairCheck;
import org.vigil.coordination.detect.SignatureTable;
import org.vigil.coordination.detect.ShareExtractor;
import org.vigil.coordination.detect.ShareTable;
import org.vigil.coordination.score.BackgroundCounts;
import org.vigil.coordination.score.CoActionCounts;
import org.vigil.coordination.score.PairSignificance;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;
import org.vigil.model.VigilException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Vigil's method: windowed co-actions per kind (bounded per share), a per-pair significance test against
 * an activity null model, Louvain on the significant pairs, then networks with evidence. See
 * {@link PairSignificance} for the test and docs/coordination.md for the reasoning. Detection can be fed
 * in slices ({@link #detectAll} with a count-from time); scoring and communities run once at the end.
 */
final class SurpriseMethod {
    private final CoordinationSettings settings;
    private final ProgressListener progress;
    private final StateMediaRegistry registry;
    private final CandidateLexicon lexicon;

    SurpriseMethod(CoordinationSettings settings, ProgressListener progress, StateMediaRegistry registry, CandidateLexicon lexicon) {
        this.settings = settings;
        this.progress = progress;
        this.registry = registry;
        this.lexicon = lexicon;
    }

    NetworkCharacteriser characteriser() {
        return new NetworkCharacteriser(registry, lexicon, settings.evidenceTop());
    }

    /** The in-memory run: every share is in {@code x}. */
    CoordinationResult run(ShareExtractor x) {
        Map<String, Long> stats = new ConcurrentHashMap<>();
        Map<CoordinationKind, CoActionCounts> counts = newCounts(x.accounts(), null);
        Map<CoordinationKind, BackgroundCounts> background = newBackground(x.accounts(), x.granularity());
        detectAll(x, counts, background, Long.MIN_VALUE, stats, true);
        return conclude(x.book(), counts, background, stats, networkOf -> characteriser().characterise(x, networkOf, count(networkOf)));
    }

    /** Fresh counts per enabled kind; with a spill folder they spill and keep only pairs that may become edges. */
    Map<CoordinationKind, CoActionCounts> newCounts(int accounts, Path spillDir) {
        Map<CoordinationKind, CoActionCounts> m = new EnumMap<>(CoordinationKind.class);
        for (CoordinationKind k : settings.kinds()) {
            m.put(k, spillDir == null ? new CoActionCounts(accounts)
                    : new CoActionCounts(accounts, settings.pairsBuffer(), settings.minCoActions(), spillDir.resolve(k.key())));
        }
        return m;
    }

    /**
     * Fresh background counts per enabled kind (none when the exclusivity test is off). {@code granularity}: the
     * timestamps' resolution in seconds, so that the band's width is counted in the instants data can hold.
     */
    Map<CoordinationKind, BackgroundCounts> newBackground(int accounts, long granularity) {
        Map<CoordinationKind, BackgroundCounts> m = new EnumMap<>(CoordinationKind.class);
        if (settings.minActs() == 0) {
            return m;
        }
        long g = Math.max(1, granularity);
        long window = settings.windowSeconds();
        long instantsInWindow = window / g + 1;
        long instantsInBand = Math.floorDiv(lagTo(), g) - Math.floorDiv(lagFrom() + g - 1, g) + 1;
        int bandWindows = (int) Math.max(1, Math.round((double) instantsInBand / instantsInWindow));
        for (CoordinationKind k : settings.kinds()) {
            m.put(k, new BackgroundCounts(accounts, bandWindows));
        }
        return m;
    }

    /** How much of the previous slice a slice must see: the co-action window, and the background's horizon. */
    long history() {
        return settings.minActs() == 0 ? settings.windowSeconds() : Math.max(settings.windowSeconds(), lagTo());
    }

    /**
     * The per-object detection stage of {@code kind}, as this method runs it; {@code signatures} are the texts'
     * MinHash signatures that co-similar-text shares refer to (unused by the other kinds).
     */
    ObjectCoActions objectStage(CoordinationKind kind, MinHasher hasher, SignatureTable signatures) {
        PairCheck check = kind == CoordinationKind.CO_SIMILAR_TEXT ? new NearDuplicateCheck(hasher, signatures, settings.similarity()) : null;
        return new ObjectCoActions(kind, settings.windowSeconds(), settings.maxPartners(), check, lagFrom(),
                settings.minActs() == 0 ? 0 : lagTo());
    }

    private long lagFrom() {
        return Math.max(1, settings.backgroundFrom() * settings.windowSeconds());
    }

    private long lagTo() {
        return Math.max(lagFrom(), settings.backgroundTo() * settings.windowSeconds());
    }

    /**
     * Runs every enabled detector over the shares in {@code x}, adding co-actions whose later share is at or
     * after {@code countFrom} (earlier ones belong to the previous slice) to {@code counts}, and the lagged
     * co-occurrences of exclusive objects to {@code background}.
     */
    void detectAll(ShareExtractor x, Map<CoordinationKind, CoActionCounts> counts, Map<CoordinationKind, BackgroundCounts> background,
                   long countFrom, Map<String, Long> stats) {
        detectAll(x, counts, background, countFrom, stats, false);
    }

    /**
     * As above; with {@code last} true (no slice follows) each kind's counts are also sealed on the detector's
     * thread, so the sorting that scoring needs runs while the other kinds are still being detected.
     */
    void detectAll(ShareExtractor x, Map<CoordinationKind, CoActionCounts> counts, Map<CoordinationKind, BackgroundCounts> background,
                   long countFrom, Map<String, Long> stats, boolean last) {
        List<CoordinationKind> kinds = new ArrayList<>(counts.keySet());
        kinds.sort(Comparator.comparingInt((CoordinationKind k) -> -x.table(k).size()).thenComparing(Enum::ordinal));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(kinds.size(), settings.effectiveThreads()), r -> {
            Thread t = new Thread(r, "vigil-detector");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (CoordinationKind kind : kinds) {
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    detect(x, kind, counts.get(kind), background.get(kind), countFrom, stats);
                    stats.merge("millis.detect." + kind.key(), (System.nanoTime() - t0) / 1_000_000, Long::sum);
                    if (last) {
                        long t1 = System.nanoTime();
                        counts.get(kind).seal();
                        if (background.get(kind) != null) {
                            background.get(kind).seal();
                        }
                        stats.merge("millis.seal." + kind.key(), (System.nanoTime() - t1) / 1_000_000, Long::sum);
                    }
                    progress.progress("detect " + kind.key(), 0, 0);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VigilException("interrupted while detecting co-actions", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new VigilException("co-action detection failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private void detect(ShareExtractor x, CoordinationKind kind, CoActionCounts pc, BackgroundCounts bg, long countFrom,
                        Map<String, Long> stats) {
        ShareTable table = x.table(kind);
        long t0 = System.nanoTime();
        ShareTable.Groups groups = table.objects();
        stats.merge("millis.group." + kind.key(), (System.nanoTime() - t0) / 1_000_000, Long::sum);
        stats.merge("shares." + kind.key(), (long) table.size(), Long::sum);
        stats.merge("objects." + kind.key(), (long) groups.count(), Long::sum);
        ObjectCoActions stage = objectStage(kind, x.hasher(), x.signatures());
        ObjectShares scratch = new ObjectShares();
        long[] sampled = new long[1];
        ObjectCoActions.Sink sink = new ObjectCoActions.Sink() {
            @Override
            public void coAction(int a, int b, int level) {
                pc.add(a, b, level);
            }

            @Override
            public void background(int a, int b, int level) {
                bg.add(a, b, level);
                sampled[0]++;
            }
        };
        for (int g = 0; g < groups.count(); g++) {
            table.load(groups, g, scratch);
            stage.detect(scratch, countFrom, sink);
        }
        stats.merge("background." + kind.key(), sampled[0], Long::sum);
    }

    /** Scores the pairs, finds communities and describes the networks ({@code describe} gets networkOf per account). */
    CoordinationResult conclude(AccountBook book, Map<CoordinationKind, CoActionCounts> counts,
                                Map<CoordinationKind, BackgroundCounts> background, Map<String, Long> stats,
                                Function<int[], List<NetworkCharacteriser.Characterisation>> describe) {
        long t0 = System.nanoTime();
        progress.progress("score", 0, 0);
        PairSignificance.Outcome outcome = PairSignificance.edges(counts, background, settings.minCoActions(), settings.alpha(),
                settings.minActs() == 0 ? null : new PairSignificance.Exclusivity(settings.minActs(), settings.minBackground()));
        stats.put("pairs.significant.exclusive.only", outcome.exclusiveOnly());
        for (Map.Entry<CoordinationKind, CoActionCounts> e : counts.entrySet()) {
            stats.put("coactions." + e.getKey().key(), e.getValue().total());
            stats.put("pairs." + e.getKey().key(), e.getValue().testedPairs());
            if (e.getValue().spilledRuns() > 0) {
                stats.put("spilled.runs." + e.getKey().key(), (long) e.getValue().spilledRuns());
            }
        }
        stats.put("posts", (long) totalPosts(book));
        stats.put("accounts", (long) book.size());
        stats.put("pairs.tests", outcome.tests());
        stats.put("pairs.significant", (long) outcome.edges().size());
        stats.put("threshold.millilog10", Math.round(outcome.threshold() * 1000));
        stats.put("millis.score", (System.nanoTime() - t0) / 1_000_000);

        t0 = System.nanoTime();
        progress.progress("communities", 0, 0);
        int[] community = communities(book.size(), outcome.edges(), outcome.threshold());
        stats.put("millis.communities", (System.nanoTime() - t0) / 1_000_000);

        t0 = System.nanoTime();
        progress.progress("characterise", 0, 0);
        CoordinationResult result = NetworkAssembler.assemble(book, outcome.edges(), community, settings.minNetworkSize(),
                settings.minPartners(), describe, stats);
        stats.put("millis.characterise", (System.nanoTime() - t0) / 1_000_000);
        return new CoordinationResult(result.accounts(), result.networks(), result.edges(), new java.util.TreeMap<>(stats));
    }

    private static int totalPosts(AccountBook book) {
        int n = 0;
        for (int a = 0; a < book.size(); a++) {
            n += book.posts(a);
        }
        return n;
    }

    static int count(int[] networkOf) {
        int max = -1;
        for (int n : networkOf) {
            max = Math.max(max, n);
        }
        return max + 1;
    }

    /**
     * Louvain weighs each link by its evidence beyond the threshold (plus one): a link that barely passed,
     * such as two planted groups re-sharing the same two exclusive posts, then pulls its communities together
     * far less than the links inside a group, which pass by a hundred orders of magnitude.
     */
    private int[] communities(int accounts, List<PairSignificance.Edge> edges, double threshold) {
        int[] node = new int[accounts];
        java.util.Arrays.fill(node, -1);
        int n = 0;
        for (PairSignificance.Edge e : edges) {
            if (node[e.a()] < 0) {
                node[e.a()] = n++;
            }
            if (node[e.b()] < 0) {
                node[e.b()] = n++;
            }
        }
        int[] a = new int[edges.size()];
        int[] b = new int[edges.size()];
        double[] w = new double[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            a[i] = node[edges.get(i).a()];
            b[i] = node[edges.get(i).b()];
            w[i] = edges.get(i).significance() - threshold + 1;
        }
        int[] c = Louvain.communities(n, a, b, w, settings.resolution(), settings.seed());
        int[] community = new int[accounts];
        for (int i = 0; i < accounts; i++) {
            community[i] = node[i] < 0 ? -1 : c[node[i]];
        }
        return community;
    }
}
