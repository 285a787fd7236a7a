package org.vigil.ingest.posts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.vigil.model.Post;
import org.vigil.model.Problem;
import org.vigil.model.VigilException;

/**
 * Fuzzes every post reader: any bytes, plain or gzipped (whole or cut short), read in each format
 * and with the format detected. A read either refuses the whole file with a {@link VigilException}
 * or accounts for every record: each good one reaches the sink with an id, an account and a time,
 * each bad one reaches the quarantine with its line and a one-line reason, and the summary counts
 * both. Nothing else may escape.
 *
 * <p>A normal test run replays the saved inputs under
 * {@code src/test/resources/org/vigil/ingest/posts/PostReadersFuzzTestInputs/}; how to fuzz for a
 * set time is in {@code docs/fuzzing.md}.
 */
class PostReadersFuzzTest {
    private static Path dir;

    private static synchronized Path scratch() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("vigil-posts-fuzz");
        }
        return dir.resolve("input");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dir != null) {
            Files.deleteIfExists(dir.resolve("input"));
            Files.deleteIfExists(dir);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anyBytesInAnyPostFormatAreReadOrRefusedWithEveryRecordAccountedFor(FuzzedDataProvider data) throws IOException {
        PostFormat[] formats = PostFormat.values();
        int choice = data.consumeInt(0, formats.length);
        PostFormat format = choice == formats.length ? null : formats[choice];
        int packing = data.consumeInt(0, 2);
        byte[] bytes = data.consumeRemainingAsBytes();
        Path file = scratch();
        if (packing == 0) {
            Files.write(file, bytes);
        } else {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
            if (packing == 2) {
                byte[] packed = Files.readAllBytes(file);
                Files.write(file, java.util.Arrays.copyOf(packed, Math.max(10, packed.length * 2 / 3)));
            }
        }
        List<Post> posts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        ReadSummary summary;
        try {
            summary = PostReaders.read(file, format, posts::add, problems::add);
        } catch (VigilException refused) {
            assertThat(refused.getMessage()).startsWith(file.toString()).doesNotContain("\n");
            return;
        }
        assertThat(summary.ok()).isEqualTo(posts.size());
        assertThat(summary.bad()).isEqualTo(problems.size());
        assertThat(summary.rows()).isEqualTo(summary.ok() + summary.bad());
        for (Post p : posts) {
            assertThat(p.postId()).isNotBlank();
            assertThat(p.accountId()).isNotBlank();
        }
        for (Problem p : problems) {
            assertThat(p.origin()).isEqualTo(file.toString());
            assertThat(p.line()).isPositive();
            assertThat(p.reason()).isNotBlank().doesNotContain("\n");
            assertThat(p.raw() == null ? 0 : p.raw().length()).isLessThanOrEqualTo(Tally.RAW_LIMIT + 1);
        }
    }
}
