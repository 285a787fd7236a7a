package org.vigil.coordination.score;

import org.vigil.coordination.internal.LongArray;
import org.vigil.model.VigilException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The co-actions of one kind: per account its co-action degree (the "activity" of the null model) and,
 * after {@link #seal()}, the count per pair of accounts. Pairs are gathered as packed keys
 * {@code low << 32 | high} and counted by sorting, which needs 8 bytes per co-action and no hash table:
 * most pairs in a viral burst meet once, and a table would hold every one of them.
 *
 * <p>Bounded mode: with a buffer limit, full buffers are sorted, counted and written to disk as runs,
 * merged at {@link #seal()}; only pairs with at least {@code keepMin} co-actions are then kept in memory
 * (the others cannot become edges), while {@link #testedPairs()} still counts every distinct pair.
 */
public final class CoActionCounts {
    /**
     * Exclusivity levels of the object a co-action is on, by the distinct accounts sharing it: 2, 3-4, 5-8,
     * 9-16, 17-32, 33-64, 65-256, more (or unknown). Stored in the low 3 bits of each buffered key.
     */
    public static final int LEVELS = 8;
    /** Levels 0 to this minus 1 are exclusive objects (at most 64 accounts); only they enter the exclusivity test. */
    public static final int EXCLUSIVE_LEVELS = 6;
    private static final long EXCLUSIVE_MASK = (1L << (8 * EXCLUSIVE_LEVELS)) - 1;
    private static final int LEVEL_BITS = 3;
    private LongArray keys = new LongArray(1 << 14);
    private int[] degree;
    private long total;
    private final int bufferLimit;
    private final int keepMin;
    private final Path spillDir;
    private final List<Path> runs = new ArrayList<>();
    private long tested;
    private long[] pairs;   // sorted distinct pair keys (with at least keepMin co-actions), after seal
    private int[] counts;   // count per pair, after seal
    private long[] levels;  // per pair, co-actions per exclusivity level, 8 bits each (saturating at 255), after seal

    public CoActionCounts(int accounts) {
        this(accounts, Integer.MAX_VALUE, 1, null);
    }

    /** Counts that spill to {@code spillDir} every {@code bufferLimit} co-actions and keep pairs seen {@code keepMin}+ times. */
    public CoActionCounts(int accounts, int bufferLimit, int keepMin, Path spillDir) {
        this.degree = new int[Math.max(16, accounts)];
        this.bufferLimit = bufferLimit;
        this.keepMin = Math.max(1, keepMin);
        this.spillDir = spillDir;
    }

    public static long key(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    /** The exclusivity level of an object shared by {@code accounts} distinct accounts (see {@link #LEVELS}). */
    public static int level(int accounts) {
        if (accounts <= 2) {
            return 0;
        }
        if (accounts > 256) {
            return LEVELS - 1;
        }
        int l = 32 - Integer.numberOfLeadingZeros(accounts - 1) - 1; // ceil(log2(accounts)) - 1
        return l <= 5 ? l : 6;
    }

    /** A co-action on an object of unknown exclusivity (counted at the least exclusive level). */
    public void add(int a, int b) {
        add(a, b, LEVELS - 1);
    }

    /** A co-action on an object of exclusivity {@code level} ({@link #level(int)}). */
    public void add(int a, int b, int level) {
        if (pairs != null) {
            throw new IllegalStateException("co-action counts are sealed");
        }
        if (Math.max(a, b) >= 1 << 29) {
            throw new IllegalStateException("more than 2^29 accounts");
        }
        keys.add(key(a, b) << LEVEL_BITS | level);
        int m = Math.max(a, b);
        if (m >= degree.length) {
            degree = Arrays.copyOf(degree, Math.max(m + 1, degree.length * 2));
        }
        degree[a]++;
        degree[b]++;
        total++;
        if (keys.size() >= bufferLimit) {
            spill();
        }
    }

    private long[] sortedBuffer() {
        int n = keys.size();
        long[] k = Arrays.copyOf(keys.raw(), n);
        if (n > 1 << 18) {
            Arrays.parallelSort(k);
        } else {
            Arrays.sort(k);
        }
        return k;
    }

    private void spill() {
        if (spillDir == null) {
            throw new IllegalStateException("no spill folder for co-action counts");
        }
        long[] k = sortedBuffer();
        keys = new LongArray(1 << 14);
        try {
            Files.createDirectories(spillDir);
            Path run = Files.createTempFile(spillDir, "coactions-", ".run");
            run.toFile().deleteOnExit();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                int i = 0;
                while (i < k.length) {
                    int j = i + 1;
                    while (j < k.length && k[j] == k[i]) {
                        j++;
                    }
                    out.writeLong(k[i]);
                    out.writeInt(j - i);
                    i = j;
                }
            }
            runs.add(run);
        } catch (IOException e) {
            throw new VigilException("cannot spill co-action counts to " + spillDir + ": " + e.getMessage()
                    + "; free disk space or set coordination.spill.dir", e);
        }
    }

    /** Counts the pairs; afterwards no more co-actions can be added. */
    public void seal() {
        if (pairs != null) {
            return;
        }
        if (runs.isEmpty()) {
            long[] k = sortedBuffer();
            keys = null;
            // two passes, the first only counting, so the sealed arrays are allocated once at their size
            Collector count = new Collector();
            feed(k, count);
            count.finish();
            Collector out = new Collector(count);
            feed(k, out);
            out.finish();
            return;
        }
        if (keys.size() > 0) {
            spill();
        }
        keys = null;
        merge();
    }

    private static final class Run {
        final DataInputStream in;
        long key;
        int count;

        Run(DataInputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            try {
                key = in.readLong();
                count = in.readInt();
                return true;
            } catch (EOFException e) {
                in.close();
                return false;
            }
        }
    }

    private static void feed(long[] k, Collector out) {
        for (int i = 0; i < k.length; ) {
            int j = i + 1;
            while (j < k.length && k[j] == k[i]) {
                j++;
            }
            out.add(k[i], j - i);
            i = j;
        }
    }

    /**
     * Gathers sorted (pair+level key, count) runs into the sealed per-pair arrays, keeping pairs with keepMin+
     * co-actions. Given an earlier collector's tally ({@code sized}), it fills arrays of exactly that size.
     */
    private final class Collector {
        private final LongArray keptKeys;
        private final org.vigil.coordination.internal.IntArray keptCounts;
        private final LongArray keptLevels;
        private final boolean counting;
        private long kept;
        private long pair = -1;
        private int count;
        private long hist;
        private long distinct;

        Collector(Collector sized) {
            int n = sized == null ? 0 : (int) sized.kept;
            counting = false;
            keptKeys = new LongArray(sized == null ? 1 << 12 : n);
            keptCounts = new org.vigil.coordination.internal.IntArray(sized == null ? 1 << 12 : n);
            keptLevels = new LongArray(sized == null ? 1 << 12 : n);
        }

        /** A collector that only counts, for sizing. */
        Collector() {
            counting = true;
            keptKeys = null;
            keptCounts = null;
            keptLevels = null;
        }

        void add(long levelKey, int n) {
            long p = levelKey >>> LEVEL_BITS;
            if (p != pair) {
                flush();
                pair = p;
                count = 0;
                hist = 0;
            }
            count += n;
            int shift = 8 * (int) (levelKey & (LEVELS - 1));
            long have = (hist >>> shift) & 0xFF;
            hist = (hist & ~(0xFFL << shift)) | (Math.min(255, have + n) << shift);
        }

        private void flush() {
            if (pair < 0) {
                return;
            }
            distinct++;
            // a pair below the minimum is still kept when it met on an exclusive object: the exclusivity test
            // counts co-actions across kinds, so one co-action of a kind can matter
            if (count >= keepMin || (hist & EXCLUSIVE_MASK) != 0) {
                kept++;
                if (!counting) {
                    keptKeys.add(pair);
                    keptCounts.add(count);
                    keptLevels.add(hist);
                }
            }
        }

        void finish() {
            flush();
            pair = -1;
            if (counting) {
                return;
            }
            tested = distinct;
            pairs = exact(keptKeys);
            counts = keptCounts.size() == keptCounts.raw().length ? keptCounts.raw() : Arrays.copyOf(keptCounts.raw(), keptCounts.size());
            levels = exact(keptLevels);
        }

        private long[] exact(LongArray a) {
            return a.size() == a.raw().length ? a.raw() : Arrays.copyOf(a.raw(), a.size());
        }
    }

    private void merge() {
        PriorityQueue<Run> queue = new PriorityQueue<>((x, y) -> Long.compare(x.key, y.key));
        Collector out = new Collector(null);
        try {
            for (Path p : runs) {
                Run r = new Run(new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16)));
                if (r.next()) {
                    queue.add(r);
                }
            }
            while (!queue.isEmpty()) {
                long key = queue.peek().key;
                int count = 0;
                while (!queue.isEmpty() && queue.peek().key == key) {
                    Run r = queue.poll();
                    count += r.count;
                    if (r.next()) {
                        queue.add(r);
                    }
                }
                out.add(key, count);
            }
            for (Path p : runs) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new VigilException("cannot read spilled co-action counts in " + spillDir + ": " + e.getMessage(), e);
        }
        out.finish();
    }

    private void sealed() {
        if (pairs == null) {
            throw new IllegalStateException("call seal() first");
        }
    }

    /** Distinct pairs kept after sealing (all pairs, unless a keep minimum was set). */
    public int pairCount() {
        sealed();
        return pairs.length;
    }

    /** Distinct pairs that co-acted at least once: the number of tests for this kind. */
    public long testedPairs() {
        sealed();
        return tested;
    }

    public long pairKey(int i) {
        return pairs[i];
    }

    public int pairCountAt(int i) {
        return counts[i];
    }

    /** The {@code i}-th pair's co-actions on objects of exclusivity level {@code level} or lower (more exclusive). */
    public int pairCountUpTo(int i, int level) {
        long h = levels[i];
        int n = 0;
        for (int l = 0; l <= level; l++) {
            n += (int) ((h >>> (8 * l)) & 0xFF);
        }
        return n;
    }

    /** Co-actions of the pair with this key; 0 if none (or, in bounded mode, fewer than the keep minimum). */
    public int count(long pairKey) {
        sealed();
        int i = Arrays.binarySearch(pairs, pairKey);
        return i < 0 ? 0 : counts[i];
    }

    public int degree(int account) {
        return account < degree.length ? degree[account] : 0;
    }

    /** All co-actions of this kind (degrees sum to twice this). */
    public long total() {
        return total;
    }

    /** How many runs were spilled to disk. */
    public int spilledRuns() {
        return runs.size();
    }
}
