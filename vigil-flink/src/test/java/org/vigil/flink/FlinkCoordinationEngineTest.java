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

    /** Run in a child JVM: opens a session with a spill folder in args[0], accepts a post, and exits without closing. */
    public static void main(String[] args) {
        CoordinationSettings s = CoordinationSettings.defaults().with("coordination.spill.dir", args[0]);
        CoordinationSession session = CoordinationEngines.named("flink").start(s, p -> { }, ProgressListener.NONE);
        session.accept(new Post("1", "a", 1_700_000_000L, "hello there my friends today", null, null, List.of(), List.of(), "en"));
        System.out.println("spilled");
        System.exit(0);
    }

    @Test
    void aJvmThatExitsWithASessionOpenLeavesNoSpillFolder() throws Exception {
        Path parent = Files.createTempDirectory("vigil-flink-exit-test");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), FlinkCoordinationEngineTest.class.getName(), parent.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        assertThat(out).as("the child's output").contains("spilled");
        assertThat(p.exitValue()).isZero();
        try (Stream<Path> files = Files.list(parent)) {
            assertThat(files.toList()).as("what the exiting JVM left").isEmpty();
        }
        Files.delete(parent);
    }
}
