package org.vigil.coordination;

import org.junit.jupiter.api.Test;
import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: in bounded mode a slice sees the last history() seconds before it, whether or not the slices in
 * between held posts. Before, shares older than that stayed in the history after a slice without posts and
 * counted towards their objects' audience, so one unrelated post in a quiet stretch changed other accounts' links.
 */
class Issue12EmptySliceTest {
    @Test
    void oneUnrelatedPostInAQuietStretchChangesNoOtherLink() {
        List<Post> posts = new ArrayList<>(new SyntheticPosts(8_000, 400, 4, 5, true).generate().posts());
        posts.sort(Comparator.comparingLong(Post::timestamp));
        long cut = posts.get(posts.size() / 2).timestamp();
        List<Post> gapped = new ArrayList<>();
        for (Post p : posts) {
            gapped.add(p.timestamp() < cut ? p : new Post(p.postId(), p.accountId(), p.timestamp() + 3 * 86_400L, p.text(),
                    p.retweetOf(), p.replyTo(), p.urls(), p.hashtags(), p.language()));
        }
        List<Post> withLonePost = new ArrayList<>(gapped);
        withLonePost.add(new Post("lone-1", "lone-account", cut + 86_400L, "nothing to do with anything else here",
                null, null, List.of(), List.of(), "en"));
        CoordinationSettings sliced = CoordinationSettings.defaults().with("coordination.slice.seconds", "3600");
        CoordinationResult quiet = new InProcessCoordinationEngine().detect(gapped, sliced, p -> { });
        CoordinationResult lone = new InProcessCoordinationEngine().detect(withLonePost, sliced, p -> { });
        assertThat(quiet.networks()).isNotEmpty();
        assertThat(lone.edges()).isEqualTo(quiet.edges());
        assertThat(lone.accounts()).isEqualTo(quiet.accounts());
    }
}
