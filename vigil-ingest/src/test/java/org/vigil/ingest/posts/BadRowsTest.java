package org.vigil.ingest.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.Problem;

/** Bad records are quarantined with their line and reason, and the records after them still arrive. */
class BadRowsTest {
    private static final String QUT_HEADER = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n";

    @TempDir
    Path dir;

    @Test
    void eachKindOfBadCsvRowIsQuarantinedWithItsLineAndReasonAndReadingGoesOn() {
        Path file = Reads.write(dir, "mixed.csv", QUT_HEADER
                + "1,7,u7,,,ok one,1727740809,\n"
                + "2,7,u7,,,too few columns,1727740809\n"
                + "3,7,u7,,,bad time,yesterday,\n"
                + "4,,u0,,,no account,1727740809,\n"
                + "5,7,u7,,,nul \u0000 byte,1727740809,\n"
                + "6,7,u7,,,millis,1727740809000,\n"
                + "7,7,u7,,,\"text \"quoted\" wrongly\",1727740809,\n"
                + ",7,u7,,,no id,1727740809,\n"
                + "9,7,u7,,,fine again,1727740900,\n");

        Reads r = Reads.of(file);

        assertThat(r.postIds()).containsExactly("1", "9");
        assertThat(r.summary()).isEqualTo(new ReadSummary(file, PostFormat.QUT_CSV, 9, 2, 7));
        assertThat(r.problems()).extracting(Problem::line, Problem::reason).containsExactly(
                tuple(3L, "expected 8 columns as in the header but found 7; quote fields that contain commas"),
                tuple(4L, "column 'timestamp' has 'yesterday', which is neither epoch seconds nor an"
                        + " ISO-8601 time such as 2024-10-01T12:00:00Z; fix the value"),
                tuple(5L, "column 'user_id' is empty; every post needs an account id"),
                tuple(6L, "control character U+0000 in column 6; remove it or re-export the file as UTF-8 text"),
                tuple(7L, "column 'timestamp' has '1727740809000', which looks like epoch milliseconds;"
                        + " Vigil expects epoch seconds or ISO-8601"),
                tuple(8L, "text after the closing quote of column 6; inner quotes must be doubled (\"\")"),
                tuple(9L, "column 'message_id' is empty; every post needs an id"));
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.origin()).isEqualTo(file.toString()));
        assertThat(r.problems().get(0).raw()).isEqualTo("2,7,u7,,,too few columns,1727740809");
        assertThat(r.problems().get(0).message()).isEqualTo(file + ":3: expected 8 columns as in the header but found 7;"
                + " quote fields that contain commas");
    }

    @Test
    void anIdCellHoldingOnlyOtherWhiteSpaceCountsAsEmpty() {
        Path file = Reads.write(dir, "spaces.csv", QUT_HEADER
                + "1,\r,u7,,,carriage return for an account,1727740809,\n"
                + "2,\u2003,u7,,,em space for an account,1727740809,\n"
                + "\u00a0\u2003,7,u7,,,em space for an id,1727740809,\n"
                + "4,7,u7,,,fine,1727740809,\n");

        Reads r = Reads.of(file);

        assertThat(r.postIds()).containsExactly("4");
        assertThat(r.problems()).extracting(Problem::line, Problem::reason).containsExactly(
                tuple(2L, "column 'user_id' is empty; every post needs an account id"),
                tuple(3L, "column 'user_id' is empty; every post needs an account id"),
                tuple(4L, "column 'message_id' is empty; every post needs an id"));
    }

    @Test
    void anUnterminatedQuoteAtTheEndCostsOnlyItsOwnLine() {
        Path file = Reads.write(dir, "open.csv", QUT_HEADER
                + "1,7,u7,,,ok,1727740809,\n"
                + "2,7,u7,,,\"never closed,1727740809,\n"
                + "3,7,u7,,,after,1727740810,\n"
                + "4,7,u7,,,after too,1727740811,\n");

        Reads r = Reads.of(file);

        assertThat(r.postIds()).containsExactly("1", "3", "4");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).startsWith("unterminated quoted field: the file ends inside quotes");
            assertThat(p.raw()).isEqualTo("2,7,u7,,,\"never closed,1727740809,");
        });
    }

    @Test
    void aQuoteClosedByALaterRowDoesNotSwallowTheRowsBetween() {
        Path file = Reads.write(dir, "paired.csv", QUT_HEADER
                + "1,7,u7,,,\"opens here,1727740809,\n"
                + "2,7,u7,,,plain,1727740810,\n"
                + "3,7,u7,,,plain,1727740811,\n"
                + "4,7,u7,,,\"a, properly quoted message\",1727740812,\n"
                + "5,7,u7,,,plain,1727740813,\n");

        Reads r = Reads.of(file);

        assertThat(r.postIds()).containsExactly("2", "3", "4", "5");
        assertThat(r.problemLines()).containsExactly(2L);
        assertThat(r.posts().get(2).text()).isEqualTo("a, properly quoted message");
    }

    @Test
    void aQuoteThatPairsAcrossLinesIntoABrokenRecordIsReportedLineByLine() {
        Path file = Reads.write(dir, "crossed.csv", QUT_HEADER
                + "1,7,u7,,,\"opens,1727740809,\n"
                + "2,7,u7,,,closes\" here,1727740810,\n"
                + "3,7,u7,,,plain,1727740811,\n");

        Reads r = Reads.of(file);

        assertThat(r.postIds()).containsExactly("3");
        assertThat(r.problemLines()).containsExactly(2L, 3L);
        assertThat(r.problems().get(0).reason()).endsWith("(in a quoted field that spans lines)");
    }

    @Test
    void anUnterminatedQuoteIsBoundedInLinesSoAHugeFileIsNotSwallowed() {
        int good = CsvScanner.DEFAULT_MAX_RECORD_LINES + 500;
        String rows = IntStream.rangeClosed(1, good)
                .mapToObj(i -> (100 + i) + ",7,u7,,,plain " + i + "," + (1727740809 + i) + ",\n")
                .collect(Collectors.joining());
        Path file = Reads.write(dir, "long.csv", QUT_HEADER
                + "1,7,u7,,,\"never closed,1727740809,\n"
                + rows
                + "9999,7,u7,,,\"quoted, at last\",1727749999,\n");

        Reads r = Reads.of(file);

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).startsWith("unterminated quoted field: no closing quote within 1000 lines");
        });
        assertThat(r.posts()).hasSize(good + 1);
        assertThat(r.posts().get(good).text()).isEqualTo("quoted, at last");
    }

    @Test
    void aLineLongerThanTheBoundIsQuarantinedAndTheNextLineRead() {
        String huge = "x".repeat(CsvScanner.DEFAULT_MAX_RECORD_CHARS + 10);
        Path file = Reads.write(dir, "huge.csv", QUT_HEADER
                + "1,7,u7,,," + huge + ",1727740809,\n"
                + "2,7,u7,,,after,1727740810,\n");

        Reads r = Reads.of(file);

        assertThat(r.postIds()).containsExactly("2");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).startsWith("line is longer than");
            assertThat(p.raw()).hasSize(Tally.RAW_LIMIT + 1).endsWith("…");
        });
    }

    @Test
    void brokenJsonAndBadTweetsAreQuarantinedPerLineAndPerTweet() {
        String goodTweet = "{\"id\":\"1\",\"author_id\":\"11\",\"created_at\":\"2022-03-05T10:00:00.000Z\",\"text\":\"hi\"}";
        String noAuthor = "{\"id\":\"2\",\"created_at\":\"2022-03-05T10:00:00.000Z\",\"text\":\"who?\"}";
        String badTime = "{\"id\":\"3\",\"author_id\":\"11\",\"created_at\":\"last week\",\"text\":\"when?\"}";
        Path file = Reads.write(dir, "tweets.jsonl", goodTweet + "\n"
                + "{\"id\":\"4\",\"author_id\":\"11\",\"text\":\"cut off\n"
                + "{\"data\":[" + noAuthor + "," + badTime + ",{\"id\":\"5\",\"author_id\":\"12\",\"created_at\":\"2022-03-05T10:00:01Z\"}]}\n"
                + "{\"id\":\"6\",\"author_id\":\"11\",\"created_at\":\"2022-03-05T10:00:00Z\",\"text\":\"nul \u0000 inside\"}\n"
                + "[1,2]\n"
                + goodTweet.replace("\"1\"", "\"7\"") + "\n");

        Reads r = Reads.of(file, PostFormat.TWARC2_JSONL);

        assertThat(r.postIds()).containsExactly("1", "5", "7");
        assertThat(r.problemLines()).containsExactly(2L, 3L, 3L, 4L, 5L);
        assertThat(r.problems().get(0).reason()).startsWith("broken JSON: ").endsWith("; fix or remove the line");
        assertThat(r.problems().get(1).reason()).startsWith("tweet 2 has no 'author_id'");
        assertThat(r.problems().get(1).raw()).isEqualTo(noAuthor);
        assertThat(r.problems().get(2).reason()).startsWith("tweet 3: field 'created_at' has 'last week'");
        assertThat(r.problems().get(2).raw()).isEqualTo(badTime);
        assertThat(r.problems().get(3).reason()).startsWith("broken JSON: ").contains("CTRL-CHAR");
        assertThat(r.problems().get(4).reason()).isEqualTo("expected one JSON object per line (a tweet or a twarc2 response"
                + " page) but found an array");
        assertThat(r.summary()).isEqualTo(new ReadSummary(file, PostFormat.TWARC2_JSONL, 8, 3, 5));
    }

    @Test
    void badVigilJsonLinesAreQuarantinedAndGoodOnesKept() {
        Path file = Reads.write(dir, "posts.jsonl", ""
                + "{\"post_id\":\"a\",\"account_id\":\"x\",\"timestamp\":1727740809}\n"
                + "{\"post_id\":\"b\",\"timestamp\":1727740809}\n"
                + "{\"post_id\":\"c\",\"account_id\":\"x\",\"timestamp\":1727740809,\"urls\":\"https://not.an/array\"}\n"
                + "{\"post_id\":\"d\",\"account_id\":\"x\"}\n"
                + "{\"post_id\":\"e\",\"account_id\":\"x\",\"timestamp\":1727740809}{\"post_id\":\"f\"}\n"
                + "{\"post_id\":\"g\",\"account_id\":\"y\",\"timestamp\":\"2024-10-01T00:00:10Z\",\"urls\":null}\n");

        Reads r = Reads.of(file, PostFormat.VIGIL_JSONL);

        assertThat(r.postIds()).containsExactly("a", "g");
        assertThat(r.problems()).extracting(Problem::line, Problem::reason).containsExactly(
                tuple(2L, "field 'account_id' is missing or empty; every post needs an account id"),
                tuple(3L, "field 'urls' must be an array of strings"),
                tuple(4L, "field 'timestamp' is empty; every post needs a time"),
                tuple(5L, "more than one JSON value on the line; write one object per line"));
    }

    @Test
    void aFileCutShortMidwayGivesTheRowsBeforeAndOneProblemInsteadOfAnException() throws IOException {
        String rows = IntStream.range(0, 20_000)
                .mapToObj(i -> i + "," + (i % 97) + ",u,,,message number " + i + " with some words," + (1727740809 + i) + ",\n")
                .collect(Collectors.joining());
        Path plain = Reads.write(dir, "full.csv", QUT_HEADER + rows);
        Path packed = Reads.gzip(plain, dir.resolve("full.csv.gz"));
        byte[] bytes = Files.readAllBytes(packed);
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        Reads r = Reads.of(cut);

        assertThat(r.summary().ok()).isPositive().isLessThan(20_000);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).startsWith("the gzip data ends abruptly here (EOFException: Unexpected end of ZLIB input stream)");
            assertThat(p.line()).isGreaterThan(r.summary().ok());
        });
        assertThat(r.postIds()).first().isEqualTo("0");
    }

    @Test
    void duplicatePostIdsArePassedThroughForTheDetectorToDeduplicate() {
        Path file = Reads.write(dir, "dupes.csv", QUT_HEADER
                + "1,7,u7,,,first,1727740809,\n"
                + "1,7,u7,,,first again,1727740809,\n");

        assertThat(Reads.of(file).postIds()).containsExactly("1", "1");
    }

    @Test
    void emptyUrlAndHashtagCellsGiveEmptyListsInEveryCsvFormat() {
        Path vigil = Reads.write(dir, "v.csv", "post_id,account_id,timestamp,text,retweet_of,reply_to,urls,hashtags,lang\n"
                + "p,a,1727740809,no tags,,,,,\n"
                + "q,a,1727740809,blank cells,,,  ,  ,\n");
        Path io = Reads.write(dir, "io.csv", "tweetid,userid,tweet_time,tweet_text,hashtags,urls\n"
                + "1,u,2016-10-31 17:22,x,[],[]\n"
                + "2,u,2016-10-31 17:22,x,,\n");
        Path ira = Reads.write(dir, "ira.csv", "tweet_seq,author_id,ts,content,hashtags,urls\n1,a,1476272460,x,,\n");
        Path german = Reads.write(dir, "g.csv", "account_id,post_id,url_id,hashtag_id,domain_id,phash_id,timestamp\n"
                + "a,1,,,,,1629589836\n");

        for (Path file : new Path[] {vigil, io, ira, german, Reads.resource("qut.csv")}) {
            Reads r = Reads.of(file);
            assertThat(r.problems()).as(file.toString()).isEmpty();
            assertThat(r.posts()).as(file.toString())
                    .filteredOn(p -> !"101".equals(p.postId()) && !"104".equals(p.postId()))
                    .isNotEmpty()
                    .allSatisfy(p -> {
                        assertThat(p.urls()).isEmpty();
                        assertThat(p.hashtags()).isEmpty();
                    });
        }
    }
}
