package org.vigil.coordination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.model.Account;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slice-by-slice detection from a disk spill finds what the in-memory run finds: exactly, for the activity
 * test; for the exclusivity test, an object's audience is counted per slice and its history, so there the
 * two runs agree on the planted groups, not to the account.
 */
class BoundedMemoryRunTest {
    @TempDir
    Path spill;

    private static List<String> placement(CoordinationResult r) {
        List<String> out = new ArrayList<>();
        for (Account a : r.accounts()) {
            out.add(a.accountId() + "@" + a.networkId());
        }
        Collections.sort(out);
        return out;
    }

    @Test
    void slicesWithSpilledPairRunsGiveTheSameNetworksAsOneInMemoryPass() throws Exception {
        List<Post> posts = new ArrayList<>(new SyntheticPosts(80_000, 5_000, 8, 13, true).generate().posts());
        Collections.shuffle(posts, new Random(2)); // the spill, not the input, puts posts in time order
        CoordinationResult inMemory = new InProcessCoordinationEngine().detect(posts,
                CoordinationSettings.fromMap(Map.of("coordination.exclusive.min.acts", "0")), p -> { });
        CoordinationResult bounded = new InProcessCoordinationEngine().detect(posts, CoordinationSettings.fromMap(Map.of(
                "coordination.slice.seconds", "21600", "coordination.pairs.buffer", "5000",
                "coordination.spill.dir", spill.toString(), "coordination.exclusive.min.acts", "0")), p -> { });
        assertThat(placement(bounded)).isEqualTo(placement(inMemory)).isNotEmpty();
        assertThat(bounded.stats().get("slices")).isGreaterThan(100L);
        assertThat(bounded.stats()).containsKey("spilled.runs.co-retweet");
        assertThat(bounded.networks()).extracting(n -> n.evidence().hashtags().isEmpty()).containsOnly(false);
        assertThat(bounded.stats().get("pairs.tests")).isEqualTo(inMemory.stats().get("pairs.tests"));
        try (var left = Files.list(spill)) {
            assertThat(left).as("the spill folder is cleaned up").isEmpty();
        }
    }

    @Test
    void withTheExclusivityTestSlicesFindThePlantedGroupsTheInMemoryRunFinds() {
        SyntheticPosts.Dataset d = new SyntheticPosts(80_000, 5_000, 8, 13, true).generate();
        List<Post> posts = new ArrayList<>(d.posts());
        Collections.shuffle(posts, new Random(2));
        CoordinationResult inMemory = new InProcessCoordinationEngine().detect(posts, CoordinationSettings.defaults(), p -> { });
        CoordinationResult bounded = new InProcessCoordinationEngine().detect(posts, CoordinationSettings.fromMap(Map.of(
                "coordination.slice.seconds", "21600", "coordination.pairs.buffer", "5000",
                "coordination.spill.dir", spill.toString())), p -> { });
        java.util.Set<String> stateMedia = new java.util.HashSet<>(d.stateMedia());
        for (CoordinationResult r : List.of(inMemory, bounded)) {
            org.vigil.coordination.testing.Scores s = org.vigil.coordination.testing.Scores.of(r.accounts(), d.groupOf(), stateMedia);
            assertThat(s.precision()).as("precision").isGreaterThanOrEqualTo(0.95);
            assertThat(s.recall()).as("recall").isGreaterThanOrEqualTo(0.95);
        }
        java.util.Set<String> a = new java.util.HashSet<>();
        inMemory.accounts().forEach(x -> a.add(x.accountId()));
        java.util.Set<String> b = new java.util.HashSet<>();
        bounded.accounts().forEach(x -> b.add(x.accountId()));
        java.util.Set<String> both = new java.util.HashSet<>(a);
        both.retainAll(b);
        java.util.Set<String> either = new java.util.HashSet<>(a);
        either.addAll(b);
        assertThat(both.size() / (double) either.size()).as("accounts both runs flag, of those either flags").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aSliceShorterThanTheWindowIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CoordinationSettings.fromMap(Map.of("coordination.slice.seconds", "30")))
                .hasMessageContaining("coordination.slice.seconds must be 0 or at least the window (60)");
    }
}
