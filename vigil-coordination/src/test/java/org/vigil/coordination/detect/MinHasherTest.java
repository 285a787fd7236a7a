package org.vigil.coordination.detect;

import org.junit.jupiter.api.Test;
import org.vigil.coordination.internal.Hashing;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MinHasherTest {

    /** The signature as first written: a store per shingle and function. The kernel must give the same values. */
    private static void reference(MinHasher h, long[] seeds, long[] multipliers, long[] tokens, int n, int[] out, int offset) {
        int k = seeds.length;
        for (int j = 0; j < k; j++) {
            out[offset + j] = Integer.MAX_VALUE;
        }
        for (int t = 0; t < 2 * n - 1; t++) {
            long x = t < n ? tokens[t] : Hashing.mix(tokens[t - n] * 0x9e3779b97f4a7c15L + tokens[t - n + 1]);
            for (int j = 0; j < k; j++) {
                int v = (int) ((x * multipliers[j] + seeds[j]) >>> 33);
                if (v < out[offset + j]) {
                    out[offset + j] = v;
                }
            }
        }
    }

    @Test
    void signatureEqualsTheStraightforwardLoop() {
        int bands = 8;
        int rows = 3;
        long seed = 42;
        MinHasher h = new MinHasher(bands, rows, seed);
        long[] seeds = new long[bands * rows];
        long[] multipliers = new long[bands * rows];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = Hashing.mix(seed * 0x9e3779b97f4a7c15L + i + 1);
            multipliers[i] = Hashing.mix(seeds[i] ^ 0x5851f42d4c957f2dL) | 1L;
        }
        Random r = new Random(7);
        for (int round = 0; round < 2000; round++) {
            int n = round < 5 ? round : r.nextInt(round % 10 == 0 ? 400 : 40);
            long[] tokens = new long[n + 3];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = round % 7 == 0 ? r.nextInt(3) : r.nextLong();
            }
            int[] expected = new int[h.length() + 2];
            int[] actual = new int[h.length() + 2];
            reference(h, seeds, multipliers, tokens, n, expected, 2);
            h.signature(tokens, n, actual, 2);
            assertArrayEquals(expected, actual, "n=" + n);
        }
    }

    @Test
    void emptyTextHasTheEmptySignature() {
        MinHasher h = new MinHasher(2, 2, 1);
        int[] out = new int[4];
        h.signature(new long[0], 0, out, 0);
        for (int v : out) {
            assertEquals(Integer.MAX_VALUE, v);
        }
    }
}
