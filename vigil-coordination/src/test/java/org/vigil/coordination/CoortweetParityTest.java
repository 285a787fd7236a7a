package org.vigil.coordination;

import org.junit.jupiter.api.Test;
import org.vigil.coordination.testing.TestCsv;
import org.vigil.model.CoordinationEdge;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;
import org.vigil.testing.Needs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CooRTweet 2.1.3's own network on its bundled russian_coord_tweets data (min_participation 2, 60 s window,
 * edge weight above the median, subgraph 1): 94 vertices, 60 edges, weights as CooRTweet counts them.
 */
class CoortweetParityTest {
    @Test
    void theCoortweetMethodReproducesCooRTweetsRussianNetworkEdgeForEdge() throws Exception {
        Path tweets = Needs.shared("data/coortweet/russian_coord_tweets.csv");
        Path edges = Needs.shared("data/coortweet/parity_russian_edges.csv");
        List<Post> posts = new ArrayList<>();
        TestCsv.coortweet(tweets, posts::add);
        CoordinationSettings settings = CoordinationSettings.fromMap(Map.of("coordination.method", "coortweet",
                "coordination.kinds", "co-retweet", "coordination.window.seconds", "60",
                "coordination.coortweet.min.participation", "2", "coordination.coortweet.edge.quantile", "0.5"));
        CoordinationResult r = new InProcessCoordinationEngine().detect(posts, settings, p -> { });

        Map<String, Integer> expected = new HashMap<>();
        Set<String> vertices = new HashSet<>();
        TestCsv.records(edges, row -> {
            if (!row[0].equals("from")) {
                expected.put(pair(row[0], row[1]), Integer.parseInt(row[2]));
                vertices.add(row[0]);
                vertices.add(row[1]);
            }
        });
        Map<String, Integer> actual = new HashMap<>();
        for (CoordinationEdge e : r.edges()) {
            actual.put(pair(e.source(), e.target()), (int) e.significance());
        }
        assertThat(expected).hasSize(60);
        assertThat(vertices).hasSize(94);
        assertThat(actual).isEqualTo(expected);
        assertThat(r.accounts()).extracting(a -> a.accountId()).containsExactlyInAnyOrderElementsOf(vertices);
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }
}
