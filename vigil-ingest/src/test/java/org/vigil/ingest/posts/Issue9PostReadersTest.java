package org.vigil.ingest.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.Problem;

/** Issue 9: CR-only line ends, a truncated gzip and twarc2 pages whose {@code data} is not a list of tweets. */
class Issue9PostReadersTest {
    private static final String QUT_HEADER = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls";

    @TempDir
    Path dir;

    @Test
    void aCsvWithCrOnlyLineEndsIsReadRowByRowWithItsLineNumbers() {
        String rows = IntStream.range(0, 10).mapToObj(i -> i + ",7,u7,,,old mac row " + i + "," + (1727740809 + i) + ",")
                .collect(Collectors.joining("\r"));
        Path file = Reads.write(dir, "mac.csv", QUT_HEADER + "\r" + rows + "\r" + "10,7,u7,,,bad,yesterday,\r");

        Reads r = Reads.of(file);

        assertThat(r.postIds()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(r.posts().get(3).text()).isEqualTo("old mac row 3");
        assertThat(r.problems()).extracting(Problem::line).containsExactly(12L);
    }

    @Test
    void aLoneCrInsideAFileWithLfLineEndsStaysData() {
        Path file = Reads.write(dir, "lf.csv", QUT_HEADER + "\n1,7,u7,,,\"a\rb\",1727740809,\n");
        assertThat(Reads.of(file).posts()).singleElement().satisfies(p -> assertThat(p.text()).contains("a").contains("b"));
        assertThat(Reads.of(file).problems()).isEmpty();
    }

    @Test
    void aTruncatedGzipKeepsEveryCompleteRowThatCanBeDecompressedAndReportsTheCut() throws IOException {
        String rows = IntStream.range(0, 20_000)
                .mapToObj(i -> i + "," + (i % 97) + ",u,,,message number " + i + " with some words," + (1727740809 + i) + ",\n")
                .collect(Collectors.joining());
        Path packed = Reads.gzip(Reads.write(dir, "full.csv", QUT_HEADER + "\n" + rows), dir.resolve("full.csv.gz"));
        byte[] bytes = Files.readAllBytes(packed);
        byte[] cut = Arrays.copyOf(bytes, bytes.length * 2 / 3);
        Path file = dir.resolve("cut.csv.gz");
        Files.write(file, cut);
        String recoverable = decompressAsFarAsPossible(cut);
        long completeRows = recoverable.chars().filter(c -> c == '\n').count() - 1;
        String fragment = recoverable.substring(recoverable.lastIndexOf('\n') + 1);

        Reads r = Reads.of(file);

        assertThat(completeRows).isGreaterThan(10_000);
        assertThat(r.summary().ok()).isEqualTo(completeRows);
        assertThat(r.postIds()).last().isEqualTo(Long.toString(completeRows - 1));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(completeRows + 2);
            assertThat(p.reason()).isEqualTo("the gzip data ends abruptly here (EOFException: Unexpected end of ZLIB input stream):"
                    + " every complete row before this one was read and the cut-off row was dropped; fetch or compress the file again");
            assertThat(p.raw()).isEqualTo(fragment).isNotEmpty();
        });
    }

    @Test
    void aTruncatedGzipOfJsonLinesKeepsTheCompleteLines() throws IOException {
        String lines = IntStream.range(0, 5_000)
                .mapToObj(i -> "{\"post_id\":\"" + i + "\",\"account_id\":\"a" + (i % 13) + "\",\"timestamp\":" + (1727740809 + i)
                        + ",\"text\":\"words " + i + "\"}\n")
                .collect(Collectors.joining());
        Path packed = Reads.gzip(Reads.write(dir, "full.jsonl", lines), dir.resolve("full.jsonl.gz"));
        byte[] bytes = Files.readAllBytes(packed);
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        Path file = dir.resolve("cut.jsonl.gz");
        Files.write(file, cut);
        long complete = decompressAsFarAsPossible(cut).chars().filter(c -> c == '\n').count();

        Reads r = Reads.of(file);

        assertThat(r.summary().ok()).isEqualTo(complete);
        assertThat(r.problems()).extracting(Problem::line).containsExactly(complete + 1);
    }

    @Test
    void aTwarcPageWhoseDataIsNotAListIsQuarantinedWithTheReason() {
        Path file = Reads.write(dir, "pages.jsonl",
                "{\"data\":[{\"id\":\"1\",\"author_id\":\"a\",\"created_at\":\"2024-10-01T12:00:00.000Z\",\"text\":\"hi\"}],\"meta\":{}}\n"
                        + "{\"data\":\"not tweets\",\"meta\":{}}\n"
                        + "{\"data\":[7,{\"id\":\"2\",\"author_id\":\"b\",\"created_at\":\"2024-10-01T12:00:01.000Z\",\"text\":\"yo\"}],\"meta\":{}}\n"
                        + "{\"data\":null,\"meta\":{}}\n");

        Reads r = Reads.of(file, PostFormat.TWARC2_JSONL);

        assertThat(r.postIds()).containsExactly("1", "2");
        assertThat(r.problems()).extracting(Problem::line, Problem::reason).containsExactly(
                tuple(2L, "'data' is a string, not a list of tweets; expected a twarc2 response page {\"data\":[tweets],...}"),
                tuple(3L, "item 1 of 'data' is a number, not a tweet object; the page's other tweets were read"),
                tuple(4L, "'data' is 'null', not a list of tweets; expected a twarc2 response page {\"data\":[tweets],...}"));
        assertThat(r.summary().bad()).isEqualTo(3);
    }

    /** The oracle: byte by byte through the JDK's gunzip until the data runs out. */
    private static String decompressAsFarAsPossible(byte[] gz) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            for (int b; (b = in.read()) >= 0; ) {
                out.write(b);
            }
        } catch (java.io.EOFException expected) {
            // the cut
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
