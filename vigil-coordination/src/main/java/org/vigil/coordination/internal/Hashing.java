package org.vigil.coordination.internal;

/** 64-bit hashing of strings and numbers: fast, well mixed, stable across runs and JVMs. */
public final class Hashing {
    private Hashing() {
    }

    /** The SplitMix64 finaliser: a bijection that spreads every input bit over the output. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over UTF-16 units, then mixed; collisions are negligible below billions of distinct strings. */
    public static long hash(CharSequence s) {
        return hash(s, 0, s.length());
    }

    public static long hash(CharSequence s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h ^ (to - from));
    }

    /** The same hash as {@link #hash(CharSequence, int, int)} over the same characters held in an array. */
    public static long hash(char[] s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s[i];
            h *= 0x100000001b3L;
        }
        return mix(h ^ (to - from));
    }

    /** Combines a seed (say, a kind or band index) with a hash. */
    public static long combine(long seed, long h) {
        return mix(h + 0x9e3779b97f4a7c15L * (seed + 1));
    }
}
