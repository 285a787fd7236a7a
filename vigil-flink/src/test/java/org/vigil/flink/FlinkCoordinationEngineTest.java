package org.vigil.flink;

import org.junit.jupiter.api.Test;
import org.vigil.coordination.CoordinationEngines;
import org.vigil.coordination.CoordinationSession;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.ProgressListener;
import org.vigil.model.Post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine as the CLI finds and drives it. */
class FlinkCoordinationEngineTest {
    @Test
    void serviceLoaderFindsTheEngineByName() {
        assertThat(CoordinationEngines.available()).containsKeys("flink", "in-process");
        assertThat(CoordinationEngines.named("flink")).isInstanceOf(FlinkCoordinationEngine.class);
    }

    @Test
    void theCoortweetMethodIsAUsageErrorThatNamesTheOtherEngine() {
        assertThatThrownBy(() -> CoordinationEngines.named("flink").start(CoordinationSettings.defaults().with("coordination.method", "coortweet"),
                p -> { }, ProgressListener.NONE))
                .hasMessage("the flink engine runs method 'vigil' only, not 'coortweet'; use the in-process engine (--engine in-process) for it");
    }

    @Test
    void aSessionRemovesItsSpillFolderWhenClosedUnfinished() throws Exception {
        Path parent = Files.createTempDirectory("vigil-flink-engine-test");
        CoordinationSettings s = CoordinationSettings.defaults().with("coordination.spill.dir", parent.toString());
        try (CoordinationSession session = CoordinationEngines.named("flink").start(s, p -> { }, ProgressListener.NONE)) {
            session.accept(new Post("1", "a", 1_700_000_000L, "hello there my friends today", null, null, List.of(), List.of(), "en"));
            try (Stream<Path> files = Files.list(parent)) {
                assertThat(files.count()).isEqualTo(1);
            }
        }
        try (Stream<Path> files = Files.list(parent)) {
            assertThat(files.count()).isZero();
        }
        Files.delete(parent);
    }
}
