package org.vigil.ingest.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.model.VigilException;

class PostFormatDetectionTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "vigil.csv, VIGIL_CSV", "vigil.jsonl, VIGIL_JSONL", "twarc2-pages.jsonl, TWARC2_JSONL",
            "twarc2-flat.jsonl, TWARC2_JSONL", "io-archive.csv, IO_ARCHIVE_CSV", "qut.csv, QUT_CSV",
            "coortweet.csv, COORTWEET_CSV", "ira.csv, IRA_CSV", "coortweet-german.csv, COORTWEET_GERMAN_CSV"})
    void eachFormatIsToldFromItsFirstLine(String file, PostFormat expected) {
        assertThat(PostReaders.detect(Reads.resource(file))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"qut.csv, QUT_CSV", "twarc2-pages.jsonl, TWARC2_JSONL", "ira.csv, IRA_CSV"})
    void gzipIsRecognisedByItsMagicBytesEvenWithoutAGzSuffix(String file, PostFormat expected) {
        Path plain = Reads.resource(file);
        Path packed = Reads.gzip(plain, dir.resolve("export.data"));

        assertThat(PostReaders.detect(packed)).isEqualTo(expected);
        Reads fromGzip = Reads.of(packed);
        assertThat(fromGzip.posts()).isEqualTo(Reads.of(plain).posts()).isNotEmpty();
        assertThat(fromGzip.summary().format()).isEqualTo(expected);
    }

    @Test
    void aByteOrderMarkAndCarriageReturnsDoNotHideTheHeader() {
        Path file = Reads.write(dir, "bom.csv", "\uFEFFmessage_id,user_id,username,repost_id,reply_id,message,timestamp,urls\r\n"
                + "1,7,u7,,,hello,1727740809,\r\n");

        Reads r = Reads.of(file);

        assertThat(r.summary().format()).isEqualTo(PostFormat.QUT_CSV);
        assertThat(r.problems()).isEmpty();
        assertThat(r.posts()).singleElement().satisfies(p -> {
            assertThat(p.accountId()).isEqualTo("7");
            assertThat(p.urls()).isEmpty();
        });
    }

    @Test
    void anUnknownHeaderFailsNamingTheFileAndTheFormats() {
        Path file = Reads.write(dir, "mystery.csv", "a,b,c\n1,2,3\n");

        assertThatThrownBy(() -> PostReaders.detect(file))
                .isInstanceOf(VigilException.class)
                .hasMessageStartingWith(file + ": unknown post format, first line 'a,b,c'")
                .hasMessageContainingAll("qut (message_id", "ira (tweet_seq", "twarc2", "--format");
        assertThatThrownBy(() -> Reads.of(file)).isInstanceOf(VigilException.class);
    }

    @Test
    void anEmptyFileCannotBeDetected() {
        Path file = Reads.write(dir, "empty.csv", "\n\n");

        assertThatThrownBy(() -> PostReaders.detect(file))
                .isInstanceOf(VigilException.class)
                .hasMessageContaining(file + ": the file is empty");
    }

    @Test
    void anEmptyFileWithAGivenFormatReadsAsNoRows() {
        Path file = Reads.write(dir, "empty.csv", "");

        assertThat(Reads.of(file, PostFormat.QUT_CSV).summary().rows()).isZero();
    }

    @Test
    void aJsonArrayIsRefusedWithHowToConvertIt() {
        Path file = Reads.write(dir, "array.json", "[{\"id\":\"1\"}]\n");

        assertThatThrownBy(() -> PostReaders.detect(file))
                .isInstanceOf(VigilException.class)
                .hasMessageContaining("JSON lines")
                .hasMessageContaining("jq -c");
    }

    @Test
    void aMissingFileFailsWithOneLineNamingIt() {
        Path file = dir.resolve("nope.csv");

        assertThatThrownBy(() -> PostReaders.detect(file))
                .isInstanceOf(VigilException.class)
                .hasMessageStartingWith(file + ": cannot read posts")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aGivenFormatOverridesDetection() {
        // Read as another format, a file must fail once on its header rather than on every row.
        assertThatThrownBy(() -> Reads.of(Reads.resource("qut.csv"), PostFormat.VIGIL_CSV))
                .isInstanceOf(VigilException.class)
                .hasMessageContaining(":1: the header lacks column(s) post_id, account_id")
                .hasMessageContaining("format vigil-csv");
        Path renamed = Reads.write(dir, "shares.csv", "object_id,account_id,content_id,timestamp_share,message_id,user_id,timestamp\n"
                + "o1,a1,c1,1623881091,m1,u1,1700000000\n");
        assertThat(PostReaders.detect(renamed)).isEqualTo(PostFormat.COORTWEET_CSV);
        assertThat(Reads.of(renamed, PostFormat.QUT_CSV).posts()).singleElement()
                .satisfies(p -> assertThat(p.postId()).isEqualTo("m1"));
    }

    @Test
    void aHeaderWithLineBreaksInAQuotedNameIsEchoedOnOneLineAndAVeryLongOneIsCut() {
        // found by PostReadersFuzzTest (inputs/header-name-with-line-breaks)
        Path broken = Reads.write(dir, "broken.csv", "\"tweet\nid\",userid\r\n1,2\n");
        assertThatThrownBy(() -> Reads.of(broken, PostFormat.IO_ARCHIVE_CSV))
                .isInstanceOf(VigilException.class)
                .hasMessage(broken + ":1: the header lacks column(s) tweetid, tweet_time that format io-archive needs "
                        + "(header: tweet\\nid,userid); fix the header or pass another --format");
        Path wide = Reads.write(dir, "wide.csv", "x".repeat(500) + "\n1\n");
        assertThatThrownBy(() -> Reads.of(wide, PostFormat.IO_ARCHIVE_CSV))
                .hasMessageContaining("(header: " + "x".repeat(CsvHeader.SHOWN_LIMIT) + "…); fix the header");
    }

    @Test
    void aCsvFileReadAsJsonLinesFailsOnceInsteadOfOnEveryLine() {
        assertThatThrownBy(() -> Reads.of(Reads.resource("qut.csv"), PostFormat.TWARC2_JSONL))
                .isInstanceOf(VigilException.class)
                .hasMessageStartingWith(Reads.resource("qut.csv") + ":1: format twarc2 needs one JSON object per line")
                .hasMessageContaining("--format");
    }

    @Test
    void csvColumnsAreFoundByNameInAnyOrder() {
        Path file = Reads.write(dir, "reordered.csv", "timestamp,urls,Message_ID,user_id,message,extra\n"
                + "1727740809,https://a.example/1,9,3,hi #x,whatever\n");

        assertThat(Reads.of(file).posts()).singleElement().satisfies(p -> {
            assertThat(p.postId()).isEqualTo("9");
            assertThat(p.urls()).containsExactly("https://a.example/1");
            assertThat(p.hashtags()).containsExactly("#x");
        });
    }
}
