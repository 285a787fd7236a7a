package org.vigil.app.news;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigil extract} on folders with bad files: nothing stops the run, the summary names the bad inputs, the exit code says so. */
class ExtractCommandTest {
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

    private static final String STORY = "Moscow wants Donald Trump to win the election, U.S. intelligence officials said on Friday.\n\n"
            + "Iranian hackers stole and leaked documents from the Trump campaign in 2024, the FBI said.\n";

    @Test
    void badFilesAreReportedAndTheRestIsExtracted(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("good.txt"), STORY);
        Files.writeString(in.resolve("empty.txt"), "");
        Files.write(in.resolve("binary.txt"), new byte[]{0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3, 0, 0});
        Files.write(in.resolve("cp1252.txt"), ("Officials said Russia\u2019s trolls favour Trump \u2014 and that Iran opposes Donald Trump, the report said.\n")
                .getBytes(Charset.forName("windows-1252")));
        Files.write(in.resolve("latin1.txt"), "Café owners in Zürich said nothing about the election.\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(in.resolve("news.jsonl"), "{\"url\":\"https://example.org/a\",\"title\":\"A\",\"text\":\"" + STORY.replace("\n", "\\n") + "\"}\n"
                + "{not json\n");
        Path out = dir.resolve("pred.jsonl");

        int code = Main.run("extract", "--input", in.toString(), "--output", out.toString());

        String summary = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(summary).isEqualTo(Main.SOME_INPUT_BAD);
        assertThat(summary).contains("skipped").contains("failed").contains("news.jsonl:2");
        assertThat(summary).contains("empty.txt").contains("binary.txt");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"doc\":\"good.txt\"").contains("\"holder\":\"RU\"").contains("hack_and_leak"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"doc\":\"cp1252.txt\"").contains("\"target\":\"trump\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"doc\":\"latin1.txt\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("https://example.org/a").contains("\"holder\":\"RU\""));
    }

    @Test
    void aCleanFolderExitsZero(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("good.txt"), STORY);
        int code = Main.run("extract", "--input", in.toString(), "--output", dir.resolve("p.jsonl").toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.OK);
    }

    @Test
    void aMissingInputIsAUsageError(@TempDir Path dir) {
        int code = Main.run("extract", "--input", dir.resolve("nope").toString(), "--output", dir.resolve("p.jsonl").toString());
        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not exist");
    }
}
