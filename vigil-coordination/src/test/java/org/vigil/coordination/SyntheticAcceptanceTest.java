package org.vigil.coordination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.coordination.testing.Scores;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;
import org.vigil.model.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planted groups in generated posts, with and without the organic behaviour that fools plain counting
 * (viral bursts, live-event hashtags, share-button posts), over several seeds and sizes.
 */
class SyntheticAcceptanceTest {
    private static CoordinationResult detect(List<Post> posts, Map<String, String> settings) {
        List<Problem> problems = new ArrayList<>();
        CoordinationResult r = new InProcessCoordinationEngine().detect(posts, CoordinationSettings.fromMap(settings), problems::add);
        assertThat(problems).isEmpty();
        return r;
    }

    @ParameterizedTest(name = "{0} posts, {1} accounts, {2} groups, seed {3}, hard {4}")
    @CsvSource({
            "60000, 4000, 6, 1, true",
            "120000, 8000, 12, 7, true",
            "120000, 8000, 12, 3, false",
            "200000, 20000, 20, 11, true"})
    void plantedGroupsAreFoundEachAsOneNetworkAndLittleElseIsFlagged(int posts, int accounts, int groups, long seed, boolean hard) {
        SyntheticPosts.Dataset d = new SyntheticPosts(posts, accounts, groups, seed, hard).generate();
        CoordinationResult r = detect(d.posts(), Map.of());
        Scores s = Scores.of(r.accounts(), d.groupOf(), new HashSet<>(d.stateMedia()));
        assertThat(s.precision()).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(s.recall()).as("recall").isGreaterThanOrEqualTo(0.95);
        assertThat(s.groupsSplit()).as("networks per planted group").isEqualTo(1.0);
        assertThat(s.purity()).as("network purity").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void oneThreadAndTwoThreadsFindTheSameNetworks() {
        List<Post> posts = new SyntheticPosts(40000, 3000, 5, 5, true).generate().posts();
        CoordinationResult one = detect(posts, Map.of("coordination.threads", "1"));
        CoordinationResult two = detect(posts, Map.of("coordination.threads", "2"));
        assertThat(two.accounts()).isEqualTo(one.accounts());
        assertThat(two.edges()).isEqualTo(one.edges());
    }

    @Test
    void theOrderPostsArriveInDoesNotChangeTheResult() {
        List<Post> posts = new ArrayList<>(new SyntheticPosts(30000, 2000, 4, 9, true).generate().posts());
        CoordinationResult ordered = detect(posts, Map.of());
        java.util.Collections.shuffle(posts, new java.util.Random(4));
        CoordinationResult shuffled = detect(posts, Map.of());
        assertThat(shuffled.accounts()).extracting(a -> a.accountId() + "@" + a.networkId())
                .containsExactlyInAnyOrderElementsOf(ordered.accounts().stream().map(a -> a.accountId() + "@" + a.networkId()).toList());
    }

    @Test
    void countingCoRetweetsAloneFlagsOrganicAccountsThatVigilsMethodLeavesOut() {
        SyntheticPosts.Dataset d = new SyntheticPosts(120000, 8000, 10, 21, true).generate();
        CoordinationResult plain = detect(d.posts(), Map.of("coordination.method", "coortweet", "coordination.kinds", "co-retweet"));
        CoordinationResult vigil = detect(d.posts(), Map.of());
        double plainPrecision = Scores.of(plain.accounts(), d.groupOf(), new HashSet<>(d.stateMedia())).precision();
        double vigilPrecision = Scores.of(vigil.accounts(), d.groupOf(), new HashSet<>(d.stateMedia())).precision();
        assertThat(plainPrecision).isLessThan(0.5);
        assertThat(vigilPrecision).isGreaterThanOrEqualTo(0.95);
    }
}
