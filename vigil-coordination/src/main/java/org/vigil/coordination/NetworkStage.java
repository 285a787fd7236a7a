package org.vigil.coordination;

import org.vigil.coordination.characterise.CandidateLexicon;
import org.vigil.coordination.characterise.StateMediaRegistry;
import org.vigil.coordination.detect.AccountBook;
import org.vigil.coordination.detect.ShareExtractor;
import org.vigil.coordination.internal.IntArray;
import org.vigil.coordination.score.BackgroundCounts;
import org.vigil.coordination.score.CoActionCounts;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;
import org.vigil.model.VigilException;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The global stage of a run whose detection ran elsewhere (see {@link CoordinationStages}): co-action
 * counts &rarr; pair significance &rarr; communities &rarr; characterised networks, by the code the
 * in-process engine concludes with.
 *
 * <p>Feed it every post the detection saw, in input order ({@link #post}): that numbers the accounts as the
 * in-process engine does (first appearance), counts their posts, learns the timestamps' resolution, and files
 * the shares the networks' evidence is drawn from. It gathers that evidence as the in-process engine does in
 * the same settings: with one slice, from every post held in memory; with slices
 * ({@code coordination.slice.seconds > 0}), the bounded mode's way, from posts spilled to disk by slice and
 * read back after scoring for the networks' members only, so memory follows accounts and pairs, not posts. Feed it the co-action tallies in any order
 * ({@link #coActions}, {@link #background}, {@link #stat}); then {@link #finish()} once. Not thread-safe.
 */
public final class NetworkStage implements AutoCloseable {
    private final CoordinationSettings settings;
    private final SurpriseMethod method;
    private final AccountBook book = new AccountBook();
    /** Evidence held in memory (one slice), or null when {@link #spilled} holds the posts. */
    private final ShareExtractor evidence;
    private final PostSpill spilled;
    private int ordinal;
    private final Map<String, Integer> named = new HashMap<>();
    private final IntArray tallyMeta = new IntArray(1 << 12);
    private final IntArray tallyA = new IntArray(1 << 12);
    private final IntArray tallyB = new IntArray(1 << 12);
    private final IntArray tallyCount = new IntArray(1 << 12);
    private final Map<String, Long> stats = new ConcurrentHashMap<>();
    private boolean finished;

    NetworkStage(CoordinationSettings settings, StateMediaRegistry registry, CandidateLexicon lexicon, ProgressListener progress,
                 Path spillParent) {
        this.settings = settings;
        this.method = new SurpriseMethod(settings, progress, registry, lexicon);
        // evidence never reads the text signatures (band buckets carry no label): spare the MinHash
        Set<CoordinationKind> kinds = EnumSet.copyOf(settings.kinds());
        kinds.remove(CoordinationKind.CO_SIMILAR_TEXT);
        CoordinationSettings forEvidence = kinds.isEmpty() ? settings : settings.with("coordination.kinds",
                kinds.stream().map(CoordinationKind::key).collect(Collectors.joining(",")));
        Path parent = spillParent != null ? spillParent
                : settings.spillDir().isEmpty() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(settings.spillDir());
        boolean sliced = settings.sliceSeconds() > 0;
        this.evidence = sliced ? null : new ShareExtractor(forEvidence, book, true);
        this.spilled = sliced ? new PostSpill(parent, settings.sliceSeconds()) : null;
    }

    /** The next post of the input (one with an account id), in input order. */
    public void post(Post p) {
        if (p.accountId() == null || p.accountId().isBlank()) {
            throw new IllegalArgumentException("a post without an account id cannot be numbered; quarantine it first (post "
                    + p.postId() + ")");
        }
        if (spilled == null) {
            evidence.accept(p);
            return;
        }
        int account = book.intern(p.accountId());
        book.countPost(account);
        spilled.write(ordinal++, account, p);
    }

    /** {@code count} co-actions of {@code kind} between accounts {@code a} and {@code b} on objects of exclusivity {@code level}. */
    public void coActions(CoordinationKind kind, String a, String b, int level, int count) {
        tally(kind, a, b, level, count, false);
    }

    /** {@code count} lagged co-occurrences (the exclusivity test's background) of {@code a} and {@code b}. */
    public void background(CoordinationKind kind, String a, String b, int level, int count) {
        tally(kind, a, b, level, count, true);
    }

    /** Adds {@code value} to the run statistic {@code key} (shares, objects and background sampled per kind). */
    public void stat(String key, long value) {
        stats.merge(key, value, Long::sum);
    }

    private void tally(CoordinationKind kind, String a, String b, int level, int count, boolean background) {
        if (level < 0 || level >= CoActionCounts.LEVELS) {
            throw new IllegalArgumentException("level must be in 0.." + (CoActionCounts.LEVELS - 1) + ", got " + level);
        }
        tallyMeta.add(kind.ordinal() << 4 | level << 1 | (background ? 1 : 0));
        tallyA.add(name(a));
        tallyB.add(name(b));
        tallyCount.add(count);
    }

    private int name(String id) {
        Integer n = named.get(id);
        if (n == null) {
            n = named.size();
            named.put(id, n);
        }
        return n;
    }

    /** Scores, finds communities and characterises; call once, after every post and tally. */
    public CoordinationResult finish() {
        if (finished) {
            throw new IllegalStateException("finish() was already called on this network stage");
        }
        finished = true;
        int[] accountOf = new int[named.size()];
        for (Map.Entry<String, Integer> e : named.entrySet()) {
            int a = book.find(e.getKey());
            if (a < 0) {
                throw new VigilException("a co-action names account '" + e.getKey() + "', which no post given to this stage has;"
                        + " feed the network stage the same posts the detection saw");
            }
            accountOf[e.getValue()] = a;
        }
        if (spilled != null) {
            spilled.finishWriting();
        }
        Map<CoordinationKind, CoActionCounts> counts = method.newCounts(book.size(),
                spilled != null ? spilled.dir().resolve("pairs") : null);
        Map<CoordinationKind, BackgroundCounts> background = method.newBackground(book.size(),
                spilled != null ? spilled.granularity() : evidence.granularity());
        CoordinationKind[] kinds = CoordinationKind.values();
        for (int i = 0; i < tallyMeta.size(); i++) {
            int meta = tallyMeta.get(i);
            CoordinationKind kind = kinds[meta >>> 4];
            int level = (meta >>> 1) & 7;
            int a = accountOf[tallyA.get(i)];
            int b = accountOf[tallyB.get(i)];
            int n = tallyCount.get(i);
            if ((meta & 1) == 0) {
                CoActionCounts c = counts.get(kind);
                for (int k = 0; k < n; k++) {
                    c.add(a, b, level);
                }
            } else {
                BackgroundCounts bg = background.get(kind);
                if (bg != null) {
                    for (int k = 0; k < n; k++) {
                        bg.add(a, b, level);
                    }
                }
            }
        }
        return method.conclude(book, counts, background, stats, spilled != null
                ? networkOf -> SlicedRun.describe(settings, method, book, spilled, networkOf)
                : networkOf -> method.characteriser().characterise(evidence, networkOf, SurpriseMethod.count(networkOf)));
    }

    /** Removes the spill folder of a sliced run. */
    @Override
    public void close() {
        if (spilled != null) {
            spilled.close();
        }
    }
}
