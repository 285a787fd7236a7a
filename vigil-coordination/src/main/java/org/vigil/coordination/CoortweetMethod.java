package org.vigil.coordination;

import org.vigil.coordination.characterise.CandidateLexicon;
import org.vigil.coordination.characterise.NetworkCharacteriser;
import org.vigil.coordination.characterise.StateMediaRegistry;
import org.vigil.coordination.detect.AllPairsDetector;
import org.vigil.coordination.detect.ObjectShares;
import org.vigil.coordination.detect.ShareExtractor;
import org.vigil.coordination.detect.ShareTable;
import org.vigil.coordination.internal.Hashing;
import org.vigil.coordination.internal.IntArray;
import org.vigil.coordination.internal.LongArray;
import org.vigil.coordination.internal.LongIntMap;
import org.vigil.coordination.score.CoActionCounts;
import org.vigil.coordination.score.PairSignificance;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CooRTweet's plain method (detect_groups + generate_coordinated_network, version 2.1), for parity and
 * comparison, over the same shares as Vigil's method:
 * <ol>
 * <li>accounts with fewer than {@code min_participation} posts are dropped;</li>
 * <li>every pair of shares of an object at most the window apart is a co-action; pairs of one account,
 * of one content id, or with the object itself (an original "sharing" itself) are dropped;</li>
 * <li>min_participation again: an account must have that many posts among the co-actions' content ids,
 * and a co-action is kept when either of its contents belongs to such an account;</li>
 * <li>edge weight = number of co-actions of the pair; edges with weight above the given quantile (R's
 * type-7 quantile over all edges, default the median) form the network.</li>
 * </ol>
 * Networks are the connected components of that subgraph. Co-similar-text is not part of this method.
 */
final class CoortweetMethod {
    private final CoordinationSettings settings;
    private final ProgressListener progress;

    /** Co-action rows allowed, or 0 to derive it from the free heap when the run starts. */
    private final long rowLimit;

    CoortweetMethod(CoordinationSettings settings, ProgressListener progress) {
        this(settings, progress, 0);
    }

    CoortweetMethod(CoordinationSettings settings, ProgressListener progress, long rowLimit) {
        this.settings = settings;
        this.progress = progress;
        this.rowLimit = rowLimit;
    }

    CoordinationResult run(ShareExtractor x) {
        Map<String, Long> stats = new LinkedHashMap<>();
        stats.put("posts", (long) x.posts());
        stats.put("accounts", (long) x.accounts());
        int minPart = settings.minParticipation();
        boolean[] active = new boolean[x.accounts()];
        for (int a = 0; a < x.accounts(); a++) {
            active[a] = x.postsOf(a) >= minPart;
        }
        IntArray rowA = new IntArray(1 << 12);
        IntArray rowB = new IntArray(1 << 12);
        IntArray refA = new IntArray(1 << 12);
        IntArray refB = new IntArray(1 << 12);
        IntArray rowKind = new IntArray(1 << 12);
        long maxRows = rowLimit > 0 ? rowLimit : maxRows();
        for (CoordinationKind kind : CoordinationKind.values()) {
            if (!settings.kinds().contains(kind) || kind == CoordinationKind.CO_SIMILAR_TEXT) {
                continue;
            }
            long t0 = System.nanoTime();
            ShareTable table = x.table(kind);
            ShareTable.Groups groups = table.objects();
            AllPairsDetector detector = new AllPairsDetector(kind, settings.windowSeconds());
            ObjectShares all = new ObjectShares();
            ObjectShares kept = new ObjectShares();
            long before = rowA.size();
            for (int g = 0; g < groups.count(); g++) {
                table.load(groups, g, all);
                kept.reset(all.objectKey());
                for (int i = 0; i < all.size(); i++) {
                    if (active[all.account(i)]) {
                        kept.add(all.account(i), all.time(i), all.ref(i));
                    }
                }
                long object = all.objectKey();
                detector.detect(kept, (a, b, ta, tb, ra, rb) -> {
                    long ka = x.postKey(ra);
                    long kb = x.postKey(rb);
                    if (ka == kb || selfShare(kind, object, ka) || selfShare(kind, object, kb)) {
                        return;
                    }
                    if (rowA.size() >= maxRows) {
                        throw tooManyCoActions(maxRows, kind);
                    }
                    rowA.add(a);
                    rowB.add(b);
                    refA.add(ra);
                    refB.add(rb);
                    rowKind.add(kind.ordinal());
                });
            }
            stats.put("coactions." + kind.key(), rowA.size() - before);
            stats.put("millis.detect." + kind.key(), (System.nanoTime() - t0) / 1_000_000);
        }
        progress.progress("score", 0, 0);

        // min_participation, second pass: posts among the co-actions' content ids
        LongIntMap contentIds = new LongIntMap((int) Math.max(16, Math.min(2L * rowA.size(), x.posts())));
        for (int r = 0; r < rowA.size(); r++) {
            contentIds.put(x.postKey(refA.get(r)), 1);
            contentIds.put(x.postKey(refB.get(r)), 1);
        }
        int[] participation = new int[x.accounts()];
        for (int p = 0; p < x.posts(); p++) {
            int a = x.postAccount(p);
            if (active[a] && contentIds.get(x.postKey(p), 0) == 1) {
                participation[a]++;
            }
        }
        LongIntMap passing = new LongIntMap(Math.max(16, contentIds.size()));
        for (int p = 0; p < x.posts(); p++) {
            int a = x.postAccount(p);
            if (active[a] && participation[a] >= minPart && contentIds.get(x.postKey(p), 0) == 1) {
                passing.put(x.postKey(p), 1);
            }
        }
        // Pair -> slot in one flat counts array (kinds per pair): boxed keys and an int[] per pair
        // cost several times the co-action rows themselves on a large input.
        int kinds = CoordinationKind.values().length;
        LongIntMap pairIndex = new LongIntMap(1 << 12);
        IntArray counts = new IntArray(1 << 12);
        LongArray pairKeys = new LongArray(1 << 12);
        long keptRows = 0;
        for (int r = 0; r < rowA.size(); r++) {
            if (passing.get(x.postKey(refA.get(r)), 0) == 0 && passing.get(x.postKey(refB.get(r)), 0) == 0) {
                continue;
            }
            keptRows++;
            long key = CoActionCounts.key(rowA.get(r), rowB.get(r));
            int slot = pairIndex.putIfAbsent(key, pairKeys.size());
            if (slot == pairKeys.size()) {
                pairKeys.add(key);
                for (int k = 0; k < kinds; k++) {
                    counts.add(0);
                }
            }
            int at = slot * kinds + rowKind.get(r);
            counts.set(at, counts.get(at) + 1);
        }
        stats.put("coortweet.rows", keptRows);
        int pairs = pairKeys.size();
        stats.put("pairs.tested", (long) pairs);
        double[] weights = new double[pairs];
        for (int q = 0; q < pairs; q++) {
            weights[q] = weight(counts, q, kinds);
        }
        double threshold = quantileType7(weights, settings.edgeWeightQuantile());
        stats.put("threshold.milliweight", Math.round(threshold * 1000));
        List<PairSignificance.Edge> edges = new ArrayList<>();
        for (int q = 0; q < pairs; q++) {
            int w = weight(counts, q, kinds);
            if (w > threshold) {
                long key = pairKeys.get(q);
                int[] c = Arrays.copyOfRange(counts.raw(), q * kinds, (q + 1) * kinds);
                edges.add(new PairSignificance.Edge((int) (key >>> 32), (int) key, w, c));
            }
        }
        edges.sort((p, q) -> p.a() != q.a() ? Integer.compare(p.a(), q.a()) : Integer.compare(p.b(), q.b()));
        stats.put("pairs.significant", (long) edges.size());
        int[] component = components(x.accounts(), edges);
        NetworkCharacteriser characteriser = new NetworkCharacteriser(StateMediaRegistry.bundled(), CandidateLexicon.bundled(),
                settings.evidenceTop());
        return NetworkAssembler.assemble(x.book(), edges, component, 2, 0,
                networkOf -> characteriser.characterise(x, networkOf, SurpriseMethod.count(networkOf)), stats);
    }

    private static int weight(IntArray counts, int pair, int kinds) {
        int w = 0;
        for (int k = 0; k < kinds; k++) {
            w += counts.get(pair * kinds + k);
        }
        return w;
    }

    /**
     * How many co-action rows the heap can hold: each costs 20 bytes in five int arrays, and an
     * array that grows needs its old and new copy at once. Counting every pair within the window
     * is quadratic in the shares of a busy object, so a wide window on a large input can ask for
     * more than any heap; this stops it with a message instead of an OutOfMemoryError.
     */
    private static long maxRows() {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return Math.max(1 << 16, Math.min(Integer.MAX_VALUE - 8, free / 64));
    }

    private RuntimeException tooManyCoActions(long maxRows, CoordinationKind kind) {
        return new org.vigil.model.VigilException(String.format(java.util.Locale.ROOT,
                "coortweet method: more than %,d co-actions (%s, window %d s), more than the %,d MiB heap can count;"
                        + " narrow --window, raise --min-participation, use --method vigil, or give the JVM more memory"
                        + " (VIGIL_JAVA_OPTS=-Xmx8g)", maxRows, kind.key(), settings.windowSeconds(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    }

    /** The retweet object is the shared post's own id: CooRTweet's "object_id == content_id" loop. */
    private static boolean selfShare(CoordinationKind kind, long objectKey, long contentKey) {
        return kind == CoordinationKind.CO_RETWEET && Hashing.combine(1, contentKey) == objectKey;
    }

    /** R's default (type 7) quantile: linear interpolation between order statistics at (n-1)q. */
    static double quantileType7(double[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double h = (v.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    private static int[] components(int accounts, List<PairSignificance.Edge> edges) {
        int[] parent = new int[accounts];
        for (int i = 0; i < accounts; i++) {
            parent[i] = i;
        }
        boolean[] touched = new boolean[accounts];
        for (PairSignificance.Edge e : edges) {
            touched[e.a()] = true;
            touched[e.b()] = true;
            int ra = find(parent, e.a());
            int rb = find(parent, e.b());
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
        int[] out = new int[accounts];
        for (int i = 0; i < accounts; i++) {
            out[i] = touched[i] ? find(parent, i) : -1;
        }
        return out;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
