package org.vigil.app.coordinate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.model.Post;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The command end to end on a generated QUT file with hostile text and a bad row planted in it. */
class CoordinateCommandTest {
    /** Markup, quotes, commas, CDATA end, a line break, an emoji and right-to-left text (control characters are the reader's to refuse). */
    static final String HOSTILE = "<script>alert('x')</script> & \"quotes\", commas ]]> &amp; \n second line \uD83D\uDE00 \u202Eevil #pwn";

    @TempDir
    static Path dir;
    static Path input;
    static SyntheticPosts.Dataset data;
    static int badLine;

    @BeforeAll
    static void writeInput() throws Exception {
        data = new SyntheticPosts(40_000, 3_000, 4, 17, true).generate();
        input = dir.resolve("posts_qut.csv");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(input, StandardCharsets.UTF_8))) {
            w.println("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls");
            int line = 0;
            int physical = 1;
            for (Post p : data.posts()) {
                String text = p.text();
                if (data.groupOf().containsKey(p.accountId()) && p.retweetOf() == null && !text.isEmpty()) {
                    text = HOSTILE + " " + text; // planted accounts' texts carry markup, quotes and control characters
                }
                w.println(p.postId() + "," + p.accountId() + "," + p.accountId() + "," + (p.retweetOf() == null ? "" : p.retweetOf())
                        + ",," + quote(text) + "," + p.timestamp() + "," + String.join(" ", p.urls()));
                physical += 1 + (int) text.chars().filter(c -> c == '\n').count();
                if (++line == 100) {
                    w.println("bad-row,acct,acct,,,text,not-a-time,");
                    badLine = ++physical;
                }
            }
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    @Test
    void writesEveryOutputQuarantinesTheBadRowAndExitsOne() throws Exception {
        Path out = dir.resolve("out");
        Path db = dir.resolve("store.duckdb");
        CoordinateRuns.Outcome o = CoordinateRuns.run("--input", input.toString(), "--output", out.toString(), "--db", db.toString());
        assertThat(o.exit()).as(o.err()).isEqualTo(1);
        assertThat(o.err()).contains("posts_qut.csv:" + badLine + ": column 'timestamp'").contains("1 bad record(s)").contains("networks");

        List<Map<String, String>> accounts = CoordinateRuns.csv(out.resolve("accounts.csv"));
        assertThat(Files.readAllLines(out.resolve("accounts.csv")).get(0)).isEqualTo("account_id,network_id,score");
        Set<String> flagged = new HashSet<>();
        accounts.forEach(a -> flagged.add(a.get("account_id")));
        assertThat(flagged).containsAll(data.groupOf().keySet());

        List<Map<String, String>> bad = CoordinateRuns.csv(out.resolve("quarantine.csv"));
        assertThat(bad).hasSize(1);
        assertThat(bad.get(0).get("line")).isEqualTo(Integer.toString(badLine));
        assertThat(bad.get(0).get("raw")).contains("not-a-time");

        JsonNode json = new ObjectMapper().readTree(out.resolve("networks.json").toFile());
        assertThat(json.get("networks").size()).isEqualTo(data.groupOf().values().stream().distinct().count());
        JsonNode first = json.get("networks").get(0);
        assertThat(first.get("size").asInt()).isGreaterThan(1);
        assertThat(first.get("active").get("first").asText()).startsWith("2024-");
        assertThat(first.get("evidence").get("hashtags")).isNotEmpty();
        assertThat(first.get("state_media").get("share").asDouble()).isGreaterThan(0);
        assertThat(json.get("run").get("quarantined").asInt()).isEqualTo(1);
        assertThat(json.toString()).contains("<script>alert('x')</script>");

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM coordination_accounts")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(accounts.size());
        }
    }

    @Test
    void theGexfIsWellFormedGexf13WithEveryAccountAndEdge() throws Exception {
        Path out = dir.resolve("gexf");
        CoordinateRuns.Outcome o = CoordinateRuns.run("-i", input.toString(), "-o", out.toString(), "--no-store");
        assertThat(o.exit()).isEqualTo(1);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(out.resolve("network.gexf").toFile());
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("http://gexf.net/1.3");
        assertThat(d.getDocumentElement().getAttribute("version")).isEqualTo("1.3");
        assertThat(d.getElementsByTagNameNS("http://gexf.net/1.3", "node").getLength())
                .isEqualTo(CoordinateRuns.csv(out.resolve("accounts.csv")).size());
        assertThat(d.getElementsByTagNameNS("http://gexf.net/1.3", "edge").getLength())
                .isEqualTo(CoordinateRuns.csv(out.resolve("edges.csv")).size()).isGreaterThan(0);
    }

    @Test
    void usageErrorsExitTwoWithAOneLineReason() {
        assertThat(CoordinateRuns.run("--input", input.toString()).exit()).isEqualTo(2);
        CoordinateRuns.Outcome window = CoordinateRuns.run("-i", input.toString(), "-o", dir.resolve("w").toString(), "--window", "soon");
        assertThat(window.exit()).isEqualTo(2);
        assertThat(window.err()).contains("cannot read the window 'soon'");
        CoordinateRuns.Outcome format = CoordinateRuns.run("-i", input.toString(), "-o", dir.resolve("f").toString(), "--format", "xml");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("unknown post format 'xml'");
        CoordinateRuns.Outcome missing = CoordinateRuns.run("-i", dir.resolve("nope.csv").toString(), "-o", dir.resolve("m").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv: no such file or folder");
        CoordinateRuns.Outcome setting = CoordinateRuns.run("-i", input.toString(), "-o", dir.resolve("s").toString(),
                "--set", "coordination.edge.alpha=7");
        assertThat(setting.exit()).isEqualTo(2);
        assertThat(setting.err()).contains("coordination.edge.alpha must be in (0,1)");
        CoordinateRuns.Outcome engine = CoordinateRuns.run("-i", input.toString(), "-o", dir.resolve("e").toString(),
                "--engine", "steam");
        assertThat(engine.exit()).isEqualTo(2);
        assertThat(engine.err()).contains("no coordination engine named 'steam'").contains("in-process");
    }

    @Test
    void windowsAreReadInSecondsMinutesAndHours() {
        assertThat(Durations.seconds("60")).isEqualTo(60);
        assertThat(Durations.seconds("45s")).isEqualTo(45);
        assertThat(Durations.seconds("2m")).isEqualTo(120);
        assertThat(Durations.seconds("1h")).isEqualTo(3600);
    }
}
