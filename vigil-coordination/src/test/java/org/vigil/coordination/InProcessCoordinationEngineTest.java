package org.vigil.coordination;

import org.junit.jupiter.api.Test;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;
import org.vigil.model.Problem;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InProcessCoordinationEngineTest {
    @Test
    void aPostWithoutAnAccountIsQuarantinedNotDropped() {
        List<Problem> problems = new ArrayList<>();
        CoordinationSession s = new InProcessCoordinationEngine().start(CoordinationSettings.defaults(), problems::add, ProgressListener.NONE);
        s.accept(new Post("p1", "", 1, "text", null, null, null, null, null));
        s.accept(new Post("p2", null, 1, "text", null, null, null, null, null));
        s.accept(new Post("p3", "a", 1, "text", null, null, null, null, null));
        CoordinationResult r = s.finish();
        assertThat(problems).extracting(Problem::origin).containsExactly("post p1", "post p2");
        assertThat(problems.get(0).message()).isEqualTo("post p1: post has no account id, so it cannot be attributed; fix the account column");
        assertThat(r.stats()).containsEntry("posts", 1L);
    }

    @Test
    void anEmptyInputGivesAnEmptyResult() {
        CoordinationResult r = new InProcessCoordinationEngine().detect(List.of(), CoordinationSettings.defaults(), p -> { });
        assertThat(r.networks()).isEmpty();
        assertThat(r.accounts()).isEmpty();
        assertThat(r.edges()).isEmpty();
    }

    @Test
    void aSessionFinishesOnce() {
        CoordinationSession s = new InProcessCoordinationEngine().start(CoordinationSettings.defaults(), p -> { }, ProgressListener.NONE);
        s.finish();
        assertThatThrownBy(s::finish).hasMessageContaining("already called");
        assertThatThrownBy(() -> s.accept(new Post("x", "a", 1, "", null, null, null, null, null))).hasMessageContaining("has finished");
    }
}
