package org.vigil.flink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.coordination.CoordinationEngine;
import org.vigil.coordination.CoordinationEngines;
import org.vigil.coordination.CoordinationSession;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.ProgressListener;
import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.ingest.posts.PostReaders;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;
import org.vigil.model.Problem;
import org.vigil.testing.Needs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One suite, both engines: every case runs on the in-process engine and on the Flink engine (MiniCluster),
 * and the accounts, networks (with their evidence), pairs and weights, and the quarantined records, must be
 * equal. Cases: hand-built posts, CooRTweet's russian_coord_tweets.csv, 200k generated posts, posts out of
 * time order, in bounded-memory slices, and posts later than the allowed lateness.
 */
class EngineConformanceTest {
    private static final CoordinationSettings DEFAULTS = CoordinationSettings.defaults();
    private static final CoordinationSettings SLICED = DEFAULTS.with("coordination.slice.seconds", "3600");
    private static final long T = 1_700_000_000L;

    /** A named input, the settings it runs with, and the job settings of the Flink run. */
    record Case(String name, List<Post> posts, CoordinationSettings settings, FlinkSettings flink) {
        @Override
        public String toString() {
            return name;
        }
    }

    static CoordinationResult run(CoordinationEngine engine, List<Post> posts, CoordinationSettings settings, List<Problem> problems) {
        try (CoordinationSession s = engine.start(settings, problems::add, ProgressListener.NONE)) {
            posts.forEach(s);
            return s.finish();
        }
    }

    static CoordinationEngine flink(FlinkSettings settings) {
        return ((FlinkCoordinationEngine) CoordinationEngines.named("flink")).withFlinkSettings(settings);
    }

    static void assertSame(String what, CoordinationResult expected, CoordinationResult actual) {
        assertThat(actual.accounts()).as("accounts of %s", what).isEqualTo(expected.accounts());
        assertThat(actual.edges()).as("pairs and weights of %s", what).isEqualTo(expected.edges());
        assertThat(actual.networks()).as("networks of %s", what).isEqualTo(expected.networks());
        for (String k : List.of("coactions.co-retweet", "coactions.co-link", "coactions.co-hashtag", "coactions.co-tweet",
                "coactions.co-similar-text", "pairs.tests", "posts", "accounts")) {
            assertThat(actual.stats().get(k)).as("%s of %s", k, what).isEqualTo(expected.stats().get(k));
        }
    }

    private static Post rt(String id, String account, long t, String of) {
        return new Post(id, account, t, "RT @src: " + of, of, null, List.of(), List.of(), "en");
    }

    private static Post post(String id, String account, long t, String text, List<String> urls, List<String> tags) {
        return new Post(id, account, t, text, null, null, urls, tags, "en");
    }

    /** Three accounts re-sharing, linking, tagging and pasting in step; two bystanders; a post with no account. */
    static List<Post> handBuilt() {
        List<Post> p = new ArrayList<>();
        int id = 0;
        for (int round = 0; round < 12; round++) {
            long t = T + round * 7_200L;
            String text = "the election was stolen say observers in district number " + round + " again today";
            for (String a : List.of("ann", "bob", "cat")) {
                long at = t + a.length() * (round % 3) + a.charAt(0) % 7;
                p.add(rt("r" + id++, a, at, "orig" + round));
                p.add(post("p" + id++, a, at + 20, text + (a.equals("bob") ? " !" : ""), List.of("https://news.example/a/" + round),
                        List.of("#vote" + round)));
            }
            p.add(rt("r" + id++, "dan", t + 3_000, "orig" + round));
            p.add(post("p" + id++, "eve", t + 40, "a quiet walk in the park with the dog this morning " + round, List.of(), List.of()));
            p.add(post("orig" + round, "src", t - 30, "breaking news about the vote count in the capital " + round, List.of(), List.of()));
        }
        p.add(new Post("x1", " ", T, "no account here", null, null, List.of(), List.of(), "en"));
        return p;
    }

    /** Posts moved out of time order by up to {@code maxShiftSeconds}: each swaps with a random later post that close in time. */
    static List<Post> disordered(List<Post> posts, long maxShiftSeconds, long seed) {
        List<Post> p = new ArrayList<>(posts);
        p.sort(Comparator.comparingLong(Post::timestamp));
        Random r = new Random(seed);
        for (int i = 0; i < p.size(); i++) {
            int j = i + r.nextInt(50);
            if (j < p.size() && p.get(j).timestamp() - p.get(i).timestamp() <= maxShiftSeconds) {
                Post x = p.get(i);
                p.set(i, p.get(j));
                p.set(j, x);
            }
        }
        return p;
    }

    /** The posts after the middle moved {@code days} later: a stretch of slices in which nobody posts. */
    static List<Post> withGap(List<Post> posts, int days) {
        List<Post> p = new ArrayList<>(posts);
        p.sort(Comparator.comparingLong(Post::timestamp));
        long cut = p.get(p.size() / 2).timestamp();
        List<Post> out = new ArrayList<>();
        for (Post x : posts) {
            out.add(x.timestamp() < cut ? x : new Post(x.postId(), x.accountId(), x.timestamp() + days * 86_400L, x.text(), x.retweetOf(),
                    x.replyTo(), x.urls(), x.hashtags(), x.language()));
        }
        return out;
    }

    static Stream<Arguments> cases() {
        FlinkSettings one = FlinkSettings.defaults().withParallelism(1);
        FlinkSettings two = FlinkSettings.defaults().withParallelism(2);
        List<Post> small = new SyntheticPosts(20_000, 1_000, 10, 42, true).generate().posts();
        return Stream.of(
                new Case("hand-built posts", handBuilt(), DEFAULTS, two),
                new Case("no posts", List.of(), DEFAULTS, two),
                new Case("20k generated posts at parallelism 1", small, DEFAULTS, one),
                new Case("20k generated posts at parallelism 2", small, DEFAULTS, two),
                new Case("20k generated posts out of time order by up to 30 min", disordered(small, 1_800, 3), DEFAULTS, two),
                new Case("20k generated posts in 1-hour slices, out of order within the watermark's bound",
                        disordered(small, 1_800, 4), SLICED, two),
                new Case("20k generated posts in 1-hour slices, late but within the allowed lateness",
                        disordered(small, 1_800, 5), SLICED, two.withOutOfOrder(60).withLateness(3_600)),
                new Case("20k generated posts in 1-hour slices with three days of no posts in the middle", withGap(small, 3), SLICED, two),
                new Case("200k generated posts", new SyntheticPosts(200_000, 10_000, 20, 7, true).generate().posts(), DEFAULTS, two))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothEnginesGiveTheSameAccountsPairsWeightsAndNetworks(Case c) {
        List<Problem> expectedProblems = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        CoordinationResult expected = run(CoordinationEngines.named("in-process"), c.posts(), c.settings(), expectedProblems);
        CoordinationResult actual = run(flink(c.flink()), c.posts(), c.settings(), problems);
        assertSame(c.name(), expected, actual);
        assertThat(problems).as("quarantine of %s", c).isEqualTo(expectedProblems);
        if (!c.posts().isEmpty()) {
            assertThat(expected.networks()).as("%s finds networks (else the comparison proves little)", c).isNotEmpty();
        }
    }

    @Test
    void russianCoordTweetsGiveTheSameNetworksOnBothEngines() {
        Path file = Needs.shared("data/coortweet/russian_coord_tweets.csv");
        List<Post> posts = new ArrayList<>();
        List<Problem> bad = new ArrayList<>();
        PostReaders.read(file, null, posts::add, bad::add);
        CoordinationResult expected = run(CoordinationEngines.named("in-process"), posts, DEFAULTS, new ArrayList<>());
        CoordinationResult actual = run(flink(FlinkSettings.defaults().withParallelism(2)), posts, DEFAULTS, new ArrayList<>());
        assertThat(expected.networks()).isNotEmpty();
        assertSame(file.getFileName().toString(), expected, actual);
    }

    @Test
    void aShareLaterThanTheAllowedLatenessIsReportedAndNotCounted() {
        List<Post> posts = new ArrayList<>(new SyntheticPosts(20_000, 1_000, 10, 42, true).generate().posts());
        posts.sort(Comparator.comparingLong(Post::timestamp));
        List<Post> onTime = List.copyOf(posts);
        Post first = posts.get(0);
        // a re-share of a post that many accounts re-share, stamped at the start of the input but arriving last
        Post late = new Post("late-1", "latecomer", first.timestamp(), "RT @x: late", posts.stream()
                .filter(p -> p.retweetOf() != null).findFirst().orElseThrow().retweetOf(), null, List.of(), List.of(), "en");
        posts.add(late);
        List<Problem> problems = new ArrayList<>();
        CoordinationResult actual = run(flink(FlinkSettings.defaults().withParallelism(2).withOutOfOrder(60).withLateness(600)),
                posts, SLICED, problems);
        CoordinationResult expected = run(CoordinationEngines.named("in-process"), onTime, SLICED, new ArrayList<>());
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).startsWith("input record 20001 (account latecomer): arrived after its slice closed");
        assertThat(actual.edges()).isEqualTo(expected.edges());
        assertThat(actual.accounts()).isEqualTo(expected.accounts());
        assertThat(actual.stats().get("coactions.co-retweet")).isEqualTo(expected.stats().get("coactions.co-retweet"));
    }
}
