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

/** Slice-by-slice detection from a disk spill finds what the in-memory run finds. */
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
        CoordinationResult inMemory = new InProcessCoordinationEngine().detect(posts, CoordinationSettings.defaults(), p -> { });
        CoordinationResult bounded = new InProcessCoordinationEngine().detect(posts, CoordinationSettings.fromMap(Map.of(
                "coordination.slice.seconds", "21600", "coordination.pairs.buffer", "5000",
                "coordination.spill.dir", spill.toString())), p -> { });
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
    void aSliceShorterThanTheWindowIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CoordinationSettings.fromMap(Map.of("coordination.slice.seconds", "30")))
                .hasMessageContaining("coordination.slice.seconds must be 0 or at least the window (60)");
    }
}
