package org.vigil.ingest.news;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.vigil.model.Article;
import org.vigil.model.Source;

/**
 * Groups copies of one story: the same text scraped twice, and the same wire story carried by
 * several sites with small edits and leftover page furniture.
 *
 * <p>Exact copies share a content hash (after case, accents, punctuation and spacing are
 * normalised). Near copies are pairs whose sets of five-word shingles have a Jaccard similarity
 * of at least {@value #NEAR_DUPLICATE_JACCARD}, or where {@value #NEAR_DUPLICATE_CONTAINMENT} of the
 * shorter article's shingles are in the longer one (a reprint that cut or rewrote a few paragraphs);
 * candidate pairs come from MinHash signatures
 * banded for locality-sensitive hashing, so the cost grows with the number of articles, not
 * its square, and every candidate is confirmed with the exact Jaccard before it is merged.
 */
public final class NewsDedup {

    /** Shingle-set Jaccard similarity from which two articles count as one story. */
    public static final double NEAR_DUPLICATE_JACCARD = 0.6;
    /** Share of the shorter article's shingles found in the longer from which they count as one story. */
    public static final double NEAR_DUPLICATE_CONTAINMENT = 0.85;

    private static final int SHINGLE_WORDS = 5;
    // 25 bands of 4 rows: a pair at Jaccard 0.5 becomes a candidate with probability 0.8, at 0.6 with 0.96
    private static final int BANDS = 25;
    private static final int ROWS = 4;
    private static final int HASHES = BANDS * ROWS;
    /** Fixed seed: the same input must always group the same way. */
    private static final long SEED = 0x5EED_D00DL;
    private static final long[] MIX_A = new long[HASHES];
    private static final long[] MIX_B = new long[HASHES];
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    static {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < HASHES; i++) {
            MIX_A[i] = random.nextLong() | 1L;
            MIX_B[i] = random.nextLong();
        }
    }

    private NewsDedup() {
    }

    /**
     * Groups exact and near-duplicate articles (the same wire story on several sites) into one
     * Article each, keeping the first as representative and merging every Source.
     */
    public static List<Article> merge(List<Article> articles) {
        Objects.requireNonNull(articles, "The parameter 'articles' must not be null.");
        int n = articles.size();
        UnionFind groups = new UnionFind(n);

        List<long[]> shingles = new ArrayList<>(n);
        Map<String, Integer> firstByExactKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> words = words(articles.get(i).text());
            String exactKey = String.join(" ", words);
            Integer first = firstByExactKey.putIfAbsent(exactKey, i);
            if (first != null) {
                groups.union(first, i);
            }
            shingles.add(shingles(words));
        }

        Map<BandKey, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long[] set = shingles.get(i);
            if (set.length == 0) {
                continue;
            }
            long[] signature = minHash(set);
            for (int b = 0; b < BANDS; b++) {
                buckets.computeIfAbsent(new BandKey(b, band(signature, b)), k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> bucket : buckets.values()) {
            for (int x = 0; x < bucket.size(); x++) {
                for (int y = x + 1; y < bucket.size(); y++) {
                    int i = bucket.get(x);
                    int j = bucket.get(y);
                    if (groups.find(i) != groups.find(j)
                            && sameStory(shingles.get(i), shingles.get(j))) {
                        groups.union(i, j);
                    }
                }
            }
        }

        Map<Integer, List<Integer>> members = new HashMap<>();
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int root = groups.find(i);
            members.computeIfAbsent(root, r -> {
                roots.add(r);
                return new ArrayList<>();
            }).add(i);
        }
        List<Article> merged = new ArrayList<>(roots.size());
        for (int root : roots) {
            List<Integer> group = members.get(root);
            Article first = articles.get(group.get(0));
            if (group.size() == 1) {
                merged.add(first);
                continue;
            }
            Set<Source> sources = new LinkedHashSet<>();
            for (int i : group) {
                sources.addAll(articles.get(i).sources());
            }
            merged.add(new Article(first.id(), first.doc(), first.url(), first.title(), first.published(),
                    first.language(), first.text(), new ArrayList<>(sources)));
        }
        return merged;
    }

    /** Shingle-set Jaccard similarity of two texts after normalisation; exposed for tests and tuning. */
    static double similarity(String a, String b) {
        return jaccard(shingles(words(a)), shingles(words(b)));
    }

    private static List<String> words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        String spaced = NOT_WORD.matcher(folded).replaceAll(" ").strip();
        return spaced.isEmpty() ? List.of() : Arrays.asList(spaced.split(" "));
    }

    /** Sorted, distinct 64-bit hashes of the text's word 5-grams (the whole text when shorter). */
    private static long[] shingles(List<String> words) {
        if (words.isEmpty()) {
            return new long[0];
        }
        int count = Math.max(1, words.size() - SHINGLE_WORDS + 1);
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0xcbf29ce484222325L;
            for (int k = i; k < Math.min(words.size(), i + SHINGLE_WORDS); k++) {
                String w = words.get(k);
                for (int c = 0; c < w.length(); c++) {
                    h = (h ^ w.charAt(c)) * 0x100000001b3L;
                }
                h = (h ^ ' ') * 0x100000001b3L;
            }
            hashes[i] = h;
        }
        return Arrays.stream(hashes).sorted().distinct().toArray();
    }

    private static long[] minHash(long[] set) {
        long[] signature = new long[HASHES];
        Arrays.fill(signature, Long.MAX_VALUE);
        for (long x : set) {
            for (int i = 0; i < HASHES; i++) {
                long h = mix(x * MIX_A[i] + MIX_B[i]);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    private static long band(long[] signature, int band) {
        long h = 17;
        for (int r = 0; r < ROWS; r++) {
            h = h * 31 + signature[band * ROWS + r];
        }
        return h;
    }

    private static boolean sameStory(long[] a, long[] b) {
        if (jaccard(a, b) >= NEAR_DUPLICATE_JACCARD) {
            return true;
        }
        int smaller = Math.min(a.length, b.length);
        return smaller > 0 && common(a, b) / (double) smaller >= NEAR_DUPLICATE_CONTAINMENT;
    }

    private static int common(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    /** Jaccard of two sorted distinct arrays. */
    private static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1.0;
        }
        int common = common(a, b);
        return (double) common / (a.length + b.length - common);
    }


    /** SplitMix64's finaliser: spreads the bits so each of the hash functions behaves independently. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private record BandKey(int band, long hash) {
    }

    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        /** The smaller index stays root, so a group's root is its first article. */
        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (ra < rb) {
                parent[rb] = ra;
            } else {
                parent[ra] = rb;
            }
        }
    }
}
