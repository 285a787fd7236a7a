package org.vigil.app.news;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9: one exit-code contract; skipped files are exit 1, a failure that stops the run is exit 3 with one line. */
class Issue9ExitCodesTest {
    private static final String STORY = "Moscow wants Donald Trump to win the election, U.S. intelligence officials said on Friday.\n";
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void extractAndIngestNewsExitOneWhenAFileIsSkippedAndStoreTheSkip(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("good.txt"), STORY);
        Files.writeString(in.resolve("posts.csv"), "post_id,account_id,timestamp,text\n1,a,1727740809,hi\n");
        Files.writeString(in.resolve("\u001b[2Jevil.txt"), "");

        assertThat(Main.run("extract", "--input", in.toString(), "--output", dir.resolve("p.jsonl").toString()))
                .as(stderr()).isEqualTo(Main.SOME_INPUT_BAD);
        assertThat(stderr()).contains("extract: 1 article(s) read: 1 ok, 2 skipped, 0 failed")
                .contains(in.resolve("posts.csv") + ": SKIPPED a CSV file (table data), not a news article")
                .contains(in + "/\\x1B[2Jevil.txt: SKIPPED empty file").doesNotContain("\u001b");
        assertThat(Files.readAllLines(dir.resolve("p.jsonl"))).hasSize(1);

        Path db = dir.resolve("store.duckdb");
        assertThat(Main.run("ingest", "news", in.toString(), "--db", db.toString())).as(stderr()).isEqualTo(Main.SOME_INPUT_BAD);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
             ResultSet r = c.createStatement().executeQuery("SELECT count(*), count(*) FILTER (WHERE origin LIKE '%posts.csv') FROM quarantine")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(2);
            assertThat(r.getLong(2)).isEqualTo(1);
        }
    }

    @Test
    void aStoreThatCannotBeOpenedStopsTheRunWithExitThreeAndOneLine(@TempDir Path dir) throws Exception {
        Path notAStore = Files.writeString(dir.resolve("notes.duckdb"), "these are my notes, not a database\n");
        assertThat(Main.run("report", "--db", notAStore.toString())).isEqualTo(Main.FAILED);
        assertThat(stderr().lines().toList()).hasSize(1).first().asString().startsWith("vigil report: ");
    }

    @Test
    void aRuntimeFailureInsideACommandIsExitThreeWithOneLineNotAStackTrace(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("good.txt"), STORY);
        Path file = Files.writeString(dir.resolve("file"), "x");
        int code = Main.run("ingest", "news", in.toString(), "--db", file.resolve("store.duckdb").toString());
        assertThat(code).as(stderr()).isEqualTo(Main.FAILED);
        assertThat(stderr()).containsPattern("(?m)^vigil ingest news: [^\\n]+$").doesNotContain("\tat org.");
    }
}
