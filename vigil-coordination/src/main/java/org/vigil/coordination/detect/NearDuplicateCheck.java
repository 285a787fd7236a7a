package org.vigil.coordination.detect;

/**
 * The check behind co-similar-text: two shares of one LSH band bucket are near-duplicates when their
 * whole MinHash signatures agree on at least {@code threshold} of positions. A near-duplicate pair
 * usually collides in several bands; it is counted only in the lowest band where the two agree, so one
 * pair of posts is one co-action however many buckets it shares.
 */
public final class NearDuplicateCheck implements PairCheck {
    private final MinHasher hasher;
    private final SignatureTable signatures;
    private final double threshold;

    public NearDuplicateCheck(MinHasher hasher, SignatureTable signatures, double threshold) {
        this.hasher = hasher;
        this.signatures = signatures;
        this.threshold = threshold;
    }

    /** Band {@code band}'s objects carry the band number in the top five bits of their key. */
    public static long bandObjectKey(int band, long bandHash) {
        return ((long) band << 59) | (bandHash >>> 5);
    }

    public static int bandOf(long objectKey) {
        return (int) (objectKey >>> 59);
    }

    @Override
    public boolean accept(long objectKey, int refA, int refB) {
        if (refA < 0 || refB < 0) {
            return false;
        }
        int[] sigs = signatures.raw();
        int len = hasher.length();
        int rows = hasher.rows();
        int band = bandOf(objectKey);
        int oa = refA * len;
        int ob = refB * len;
        for (int b = 0; b < band; b++) {
            boolean same = true;
            for (int r = b * rows; r < (b + 1) * rows; r++) {
                if (sigs[oa + r] != sigs[ob + r]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return false; // counted in band b
            }
        }
        return hasher.similarity(sigs, refA, refB) >= threshold;
    }
}
