package org.vigil.coordination;

import org.vigil.model.CoordinationKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a coordination run behaves. Every setting has a dotted key, a default and a one-line description
 * ({@link #KEYS}); {@link #fromMap(Map)} parses them strictly and names the offending key on error.
 *
 * @param method               {@code vigil} (surprise-weighted, significance-tested, default) or
 *                             {@code coortweet} (CooRTweet's plain counting, for parity)
 * @param windowSeconds        two shares of one object this close (inclusive) are a co-action
 * @param kinds                which co-action networks to build
 * @param maxPartners          each share pairs with at most this many nearest earlier shares of its object
 * @param minTextTokens        texts with fewer normalised words are ignored by co-tweet and co-similar
 * @param similarity           near-duplicate threshold (estimated Jaccard similarity of word sets)
 * @param minhashBands         LSH bands
 * @param minhashRows          minhashes per band
 * @param minCoActions         a pair needs at least this many co-actions (all kinds) to be an edge
 * @param alpha                family-wise error rate for pair significance (Bonferroni over tested pairs)
 * @param minNetworkSize       smaller communities are not reported as networks
 * @param resolution           modularity resolution of the community search
 * @param minParticipation     CooRTweet method: minimum shares per account
 * @param edgeWeightQuantile   CooRTweet method: keep edges whose weight is above this quantile
 * @param evidenceTop          how many objects per kind a network's evidence lists
 * @param threads              worker threads (0 = one per core)
 * @param seed                 seed for hashing and the community search order
 * @param sliceSeconds         bounded memory: 0 = all in memory; else detect slice by slice from a disk spill
 * @param spillDir             where bounded mode spills ("" = the system temporary folder)
 * @param pairsBuffer          bounded mode: co-actions per kind held before spilling a sorted run
 * @param originalsCache       bounded mode: original posts remembered to resolve re-shares in the evidence
 * @param minPartners          a network keeps only accounts linked to at least this many other members
 * @param minActs              exclusivity test: acts (co-retweets plus the best original-post kind) a pair needs
 * @param backgroundFrom       exclusivity test: the background lag band starts this many windows after a share
 * @param backgroundTo         ... and ends this many windows after it
 * @param minBackground        exclusivity test: a level of a kind needs this many background co-occurrences
 */
public record CoordinationSettings(String method, long windowSeconds, Set<CoordinationKind> kinds, int maxPartners,
                                   int minTextTokens, double similarity, int minhashBands, int minhashRows,
                                   int minCoActions, double alpha, int minNetworkSize, double resolution,
                                   int minParticipation, double edgeWeightQuantile, int evidenceTop, int threads,
                                   long seed, long sliceSeconds, String spillDir, int pairsBuffer, int originalsCache,
                                   int minPartners, int minActs, int backgroundFrom, int backgroundTo,
                                   long minBackground) {

    /** A documented setting. */
    public record Key(String name, String defaultValue, String description) {
    }

    public static final List<Key> KEYS = List.of(
            new Key("coordination.method", "vigil", "vigil (surprise-weighted, significance-tested) or coortweet (CooRTweet's plain counts)"),
            new Key("coordination.window.seconds", "60", "two shares of one object this many seconds apart or closer are a co-action"),
            new Key("coordination.kinds", "co-retweet,co-link,co-hashtag,co-tweet,co-similar-text", "co-action networks to build"),
            new Key("coordination.pairs.per.share.max", "64", "each share pairs with at most this many nearest earlier shares of its object"),
            new Key("coordination.text.min.tokens", "4", "texts with fewer normalised words are ignored by co-tweet and co-similar-text"),
            new Key("coordination.similar.threshold", "0.5", "near-duplicate threshold: estimated Jaccard similarity of the texts' word and word-pair sets"),
            new Key("coordination.similar.bands", "8", "MinHash LSH bands"),
            new Key("coordination.similar.rows", "3", "minhashes per LSH band"),
            new Key("coordination.edge.min.coactions", "3", "a pair of accounts needs at least this many co-actions to be linked"),
            new Key("coordination.edge.alpha", "0.01", "family-wise error rate of the pair test (Bonferroni over all tested pairs and kinds)"),
            new Key("coordination.network.min.size", "3", "communities with fewer accounts are not reported"),
            new Key("coordination.community.resolution", "1.0", "modularity resolution of the Louvain search"),
            new Key("coordination.coortweet.min.participation", "2", "coortweet method: minimum shares for an account to be considered"),
            new Key("coordination.coortweet.edge.quantile", "0.5", "coortweet method: keep edges whose weight is above this quantile"),
            new Key("coordination.evidence.top", "10", "objects per kind listed as a network's evidence"),
            new Key("coordination.threads", "0", "worker threads; 0 means one per available core"),
            new Key("coordination.seed", "42", "seed for hashing and the community search order"),
            new Key("coordination.slice.seconds", "0", "bounded memory: 0 keeps every share in memory; N > 0 spills posts to disk and detects slice by slice (N seconds each, N >= the window), so memory follows the busiest slice, not the input"),
            new Key("coordination.spill.dir", "", "where bounded mode spills (default: the system temporary folder)"),
            new Key("coordination.pairs.buffer", "4000000", "bounded mode: co-actions held per kind before a sorted run is spilled (8 bytes each)"),
            new Key("coordination.originals.cache", "500000", "bounded mode: recent original posts remembered to resolve re-shares in the evidence"),
            new Key("coordination.network.min.partners", "2", "a network keeps only accounts significantly linked to at least this many other members (its k-core)"),
            new Key("coordination.exclusive.min.acts", "2", "exclusivity test: co-actions on exclusive objects (co-retweets plus the best original-post kind) a pair needs; 0 turns the test off"),
            new Key("coordination.background.from.windows", "2", "exclusivity test: the background is sampled at lags from this many windows after a share"),
            new Key("coordination.background.to.windows", "360", "exclusivity test: ... to this many windows after it"),
            new Key("coordination.background.min", "100", "exclusivity test: a kind's level is tested only with at least this many background co-occurrences (with no background nothing is surprising)"));

    public CoordinationSettings {
        if (!method.equals("vigil") && !method.equals("coortweet")) {
            throw new IllegalArgumentException("coordination.method must be vigil or coortweet, got '" + method + "'");
        }
        if (windowSeconds < 0) {
            throw new IllegalArgumentException("coordination.window.seconds must be >= 0, got " + windowSeconds);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("coordination.kinds must name at least one co-action kind");
        }
        kinds = Set.copyOf(kinds);
        require(maxPartners >= 1, "coordination.pairs.per.share.max", maxPartners, ">= 1");
        require(minTextTokens >= 1, "coordination.text.min.tokens", minTextTokens, ">= 1");
        require(similarity > 0 && similarity <= 1, "coordination.similar.threshold", similarity, "in (0,1]");
        require(minhashBands >= 1 && minhashRows >= 1, "coordination.similar.bands/rows", minhashBands + "x" + minhashRows, ">= 1");
        require(minCoActions >= 1, "coordination.edge.min.coactions", minCoActions, ">= 1");
        require(alpha > 0 && alpha < 1, "coordination.edge.alpha", alpha, "in (0,1)");
        require(minNetworkSize >= 2, "coordination.network.min.size", minNetworkSize, ">= 2");
        require(resolution > 0, "coordination.community.resolution", resolution, "> 0");
        require(minParticipation >= 1, "coordination.coortweet.min.participation", minParticipation, ">= 1");
        require(edgeWeightQuantile >= 0 && edgeWeightQuantile <= 1, "coordination.coortweet.edge.quantile", edgeWeightQuantile, "in [0,1]");
        require(evidenceTop >= 1, "coordination.evidence.top", evidenceTop, ">= 1");
        require(threads >= 0, "coordination.threads", threads, ">= 0");
        require(sliceSeconds == 0 || sliceSeconds >= Math.max(1, windowSeconds), "coordination.slice.seconds", sliceSeconds,
                "0 or at least the window (" + windowSeconds + ")");
        require(pairsBuffer >= 1024, "coordination.pairs.buffer", pairsBuffer, ">= 1024");
        require(originalsCache >= 0, "coordination.originals.cache", originalsCache, ">= 0");
        require(minPartners >= 0, "coordination.network.min.partners", minPartners, ">= 0");
        require(minActs == 0 || minActs >= 2, "coordination.exclusive.min.acts", minActs, "0 (off) or >= 2");
        require(backgroundFrom >= 2, "coordination.background.from.windows", backgroundFrom, ">= 2 (the band must lie beyond the window)");
        require(backgroundTo > backgroundFrom, "coordination.background.to.windows", backgroundTo,
                "> coordination.background.from.windows (" + backgroundFrom + ")");
        require(minBackground >= 1, "coordination.background.min", minBackground, ">= 1");
        spillDir = spillDir == null ? "" : spillDir;
    }

    private static void require(boolean ok, String key, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(key + " must be " + rule + ", got " + value);
        }
    }

    public static CoordinationSettings defaults() {
        return fromMap(Map.of());
    }

    /** Parses dotted keys; unknown keys and bad values fail with a message naming the key. */
    public static CoordinationSettings fromMap(Map<String, String> values) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Key k : KEYS) {
            v.put(k.name(), k.defaultValue());
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!v.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown setting '" + e.getKey() + "'; known: "
                        + String.join(", ", v.keySet()));
            }
            v.put(e.getKey(), e.getValue().trim());
        }
        return new CoordinationSettings(
                v.get("coordination.method").toLowerCase(Locale.ROOT),
                parseLong(v, "coordination.window.seconds"),
                parseKinds(v.get("coordination.kinds")),
                (int) parseLong(v, "coordination.pairs.per.share.max"),
                (int) parseLong(v, "coordination.text.min.tokens"),
                parseDouble(v, "coordination.similar.threshold"),
                (int) parseLong(v, "coordination.similar.bands"),
                (int) parseLong(v, "coordination.similar.rows"),
                (int) parseLong(v, "coordination.edge.min.coactions"),
                parseDouble(v, "coordination.edge.alpha"),
                (int) parseLong(v, "coordination.network.min.size"),
                parseDouble(v, "coordination.community.resolution"),
                (int) parseLong(v, "coordination.coortweet.min.participation"),
                parseDouble(v, "coordination.coortweet.edge.quantile"),
                (int) parseLong(v, "coordination.evidence.top"),
                (int) parseLong(v, "coordination.threads"),
                parseLong(v, "coordination.seed"),
                parseLong(v, "coordination.slice.seconds"),
                v.get("coordination.spill.dir"),
                (int) parseLong(v, "coordination.pairs.buffer"),
                (int) parseLong(v, "coordination.originals.cache"),
                (int) parseLong(v, "coordination.network.min.partners"),
                (int) parseLong(v, "coordination.exclusive.min.acts"),
                (int) parseLong(v, "coordination.background.from.windows"),
                (int) parseLong(v, "coordination.background.to.windows"),
                parseLong(v, "coordination.background.min"));
    }

    /** These settings as dotted keys (for the store and for reports). */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("coordination.method", method);
        m.put("coordination.window.seconds", Long.toString(windowSeconds));
        List<String> ks = new ArrayList<>();
        for (CoordinationKind k : CoordinationKind.values()) {
            if (kinds.contains(k)) {
                ks.add(k.key());
            }
        }
        m.put("coordination.kinds", String.join(",", ks));
        m.put("coordination.pairs.per.share.max", Integer.toString(maxPartners));
        m.put("coordination.text.min.tokens", Integer.toString(minTextTokens));
        m.put("coordination.similar.threshold", Double.toString(similarity));
        m.put("coordination.similar.bands", Integer.toString(minhashBands));
        m.put("coordination.similar.rows", Integer.toString(minhashRows));
        m.put("coordination.edge.min.coactions", Integer.toString(minCoActions));
        m.put("coordination.edge.alpha", Double.toString(alpha));
        m.put("coordination.network.min.size", Integer.toString(minNetworkSize));
        m.put("coordination.community.resolution", Double.toString(resolution));
        m.put("coordination.coortweet.min.participation", Integer.toString(minParticipation));
        m.put("coordination.coortweet.edge.quantile", Double.toString(edgeWeightQuantile));
        m.put("coordination.evidence.top", Integer.toString(evidenceTop));
        m.put("coordination.threads", Integer.toString(threads));
        m.put("coordination.seed", Long.toString(seed));
        m.put("coordination.slice.seconds", Long.toString(sliceSeconds));
        m.put("coordination.spill.dir", spillDir);
        m.put("coordination.pairs.buffer", Integer.toString(pairsBuffer));
        m.put("coordination.originals.cache", Integer.toString(originalsCache));
        m.put("coordination.network.min.partners", Integer.toString(minPartners));
        m.put("coordination.exclusive.min.acts", Integer.toString(minActs));
        m.put("coordination.background.from.windows", Integer.toString(backgroundFrom));
        m.put("coordination.background.to.windows", Integer.toString(backgroundTo));
        m.put("coordination.background.min", Long.toString(minBackground));
        return m;
    }

    /** A copy with one setting changed, by dotted key. */
    public CoordinationSettings with(String key, String value) {
        Map<String, String> m = asMap();
        if (!m.containsKey(key)) {
            throw new IllegalArgumentException("unknown setting '" + key + "'");
        }
        m.put(key, value);
        return fromMap(m);
    }

    /** The number of worker threads to use. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static long parseLong(Map<String, String> v, String key) {
        String s = v.get(key);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + s + "'");
        }
    }

    private static double parseDouble(Map<String, String> v, String key) {
        String s = v.get(key);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + s + "'");
        }
    }

    private static Set<CoordinationKind> parseKinds(String s) {
        Set<CoordinationKind> kinds = EnumSet.noneOf(CoordinationKind.class);
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                if (part.trim().equalsIgnoreCase("all")) {
                    kinds.addAll(EnumSet.allOf(CoordinationKind.class));
                } else {
                    kinds.add(CoordinationKind.fromKey(part));
                }
            }
        }
        return kinds;
    }
}
