package org.vigil.coordination;

import org.junit.jupiter.api.Test;
import org.vigil.coordination.detect.PostFeatures;
import org.vigil.coordination.detect.ShareExtractor;
import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public stage API against the in-process engine it was cut from, and the session's life cycle. */
class CoordinationStagesTest {
    private static final List<Post> POSTS = new SyntheticPosts(3_000, 200, 4, 11, true).generate().posts();

    @Test
    void forEachShareListsTheObjectsTheShareExtractorFiles() {
        CoordinationSettings settings = CoordinationSettings.defaults();
        CoordinationStages stages = new CoordinationStages(settings);
        ShareExtractor x = new ShareExtractor(settings);
        PostFeatures.Maker maker = stages.featureMaker();
        Map<CoordinationKind, List<Long>> listed = new EnumMap<>(CoordinationKind.class);
        for (Post p : POSTS) {
            x.accept(p);
            maker.make(p).forEachShare((kind, key) -> listed.computeIfAbsent(kind, k -> new ArrayList<>()).add(key));
        }
        for (CoordinationKind kind : CoordinationKind.values()) {
            List<Long> filed = new ArrayList<>();
            for (int i = 0; i < x.table(kind).size(); i++) {
                filed.add(x.table(kind).key(i));
            }
            assertThat(listed.getOrDefault(kind, List.of())).as("%s shares", kind).isEqualTo(filed);
        }
    }

    @Test
    void theCoortweetMethodIsRefusedWithAMessage() {
        assertThatThrownBy(() -> new CoordinationStages(CoordinationSettings.defaults().with("coordination.method", "coortweet")))
                .hasMessage("the coordination stages run method 'vigil' only, got 'coortweet'; run the coortweet method with the in-process engine");
    }

    @Test
    void aSlicedNetworkStageKeepsItsPostsOnDiskAndRemovesThemOnClose() throws Exception {
        Path parent = Files.createTempDirectory("vigil-network-stage-test");
        CoordinationStages sliced = new CoordinationStages(CoordinationSettings.defaults().with("coordination.slice.seconds", "3600"));
        try (NetworkStage network = sliced.networkStage(org.vigil.coordination.characterise.StateMediaRegistry.bundled(),
                org.vigil.coordination.characterise.CandidateLexicon.bundled(), parent)) {
            POSTS.forEach(network::post);
            try (Stream<Path> files = Files.walk(parent)) {
                assertThat(files.filter(Files::isRegularFile).count()).as("slice files of the posts").isGreaterThan(1);
            }
            CoordinationResult r = network.finish();
            assertThat(r.stats().get("posts")).isEqualTo((long) POSTS.size());
        }
        try (Stream<Path> files = Files.list(parent)) {
            assertThat(files.toList()).as("what close() leaves").isEmpty();
        }
    }

    @Test
    void aSessionClosedBeforeFinishingRemovesItsSpillFolder() throws Exception {
        Path parent = Files.createTempDirectory("vigil-stages-test");
        CoordinationSettings sliced = CoordinationSettings.defaults().with("coordination.slice.seconds", "3600")
                .with("coordination.spill.dir", parent.toString());
        try (CoordinationSession s = new InProcessCoordinationEngine().start(sliced, p -> { }, ProgressListener.NONE)) {
            POSTS.forEach(s);
            try (Stream<Path> files = Files.list(parent)) {
                assertThat(files.count()).as("a spill folder while the run is open").isEqualTo(1);
            }
        }
        try (Stream<Path> files = Files.list(parent)) {
            assertThat(files.count()).as("spill folders after close").isZero();
        }
        Files.delete(parent);
    }

    @Test
    void aCancelledSessionRefusesPostsAndDoesNotFinish() {
        CoordinationSession s = new InProcessCoordinationEngine().start(CoordinationSettings.defaults(), p -> { }, ProgressListener.NONE);
        s.accept(POSTS.get(0));
        s.cancel();
        assertThatThrownBy(() -> s.accept(POSTS.get(1))).isInstanceOf(CancellationException.class);
        assertThatThrownBy(s::finish).isInstanceOf(CancellationException.class);
        s.close();
    }

    @Test
    void aClosedFinishedSessionKeepsItsResult() {
        CoordinationResult r;
        try (CoordinationSession s = new InProcessCoordinationEngine().start(CoordinationSettings.defaults(), p -> { }, ProgressListener.NONE)) {
            POSTS.forEach(s);
            r = s.finish();
        }
        assertThat(r.networks()).isNotEmpty();
    }
}
