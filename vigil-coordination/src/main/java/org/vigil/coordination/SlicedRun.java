package org.vigil.coordination;

import org.vigil.coordination.characterise.NetworkCharacteriser;
import org.vigil.coordination.characterise.OriginalsCache;
import org.vigil.coordination.detect.AccountBook;
import org.vigil.coordination.detect.ShareExtractor;
import org.vigil.coordination.score.CoActionCounts;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounded-memory runs ({@code coordination.slice.seconds > 0}). Posts go to disk by time slice as they
 * arrive; then each slice is read back with the last window of the slice before it, its shares extracted
 * and detected, and only co-actions whose later share lies in the slice are counted, so none is counted
 * twice. Co-action counts spill sorted runs when their buffer fills. After scoring, a second pass over the
 * slices gathers the networks' evidence, resolving re-shares from a bounded cache of recent originals.
 * Memory follows the busiest slice, the pair buffer and the number of accounts, not the input's length.
 */
final class SlicedRun {
    private final CoordinationSettings settings;
    private final SurpriseMethod method;
    private final ProgressListener progress;
    private final AccountBook book = new AccountBook();
    private final PostSpill spill;
    private int ordinal;

    SlicedRun(CoordinationSettings settings, SurpriseMethod method, ProgressListener progress) {
        this.settings = settings;
        this.method = method;
        this.progress = progress;
        Path parent = settings.spillDir().isEmpty() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(settings.spillDir());
        this.spill = new PostSpill(parent, settings.sliceSeconds());
    }

    void accept(Post p) {
        int account = book.intern(p.accountId());
        book.countPost(account);
        spill.write(ordinal++, account, p);
    }

    CoordinationResult finish() {
        try {
            spill.finishWriting();
            Map<String, Long> stats = new ConcurrentHashMap<>();
            Map<CoordinationKind, CoActionCounts> counts = method.newCounts(book.size(), spill.dir().resolve("pairs"));
            Map<CoordinationKind, org.vigil.coordination.score.BackgroundCounts> background = null;
            List<Long> slices = spill.slices();
            List<PostSpill.Spilled> tail = List.of();
            int done = 0;
            for (long slice : slices) {
                List<PostSpill.Spilled> posts = spill.read(slice, book::id);
                ShareExtractor x = new ShareExtractor(settings, book, false);
                // the history is the last history() seconds before this slice, also after slices without posts:
                // an older share would still count towards its object's audience (exclusivity level)
                long historyFrom = spill.sliceStart(slice) - method.history();
                for (PostSpill.Spilled s : tail) {
                    if (s.post().timestamp() >= historyFrom) {
                        x.accept(s.post(), s.ordinal());
                    }
                }
                for (PostSpill.Spilled s : posts) {
                    x.accept(s.post(), s.ordinal());
                }
                long start = spill.sliceStart(slice);
                if (background == null) {
                    background = method.newBackground(book.size(), spill.granularity());
                }
                method.detectAll(x, counts, background, start, stats);
                long keepFrom = spill.sliceStart(slice + 1) - method.history();
                List<PostSpill.Spilled> next = new ArrayList<>();
                for (PostSpill.Spilled s : tail) { // a slice shorter than the history keeps older slices' tails too
                    if (s.post().timestamp() >= keepFrom) {
                        next.add(s);
                    }
                }
                for (PostSpill.Spilled s : posts) {
                    if (s.post().timestamp() >= keepFrom) {
                        next.add(s);
                    }
                }
                tail = next;
                progress.progress("detect slices", ++done, slices.size());
            }
            stats.put("slices", (long) slices.size());
            return method.conclude(book, counts, background == null ? Map.of() : background, stats, this::describe);
        } finally {
            spill.close();
        }
    }

    /** Removes the spill folder of a run abandoned before {@link #finish()}. */
    void close() {
        spill.close();
    }

    /**
     * The evidence pass: every slice again. Members' posts are extracted in full; every other original
     * only enters the cache of recent originals, so members' re-shares of it can name its author and text.
     */
    private List<NetworkCharacteriser.Characterisation> describe(int[] networkOf) {
        return describe(settings, method, book, spill, networkOf);
    }

    /** The evidence pass over {@code spill}'s slices, for {@code networkOf}; also the network stage's in sliced runs. */
    static List<NetworkCharacteriser.Characterisation> describe(CoordinationSettings settings, SurpriseMethod method, AccountBook book,
                                                               PostSpill spill, int[] networkOf) {
        NetworkCharacteriser.Accumulator acc = method.characteriser().start(networkOf, SurpriseMethod.count(networkOf));
        OriginalsCache originals = new OriginalsCache(settings.originalsCache());
        for (long slice : spill.slices()) {
            ShareExtractor x = new ShareExtractor(settings, book, false);
            for (PostSpill.Spilled s : spill.read(slice, book::id)) {
                Post p = s.post();
                if (networkOf[s.account()] >= 0) {
                    x.accept(p, s.ordinal());
                } else if ((p.retweetOf() == null || p.retweetOf().isBlank()) && p.postId() != null && !p.postId().isBlank()) {
                    originals.put(ShareExtractor.retweetKey(p.postId()), p.accountId(), p.text());
                }
            }
            x.forEachOriginal((key, author, text) -> originals.put(key, book.id(author), text));
            acc.add(x, originals);
        }
        return acc.finish(book);
    }
}
