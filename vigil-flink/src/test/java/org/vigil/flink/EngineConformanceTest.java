package org.vigil.flink;

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
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One suite, both engines: every case runs on the in-process engine and on the Flink engine (MiniCluster,
 * parallelism 1 and 2), and the accounts, networks (with their evidence), pairs and weights must be equal.
 */
class EngineConformanceTest {
    private static final CoordinationSettings DEFAULTS = CoordinationSettings.defaults();

    /** A named input and the settings it runs with. */
    record Case(String name, List<Post> posts, CoordinationSettings settings) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> engines() {
        return Stream.of(1, 2).map(Arguments::of);
    }

    static CoordinationResult run(CoordinationEngine engine, Case c, List<Problem> problems) {
        try (CoordinationSession s = engine.start(c.settings(), problems::add, ProgressListener.NONE)) {
            c.posts().forEach(s);
            return s.finish();
        }
    }

    static CoordinationEngine flink(int parallelism) {
        CoordinationEngine e = CoordinationEngines.named("flink");
        return ((FlinkCoordinationEngine) e).withFlinkSettings(FlinkSettings.defaults().withParallelism(parallelism));
    }

    static void assertSameResult(Case c, CoordinationEngine other) {
        List<Problem> expectedProblems = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        CoordinationResult expected = run(CoordinationEngines.named("in-process"), c, expectedProblems);
        CoordinationResult actual = run(other, c, problems);
        assertThat(actual.accounts()).as("accounts of %s", c).isEqualTo(expected.accounts());
        assertThat(actual.edges()).as("pairs and weights of %s", c).isEqualTo(expected.edges());
        assertThat(actual.networks()).as("networks of %s", c).isEqualTo(expected.networks());
        assertThat(problems).as("problems of %s", c).isEqualTo(expectedProblems);
        for (String k : List.of("coactions.co-retweet", "coactions.co-link", "coactions.co-hashtag", "coactions.co-tweet",
                "coactions.co-similar-text", "pairs.tests", "posts", "accounts")) {
            assertThat(actual.stats().get(k)).as("%s of %s", k, c).isEqualTo(expected.stats().get(k));
        }
    }

    static Stream<Arguments> synthetic() {
        return engines().map(a -> Arguments.of(a.get()[0], new Case("synthetic 20k", new SyntheticPosts(20_000, 1_000, 10, 42, true)
                .generate().posts(), DEFAULTS)));
    }

    @ParameterizedTest(name = "{1} at parallelism {0}")
    @MethodSource("synthetic")
    void bothEnginesFindTheSameNetworks(int parallelism, Case c) {
        assertSameResult(c, flink(parallelism));
    }
}
