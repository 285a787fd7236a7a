package org.vigil.coordination.characterise;

import org.vigil.coordination.detect.ShareExtractor;
import org.vigil.coordination.detect.ShareTable;
import org.vigil.coordination.detect.UrlNormalizer;
import org.vigil.coordination.internal.IntArray;
import org.vigil.model.CandidateLean;
import org.vigil.model.CoordinationKind;
import org.vigil.model.NetworkEvidence;
import org.vigil.model.SharedObject;
import org.vigil.model.Stance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Describes each network from its members' shares: the objects two or more members shared (links,
 * domains, hashtags, texts, re-shared posts, each with first and last time), the active period, the share
 * of members' posts that amplify a listed state-media outlet (a link to its domain, or a re-share of a post
 * by its account), and candidate leans from hashtags and the word list.
 */
public final class NetworkCharacteriser {
    /** The description of one network. */
    public record Characterisation(long firstActive, long lastActive, int posts, NetworkEvidence evidence,
                                   double stateMediaShare, List<String> stateMediaOutlets, List<CandidateLean> leans) {
    }

    private final StateMediaRegistry registry;
    private final CandidateLexicon lexicon;
    private final int top;

    public NetworkCharacteriser(StateMediaRegistry registry, CandidateLexicon lexicon, int top) {
        this.registry = registry;
        this.lexicon = lexicon;
        this.top = top;
    }

    private static final class Agg {
        final long key;
        String label;
        String detail = "";
        final IntArray accounts = new IntArray(4);
        int shares;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int distinct = -1;

        Agg(long key) {
            this.key = key;
        }

        void add(int account, long t) {
            shares++;
            if (accounts.size() == 0 || accounts.get(accounts.size() - 1) != account) {
                accounts.add(account);
            }
            first = Math.min(first, t);
            last = Math.max(last, t);
        }

        int distinct() {
            if (distinct < 0) {
                int[] a = Arrays.copyOf(accounts.raw(), accounts.size());
                Arrays.sort(a);
                int d = 0;
                for (int i = 0; i < a.length; i++) {
                    if (i == 0 || a[i] != a[i - 1]) {
                        a[d++] = a[i];
                    }
                }
                accounts.clear();
                for (int i = 0; i < d; i++) {
                    accounts.add(a[i]);
                }
                distinct = d;
            }
            return distinct;
        }
    }

    private static final class LeanAgg {
        final Set<Integer> posts = new HashSet<>();
        final Map<String, Integer> cues = new HashMap<>();
    }

    private static final class Net {
        final EnumMap<CoordinationKind, Map<Long, Agg>> objects = new EnumMap<>(CoordinationKind.class);
        final Set<Integer> amplifying = new HashSet<>();
        final Map<String, Integer> outlets = new HashMap<>();
        final Map<String, LeanAgg> leans = new HashMap<>();
        final Set<Integer> leanPosts = new HashSet<>();
        final Map<CandidateLexicon.Cue, LeanAgg> leanByCue = new java.util.IdentityHashMap<>();

        Net() {
            for (CoordinationKind k : CoordinationKind.values()) {
                objects.put(k, new HashMap<>());
            }
        }
    }

    /** Characterises networks {@code 0..networks-1}; {@code networkOf[account]} is -1 outside any network. */
    public List<Characterisation> characterise(ShareExtractor x, int[] networkOf, int networks) {
        Accumulator acc = start(networkOf, networks);
        acc.add(x, new Originals() {
            @Override
            public String author(long key) {
                int a = x.originalAuthor(key);
                return a >= 0 ? x.accountId(a) : null;
            }

            @Override
            public String text(long key) {
                return x.originalText(key);
            }
        });
        return acc.finish(x.book());
    }

    /** Starts a characterisation fed slice by slice with {@link Accumulator#add}. */
    public Accumulator start(int[] networkOf, int networks) {
        return new Accumulator(networkOf, networks);
    }

    /** Gathers the members' shares of one or more extractors (slices of one run), then describes the networks. */
    public final class Accumulator {
        private final int[] networkOf;
        private final Net[] nets;
        private final org.vigil.coordination.internal.LongObjectMap<List<CandidateLexicon.Cue>> cues =
                new org.vigil.coordination.internal.LongObjectMap<>(1024);

        private Accumulator(int[] networkOf, int networks) {
            this.networkOf = networkOf;
            this.nets = new Net[networks];
            for (int i = 0; i < networks; i++) {
                nets[i] = new Net();
            }
        }

        /** Adds the members' shares held by {@code x}; {@code originals} resolves re-shared posts. */
        public void add(ShareExtractor x, Originals originals) {
            for (CoordinationKind kind : CoordinationKind.values()) {
                if (kind == CoordinationKind.CO_SIMILAR_TEXT) {
                    continue; // band buckets carry no label; texts are evidence through co-tweet
                }
                ShareTable table = x.table(kind);
                for (int i = 0; i < table.size(); i++) {
                    int acc = table.account(i);
                    int net = acc < networkOf.length ? networkOf[acc] : -1;
                    if (net < 0) {
                        continue;
                    }
                    Net n = nets[net];
                    long key = table.key(i);
                    Agg agg = n.objects.get(kind).get(key);
                    if (agg == null) {
                        agg = new Agg(key);
                        agg.label = x.label(kind, key);
                        if (kind == CoordinationKind.CO_RETWEET) {
                            String who = originals.author(key);
                            if (who == null) {
                                who = x.resharedHandle(key);
                            }
                            String text = originals.text(key);
                            agg.detail = (who == null ? "" : "@" + who + ": ") + (text == null ? "" : clip(text));
                        } else if (kind == CoordinationKind.CO_LINK && agg.label != null) {
                            String outlet = registry.outletOfDomain(UrlNormalizer.domain(agg.label));
                            agg.detail = outlet == null ? "" : outlet;
                        }
                        n.objects.get(kind).put(key, agg);
                    }
                    agg.add(acc, table.time(i));
                    int post = table.ref(i);
                    switch (kind) {
                        case CO_RETWEET -> {
                            String who = originals.author(key);
                            String outlet = who != null ? registry.outletOfAccount(who) : null;
                            if (outlet == null) {
                                outlet = registry.outletOfAccount(x.resharedHandle(key));
                            }
                            amplify(n, post, outlet);
                            // the text only on a miss: as a string it is rebuilt on each call, and the author call above
                            // has already touched this key in an access-ordered cache
                            List<CandidateLexicon.Cue> found = cues.get(key);
                            for (CandidateLexicon.Cue c : found != null ? found : cached(cues, key, originals.text(key))) {
                                lean(n, post, c);
                            }
                        }
                        case CO_LINK -> amplify(n, post, agg.label == null ? null
                                : registry.outletOfDomain(UrlNormalizer.domain(agg.label)));
                        case CO_HASHTAG -> {
                            CandidateLexicon.Cue c = lexicon.hashtag(agg.label);
                            if (c != null) {
                                lean(n, post, c);
                            }
                        }
                        case CO_TWEET -> {
                            for (CandidateLexicon.Cue c : cached(cues, key, agg.label)) {
                                lean(n, post, c);
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
        }

        /** Describes every network; {@code book} gives the members' post counts. */
        public List<Characterisation> finish(org.vigil.coordination.detect.AccountBook book) {
            int[] posts = new int[nets.length];
            for (int a = 0; a < Math.min(networkOf.length, book.size()); a++) {
                if (networkOf[a] >= 0) {
                    posts[networkOf[a]] += book.posts(a);
                }
            }
            List<Characterisation> out = new ArrayList<>(nets.length);
            for (int i = 0; i < nets.length; i++) {
                out.add(describe(nets[i], posts[i]));
            }
            return out;
        }
    }

    private List<CandidateLexicon.Cue> cached(org.vigil.coordination.internal.LongObjectMap<List<CandidateLexicon.Cue>> cache,
                                              long key, String text) {
        List<CandidateLexicon.Cue> c = cache.get(key);
        if (c == null) {
            c = lexicon.text(text);
            cache.putIfAbsent(key, c);
        }
        return c;
    }

    private static void amplify(Net n, int post, String outlet) {
        if (outlet != null) {
            if (n.amplifying.add(post)) {
                n.outlets.merge(outlet, 1, Integer::sum);
            }
        }
    }

    private static void lean(Net n, int post, CandidateLexicon.Cue c) {
        // cues come from the lexicon's own lists, so the same instances recur: spares building the key per share
        LeanAgg agg = n.leanByCue.get(c);
        if (agg == null) {
            agg = n.leans.computeIfAbsent(c.candidate() + "|" + c.lean().name(), k -> new LeanAgg());
            n.leanByCue.put(c, agg);
        }
        agg.posts.add(post);
        agg.cues.merge(c.cue(), 1, Integer::sum);
        n.leanPosts.add(post);
    }

    private Characterisation describe(Net n, int posts) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Map<Long, Agg> objs : n.objects.values()) {
            for (Agg a : objs.values()) {
                if (a.distinct() >= 2) {
                    first = Math.min(first, a.first);
                    last = Math.max(last, a.last);
                }
            }
        }
        if (first == Long.MAX_VALUE) {
            first = 0;
            last = 0;
        }
        List<SharedObject> links = evidence(n, CoordinationKind.CO_LINK);
        List<SharedObject> hashtags = evidence(n, CoordinationKind.CO_HASHTAG);
        List<SharedObject> texts = evidence(n, CoordinationKind.CO_TWEET);
        List<SharedObject> reshared = evidence(n, CoordinationKind.CO_RETWEET);
        List<SharedObject> domains = domains(n);
        double share = posts == 0 ? 0 : n.amplifying.size() / (double) posts;
        List<String> outlets = n.outlets.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
        List<CandidateLean> leans = new ArrayList<>();
        for (Map.Entry<String, LeanAgg> e : n.leans.entrySet()) {
            String[] parts = e.getKey().split("\\|");
            LeanAgg agg = e.getValue();
            List<String> cues = agg.cues.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                    .limit(5).map(Map.Entry::getKey).toList();
            leans.add(new CandidateLean(parts[0], Stance.valueOf(parts[1]), agg.posts.size(),
                    posts == 0 ? 0 : agg.posts.size() / (double) posts, cues));
        }
        leans.sort(Comparator.comparingInt(CandidateLean::posts).reversed().thenComparing(CandidateLean::candidate));
        return new Characterisation(first, last, posts, new NetworkEvidence(links, domains, hashtags, texts, reshared),
                share, outlets, leans);
    }

    private List<SharedObject> evidence(Net n, CoordinationKind kind) {
        List<Agg> aggs = new ArrayList<>();
        for (Agg a : n.objects.get(kind).values()) {
            if (a.distinct() >= 2) {
                aggs.add(a);
            }
        }
        aggs.sort(Comparator.comparingInt(Agg::distinct).reversed().thenComparing(a -> -a.shares).thenComparingLong(a -> a.first));
        List<SharedObject> out = new ArrayList<>();
        for (Agg a : aggs.subList(0, Math.min(top, aggs.size()))) {
            out.add(new SharedObject(kind, a.label == null ? Long.toHexString(a.key) : a.label, a.distinct(), a.shares,
                    a.first, a.last, a.detail));
        }
        return out;
    }

    private List<SharedObject> domains(Net n) {
        Map<String, long[]> byDomain = new HashMap<>(); // shares, first, last
        Map<String, Set<Integer>> accounts = new HashMap<>();
        for (Agg a : n.objects.get(CoordinationKind.CO_LINK).values()) {
            String url = a.label;
            if (url == null) {
                continue;
            }
            String d = UrlNormalizer.domain(url);
            long[] v = byDomain.computeIfAbsent(d, k -> new long[]{0, Long.MAX_VALUE, Long.MIN_VALUE});
            v[0] += a.shares;
            v[1] = Math.min(v[1], a.first);
            v[2] = Math.max(v[2], a.last);
            Set<Integer> s = accounts.computeIfAbsent(d, k -> new HashSet<>());
            a.distinct();
            for (int i = 0; i < a.accounts.size(); i++) {
                s.add(a.accounts.get(i));
            }
        }
        List<SharedObject> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byDomain.entrySet()) {
            int acc = accounts.get(e.getKey()).size();
            if (acc >= 2) {
                String outlet = registry.outletOfDomain(e.getKey());
                out.add(new SharedObject(CoordinationKind.CO_LINK, e.getKey(), acc, (int) e.getValue()[0],
                        e.getValue()[1], e.getValue()[2], outlet == null ? "" : outlet));
            }
        }
        out.sort(Comparator.comparingInt(SharedObject::accounts).reversed()
                .thenComparing(Comparator.comparingInt(SharedObject::shares).reversed()).thenComparing(SharedObject::value));
        return out.subList(0, Math.min(top, out.size()));
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "\u2026";
    }
}
