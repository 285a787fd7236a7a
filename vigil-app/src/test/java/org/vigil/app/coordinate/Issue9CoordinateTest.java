package org.vigil.app.coordinate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9: {@code coordinate} on hostile input keeps the good rows, streams the bad ones to disk and the store, and exits by the contract. */
class Issue9CoordinateTest {
    static final String QUT_HEADER = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls";

    @TempDir
    Path dir;

    static String good(int i) {
        return "g" + i + ",acct" + (i % 3) + ",acct" + (i % 3) + ",,,hello #tag" + i + ",2024-05-01T10:00:" + String.format("%02d", i) + "Z,";
    }

    static Path qut(Path file, List<String> rows) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, (QUT_HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));
        return file;
    }

    static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
             ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void sixHundredThousandBadRowsAreStreamedToQuarantineAndTheStoreWhileTheTenGoodOnesAreKept() throws Exception {
        Path gz = dir.resolve("hostile.csv.gz");
        try (Writer w = new PrintWriter(new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(gz)), StandardCharsets.UTF_8))) {
            w.write(QUT_HEADER + "\n");
            for (int i = 0; i < 600_000; i++) {
                w.write("b" + i + ",acct,acct,,,text,not-a-time,\n");
                if (i % 60_000 == 0) {
                    w.write(good(i / 60_000) + "\n");
                }
            }
        }
        Path out = dir.resolve("out");
        Path db = dir.resolve("store.duckdb");
        CoordinateRuns.Outcome o = CoordinateRuns.run("-i", gz.toString(), "-o", out.toString(), "--db", db.toString());
        assertThat(o.exit()).as(o.err()).isEqualTo(1);
        assertThat(o.err()).contains("vigil coordinate: 10 posts from 1 file(s), 600,000 bad record(s) (in " + out.resolve("quarantine.csv"));
        assertThat(o.err().lines().filter(l -> l.contains("column 'timestamp'")).count()).isEqualTo(20);
        assertThat(o.err()).contains("vigil coordinate: more bad records; all are listed in " + out.resolve("quarantine.csv"));
        try (var lines = Files.lines(out.resolve("quarantine.csv"))) {
            assertThat(lines.count()).isEqualTo(600_001);
        }
        assertThat(Files.readAllLines(out.resolve("quarantine.csv")).get(1))
                .isEqualTo(gz + ",2,\"column 'timestamp' has 'not-a-time', which is neither epoch seconds nor an ISO-8601 time such as 2024-10-01T12:00:00Z; fix the value\",\"b0,acct,acct,,,text,not-a-time,\"");
        assertThat(count(db, "SELECT count(*) FROM quarantine")).isEqualTo(600_000);
        assertThat(count(db, "SELECT count(*) FROM quarantine WHERE reason LIKE 'column ''timestamp''%'")).isEqualTo(600_000);
        assertThat(count(db, "SELECT ok FROM runs WHERE command = 'coordinate'")).isEqualTo(10);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("accounts.csv", "edges.csv", "network.gexf", "networks.json", "quarantine.csv");
        }
    }

    @Test
    void whenNoInputCanBeReadQuarantineCsvIsStillWrittenAndStoredAndTheRunExitsThree() throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), "who,what\n1,2\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "");
        Path out = dir.resolve("out");
        Path db = dir.resolve("store.duckdb");
        CoordinateRuns.Outcome o = CoordinateRuns.run("-i", a.toString(), b.toString(), "-o", out.toString(), "--db", db.toString());
        assertThat(o.exit()).as(o.err()).isEqualTo(3);
        assertThat(o.err()).contains("vigil coordinate: no input could be read (2 problem(s) in " + out.resolve("quarantine.csv") + "); nothing was detected");
        List<Map<String, String>> bad = CoordinateRuns.csv(out.resolve("quarantine.csv"));
        assertThat(bad).extracting(m -> m.get("origin")).containsExactly(a.toString(), b.toString());
        assertThat(bad.get(0).get("reason")).startsWith(a + ": unknown post format, first line 'who,what'").endsWith("(file skipped)");
        assertThat(bad.get(1).get("reason")).startsWith(b + ": the file is empty");
        assertThat(count(db, "SELECT count(*) FROM quarantine")).isEqualTo(2);
        assertThat(Files.exists(out.resolve("accounts.csv"))).isFalse();
    }

    @Test
    void oneUnreadableFileBesideAGoodOneExitsOneNotTwo() throws Exception {
        Path good = qut(dir.resolve("good.csv"), List.of(good(1), good(2)));
        Path unknown = Files.writeString(dir.resolve("other.csv"), "who,what\n1,2\n");
        CoordinateRuns.Outcome o = CoordinateRuns.run("-i", good.toString(), unknown.toString(), "-o", dir.resolve("out").toString(), "--no-store");
        assertThat(o.exit()).as(o.err()).isEqualTo(1);
        assertThat(o.err()).contains("vigil coordinate: 2 posts from 2 file(s), 1 bad record(s)");
    }

    @Test
    void aFolderIsReadWithItsSubfoldersAndHiddenFilesAreNamedAsSkipped() throws Exception {
        qut(dir.resolve("in/top.csv"), List.of(good(1)));
        qut(dir.resolve("in/day1/posts.csv"), List.of(good(2), good(3)));
        qut(dir.resolve("in/day1/deeper/posts.csv"), List.of(good(4)));
        qut(dir.resolve("in/.cache/posts.csv"), List.of(good(5)));
        Path out = dir.resolve("out");
        CoordinateRuns.Outcome o = CoordinateRuns.run("-i", dir.resolve("in").toString(), "-o", out.toString(), "--no-store");
        assertThat(o.exit()).as(o.err()).isEqualTo(1);
        assertThat(o.err()).contains("vigil coordinate: 4 posts from 3 file(s), 1 bad record(s)")
                .contains(dir.resolve("in/.cache") + ": hidden folder, not read; rename it to include it");
    }

    @Test
    void aSymlinkLoopInTheInputFolderIsReportedOnceAndTheRestIsRead() throws Exception {
        qut(dir.resolve("in/posts.csv"), List.of(good(1)));
        Files.createSymbolicLink(dir.resolve("in/loop"), dir.resolve("in"));
        Files.createDirectories(dir.resolve("elsewhere"));
        qut(dir.resolve("elsewhere/linked.csv"), List.of(good(2)));
        Files.createSymbolicLink(dir.resolve("in/linked.csv"), dir.resolve("elsewhere/linked.csv"));
        CoordinateRuns.Outcome o = CoordinateRuns.run("-i", dir.resolve("in").toString(), "-o", dir.resolve("out").toString(), "--no-store");
        assertThat(o.exit()).as(o.err()).isEqualTo(1);
        assertThat(o.err()).contains("vigil coordinate: 2 posts from 2 file(s), 1 bad record(s)")
                .contains(dir.resolve("in/loop") + ": symbolic link loop (it leads back to a folder above it), not followed again; remove the link");
    }

    @Test
    void aStoreThatCannotBeWrittenExitsThreeAfterWritingTheFiles() throws Exception {
        Path good = qut(dir.resolve("good.csv"), List.of(good(1), good(2)));
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        Path out = dir.resolve("out");
        CoordinateRuns.Outcome o = CoordinateRuns.run("-i", good.toString(), "-o", out.toString(), "--db", notAFolder.resolve("store.duckdb").toString());
        assertThat(o.exit()).as(o.err()).isEqualTo(3);
        assertThat(o.err()).contains("vigil coordinate: results written to " + out + " but not stored: ")
                .contains("; run again with --db FILE or --no-store");
        assertThat(Files.exists(out.resolve("accounts.csv"))).isTrue();
    }

    @Test
    void quarantineCellsAreFormulaGuardedAndEchoedLinesHaveTheirControlCharactersShownEscaped() throws Exception {
        Path good = qut(dir.resolve("good.csv"), List.of(good(1), "=HYPERLINK(\"x\"),acct,acct,,,text,not-a-time,"));
        Path hostile = Files.writeString(dir.resolve("hostile.csv"), "\u001b]0;owned\u0007\u001b[2Jwho,what\n");
        Path out = dir.resolve("out");
        CoordinateRuns.Outcome o = CoordinateRuns.run("-i", good.toString(), hostile.toString(), "-o", out.toString(), "--no-store");
        assertThat(o.exit()).as(o.err()).isEqualTo(1);
        assertThat(o.err()).doesNotContain("\u001b").doesNotContain("\u0007")
                .contains("first line '\\x1B]0;owned\\x07\\x1B[2Jwho,what'");
        List<Map<String, String>> bad = CoordinateRuns.csv(out.resolve("quarantine.csv"));
        assertThat(bad.get(0).get("raw")).isEqualTo("'=HYPERLINK(\"x\"),acct,acct,,,text,not-a-time,");
    }
}
