package org.vigil.coordination.detect;

import org.vigil.coordination.internal.Hashing;

/**
 * MinHash over the word shingles of a text (its words and its pairs of adjacent words), cut into LSH
 * bands. Words alone make unrelated tweets look alike through their common words; pairs alone make a
 * one-word edit cost two of ten shingles; both together keep unrelated texts near J=0.03 and a
 * 13-word text with two words swapped near J=0.6. Two texts whose word sets have Jaccard
 * similarity J agree on one minhash with probability J, so on a band of r rows with J^r, and share at
 * least one of b bands with 1-(1-J^r)^b: with b=8, r=3 a pair at J=0.6 is a candidate 86% of the time,
 * one at J=0.2 under 7%. Candidates are then checked on the whole signature.
 */
public final class MinHasher {
    private final int bands;
    private final int rows;
    private final long[] seeds;
    private final long[] multipliers;

    public MinHasher(int bands, int rows, long seed) {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("minhash bands and rows must be >= 1, got " + bands + " and " + rows);
        }
        this.bands = bands;
        this.rows = rows;
        this.seeds = new long[bands * rows];
        this.multipliers = new long[bands * rows];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = Hashing.mix(seed * 0x9e3779b97f4a7c15L + i + 1);
            multipliers[i] = Hashing.mix(seeds[i] ^ 0x5851f42d4c957f2dL) | 1L;
        }
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    public int length() {
        return seeds.length;
    }

    /**
     * Writes the signature of the text with word hashes {@code tokens[0..n)} into
     * {@code out[offset..offset+length())}. Each of the k hash functions is {@code (h * a + b) >>> 33}
     * over an already mixed 64-bit shingle hash h: a multiply-add, not a full mix, per shingle and function.
     */
    public void signature(long[] tokens, int n, int[] out, int offset) {
        signature(tokens, n, out, offset, null);
    }

    /**
     * As {@link #signature(long[], int, int[], int)}, with the caller's scratch space for the shingle hashes
     * (one per thread: a hasher is shared by the reading and the filing thread); returns the scratch, grown
     * if it was too short.
     */
    public long[] signature(long[] tokens, int n, int[] out, int offset, long[] scratch) {
        int k = seeds.length;
        if (n <= 0) {
            for (int j = 0; j < k; j++) {
                out[offset + j] = Integer.MAX_VALUE;
            }
            return scratch;
        }
        // the shingle hashes first (words, then adjacent pairs), then one function at a time over all of
        // them: the running minimum stays in a register instead of a store per shingle and function
        int m = 2 * n - 1;
        long[] sh = scratch;
        if (sh == null || sh.length < m) {
            sh = new long[Math.max(m, sh == null ? 64 : 2 * sh.length)];
        }
        System.arraycopy(tokens, 0, sh, 0, n);
        for (int t = 0; t < n - 1; t++) {
            sh[n + t] = Hashing.mix(tokens[t] * 0x9e3779b97f4a7c15L + tokens[t + 1]);
        }
        for (int j = 0; j < k; j++) {
            long a = multipliers[j];
            long b = seeds[j];
            long min = Long.MAX_VALUE;
            for (int t = 0; t < m; t++) {
                long v = (sh[t] * a + b) >>> 33;
                if (v < min) {
                    min = v;
                }
            }
            out[offset + j] = (int) min; // below 2^31: a 64-bit value shifted right by 33
        }
        return sh;
    }

    /** The bucket key of band {@code band} of a signature. */
    public long bandKey(int[] sig, int offset, int band) {
        long h = band * 0x632be59bd9b4e019L;
        int from = offset + band * rows;
        for (int r = 0; r < rows; r++) {
            h = Hashing.mix(h + sig[from + r]);
        }
        return h;
    }

    /** The share of signature positions on which two signatures agree: an estimate of Jaccard similarity. */
    public double similarity(int[] sigs, int a, int b) {
        int k = seeds.length;
        int same = 0;
        int oa = a * k;
        int ob = b * k;
        for (int j = 0; j < k; j++) {
            if (sigs[oa + j] == sigs[ob + j]) {
                same++;
            }
        }
        return same / (double) k;
    }
}
