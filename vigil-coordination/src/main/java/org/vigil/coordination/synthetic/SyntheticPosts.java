package org.vigil.coordination.synthetic;

import org.vigil.model.Post;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A month of posts with known answers: an organic background (heavy-tailed activity, Zipf-popular
 * words, links and hashtags, replies, retweets of popular posts hours later) and disjoint planted groups
 * that amplify state-media posts within seconds, co-link a fresh URL with near-identical text, and
 * copy-paste a text with a campaign hashtag. With {@code hard} the background also has the organic
 * behaviour that fools plain counting: viral bursts (hundreds retweeting one post within minutes),
 * live-event hashtags (thousands using one tag during an event, event after event) and share-button
 * posts (identical "title via outlet URL" texts when an article trends).
 *
 * @param posts    roughly how many posts to generate
 * @param accounts how many accounts
 * @param groups   how many planted groups
 * @param seed     random seed: equal parameters give equal posts
 * @param hard     add the hard organic behaviours
 */
public record SyntheticPosts(int posts, int accounts, int groups, long seed, boolean hard) {
    /** The posts, time-ordered, and each planted account's group (0-based); others are organic. */
    public record Dataset(List<Post> posts, Map<String, Integer> groupOf, List<String> stateMedia) {
    }

    static final long T0 = 1727740800L; // 2024-10-01T00:00:00Z
    static final int SPAN = 30 * 86400;
    private static final String[][] OUTLETS = {
            {"RT_com", "rt.com"}, {"SputnikInt", "sputnikglobe.com"}, {"PressTV", "presstv.ir"},
            {"CGTNOfficial", "cgtn.com"}, {"globaltimesnews", "globaltimes.cn"}};
    private static final String[] CAMPAIGN_TAGS = {"maga", "crookedhillary", "imwithher", "sleepyjoe", "votekamala", "trump2024"};

    public SyntheticPosts {
        if (posts < 1000 || accounts < 100 || groups < 1) {
            throw new IllegalArgumentException("need posts >= 1000, accounts >= 100, groups >= 1; got "
                    + posts + ", " + accounts + ", " + groups);
        }
    }

    public Dataset generate() {
        SplittableRandom rnd = new SplittableRandom(seed);
        Zipf words = new Zipf(5000, 1.0, rnd);
        Zipf tags = new Zipf(3000, 1.1, rnd);
        Zipf urls = new Zipf(100_000, 1.05, rnd);
        double[] activity = new double[accounts];
        double[] cum = new double[accounts];
        double acc = 0;
        for (int i = 0; i < accounts; i++) {
            activity[i] = Math.pow(1 - rnd.nextDouble(), -1 / 1.5); // Pareto(1.5)
            acc += activity[i];
            cum[i] = acc;
        }
        int[] ids = new int[accounts];
        for (int i = 0; i < accounts; i++) {
            ids[i] = i;
        }
        for (int i = accounts - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        Map<String, Integer> groupOf = new HashMap<>();
        List<int[]> members = new ArrayList<>();
        int pos = 0;
        for (int g = 0; g < groups && pos < accounts - 60; g++) {
            int size = Math.min(8 + rnd.nextInt(33), accounts - 60 - pos);
            int[] m = new int[size];
            for (int i = 0; i < size; i++) {
                m[i] = ids[pos++];
                groupOf.put(name(m[i]), g);
            }
            members.add(m);
        }
        List<Post> out = new ArrayList<>(posts + posts / 10);
        long[] next = {0};
        List<long[]> originals = new ArrayList<>(); // {time, id, popularity bits}
        List<Double> popularity = new ArrayList<>();

        // state media: each outlet posts stories over the month
        List<String> stateMedia = new ArrayList<>();
        List<long[]> statePosts = new ArrayList<>();
        for (String[] outlet : OUTLETS) {
            stateMedia.add(outlet[0]);
            for (int i = 0; i < 150; i++) {
                long t = T0 + rnd.nextInt(SPAN);
                String url = "https://" + outlet[1] + "/news/" + Long.toString(rnd.nextLong() & 0xffffffffL, 36);
                long id = ++next[0];
                out.add(new Post(Long.toString(id), outlet[0], t, text(words, rnd, 10, 18) + " " + url, null, null,
                        List.of(url), List.of(), "en"));
                statePosts.add(new long[]{t, id});
                originals.add(new long[]{t, id});
                popularity.add(Math.pow(1 - rnd.nextDouble(), -1 / 1.2));
            }
        }

        // planted groups
        for (int g = 0; g < members.size(); g++) {
            int[] m = members.get(g);
            String tag = CAMPAIGN_TAGS[g % CAMPAIGN_TAGS.length];
            int events = 40 + rnd.nextInt(41);
            for (int e = 0; e < events; e++) {
                long t = T0 + rnd.nextInt(SPAN - 3600);
                double p = 0.5 + 0.4 * rnd.nextDouble();
                List<Integer> part = new ArrayList<>();
                for (int a : m) {
                    if (rnd.nextDouble() < p) {
                        part.add(a);
                    }
                }
                if (part.size() < 2) {
                    part = List.of(m[0], m[1]);
                }
                double kind = rnd.nextDouble();
                if (kind < 0.45) {
                    long[] target = statePosts.get(rnd.nextInt(statePosts.size()));
                    long base = Math.max(t, target[0] + 1);
                    for (int a : part) {
                        out.add(new Post(Long.toString(++next[0]), name(a), base + rnd.nextInt(31), "", Long.toString(target[1]),
                                null, List.of(), List.of(), "en"));
                    }
                } else if (kind < 0.8) {
                    String url = "https://campaign" + g + ".example/p/" + Long.toString(rnd.nextLong() & 0xffffffffL, 36);
                    String[] template = text(words, rnd, 10, 16).split(" ");
                    for (int a : part) {
                        String[] w = template.clone();
                        int edits = rnd.nextInt(3);
                        for (int x = 0; x < edits; x++) {
                            w[rnd.nextInt(w.length)] = "w" + words.next();
                        }
                        out.add(new Post(Long.toString(++next[0]), name(a), t + rnd.nextInt(46),
                                String.join(" ", w) + " #" + tag + " " + url, null, null, List.of(url), List.of("#" + tag), "en"));
                    }
                } else {
                    String template = text(words, rnd, 8, 14);
                    for (int a : part) {
                        out.add(new Post(Long.toString(++next[0]), name(a), t + rnd.nextInt(61), template + " #" + tag,
                                null, null, List.of(), List.of("#" + tag), "en"));
                    }
                }
            }
        }

        if (hard) {
            hardBackground(rnd, words, cum, out, next, originals, popularity);
        }

        // organic background, in time order so retweets can target earlier posts
        int remaining = Math.max(0, posts - out.size());
        long[] times = new long[remaining];
        for (int i = 0; i < remaining; i++) {
            while (true) {
                int s = rnd.nextInt(SPAN);
                double hour = (s % 86400) / 3600.0;
                if (rnd.nextDouble() < 0.35 + 0.65 * (0.5 + 0.5 * Math.sin((hour - 8) / 24 * 2 * Math.PI))) {
                    times[i] = T0 + s;
                    break;
                }
            }
        }
        java.util.Arrays.sort(times);
        double[] popCum = new double[originals.size() + remaining];
        double pc = 0;
        for (int i = 0; i < popularity.size(); i++) {
            pc += popularity.get(i);
            popCum[i] = pc;
        }
        int nOrig = popularity.size();
        for (long t : times) {
            int a = pick(cum, rnd);
            double r = rnd.nextDouble();
            if (r < 0.4 && nOrig > 0) {
                int k = upper(popCum, nOrig, rnd.nextDouble() * popCum[nOrig - 1]);
                long[] o = originals.get(Math.min(k, originals.size() - 1));
                long rt = o[0] + (long) (-Math.log(1 - rnd.nextDouble()) * 7200) + 1;
                out.add(new Post(Long.toString(++next[0]), name(a), rt, "", Long.toString(o[1]), null, List.of(), List.of(), "en"));
            } else if (r < 0.5 && nOrig > 0) {
                long[] o = originals.get(rnd.nextInt(originals.size()));
                out.add(new Post(Long.toString(++next[0]), name(a), Math.max(t, o[0] + 1), text(words, rnd, 4, 12), null,
                        Long.toString(o[1]), List.of(), List.of(), "en"));
            } else {
                StringBuilder b = new StringBuilder(text(words, rnd, 8, 20));
                List<String> u = new ArrayList<>(1);
                List<String> h = new ArrayList<>(2);
                if (rnd.nextDouble() < 0.4) {
                    int i = urls.next();
                    String url = "https://news" + (i % 997) + ".example/a/" + i;
                    u.add(url);
                    b.append(' ').append(url);
                }
                if (rnd.nextDouble() < 0.5) {
                    int n = 1 + rnd.nextInt(3);
                    for (int x = 0; x < n; x++) {
                        String tg = "#t" + tags.next();
                        h.add(tg);
                        b.append(' ').append(tg);
                    }
                }
                long id = ++next[0];
                out.add(new Post(Long.toString(id), name(a), t, b.toString(), null, null, u, h, "en"));
                originals.add(new long[]{t, id});
                pc += Math.pow(1 - rnd.nextDouble(), -1 / 1.2);
                popCum[nOrig++] = pc;
            }
        }
        out.sort(Comparator.comparingLong(Post::timestamp).thenComparingLong(p -> Long.parseLong(p.postId())));
        return new Dataset(out, groupOf, stateMedia);
    }

    /** Viral bursts, live-event hashtags and share-button posts: organic, popular and tightly timed. */
    private void hardBackground(SplittableRandom rnd, Zipf words, double[] cum, List<Post> out, long[] next,
                               List<long[]> originals, List<Double> popularity) {
        int budget = posts / 5;
        int bursts = Math.max(3, budget / 3 / 600);
        for (int b = 0; b < bursts; b++) {
            long t = T0 + rnd.nextInt(SPAN - 7200);
            long id = ++next[0];
            out.add(new Post(Long.toString(id), name(pick(cum, rnd)), t, text(words, rnd, 8, 16), null, null, List.of(), List.of(), "en"));
            originals.add(new long[]{t, id});
            popularity.add(1.0);
            int n = 200 + rnd.nextInt(800);
            for (int i = 0; i < n; i++) {
                long d = 1 + (long) (-Math.log(1 - rnd.nextDouble()) * 90);
                out.add(new Post(Long.toString(++next[0]), name(pick(cum, rnd)), t + d, "", Long.toString(id), null, List.of(), List.of(), "en"));
            }
        }
        int events = Math.max(2, budget / 3 / 1500);
        for (int e = 0; e < events; e++) {
            long t = T0 + rnd.nextInt(SPAN - 7200);
            String tag = "#debatenight";
            int n = 500 + rnd.nextInt(2000);
            for (int i = 0; i < n; i++) {
                long d = (long) (rnd.nextDouble() * 5400);
                String tx = text(words, rnd, 5, 14) + " " + tag + (rnd.nextDouble() < 0.3 ? " #election" : "");
                out.add(new Post(Long.toString(++next[0]), name(pick(cum, rnd)), t + d, tx, null, null, List.of(),
                        rnd.nextDouble() < 0.3 ? List.of(tag, "#election") : List.of(tag), "en"));
            }
        }
        int articles = Math.max(3, budget / 3 / 300);
        for (int a = 0; a < articles; a++) {
            long t = T0 + rnd.nextInt(SPAN - 7200);
            String url = "https://bignews" + (a % 7) + ".example/story/" + a + "?utm_source=share";
            String title = text(words, rnd, 6, 10);
            int n = 100 + rnd.nextInt(400);
            for (int i = 0; i < n; i++) {
                long d = (long) (-Math.log(1 - rnd.nextDouble()) * 600);
                out.add(new Post(Long.toString(++next[0]), name(pick(cum, rnd)), t + d, title + " via @bignews " + url, null, null,
                        List.of(url), List.of(), "en"));
            }
        }
    }

    static String name(int account) {
        return "u" + account;
    }

    private static int pick(double[] cum, SplittableRandom rnd) {
        return upper(cum, cum.length, rnd.nextDouble() * cum[cum.length - 1]);
    }

    private static int upper(double[] cum, int n, double x) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String text(Zipf words, SplittableRandom rnd, int lo, int hi) {
        int n = lo + rnd.nextInt(hi - lo + 1);
        StringBuilder b = new StringBuilder(n * 5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append('w').append(words.next());
        }
        return b.toString();
    }

    /** Zipf sampling over ranks 0..n-1 by inverse CDF. */
    private static final class Zipf {
        private final double[] cum;
        private final SplittableRandom rnd;

        Zipf(int n, double s, SplittableRandom rnd) {
            this.rnd = rnd;
            cum = new double[n];
            double acc = 0;
            for (int k = 1; k <= n; k++) {
                acc += 1.0 / Math.pow(k, s);
                cum[k - 1] = acc;
            }
        }

        int next() {
            return upper(cum, cum.length, rnd.nextDouble() * cum[cum.length - 1]);
        }
    }
}
