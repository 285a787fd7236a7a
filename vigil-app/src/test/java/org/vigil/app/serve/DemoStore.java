package org.vigil.app.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.vigil.app.demo.DemoCommand;
import org.vigil.model.Account;
import org.vigil.model.Article;
import org.vigil.model.Basis;
import org.vigil.model.CandidateLean;
import org.vigil.model.Claim;
import org.vigil.model.CoordinatedNetwork;
import org.vigil.model.CoordinationEdge;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.Evidence;
import org.vigil.model.Extraction;
import org.vigil.model.Incident;
import org.vigil.model.IncidentStatus;
import org.vigil.model.IncidentTarget;
import org.vigil.model.NetworkEvidence;
import org.vigil.model.SharedObject;
import org.vigil.model.Source;
import org.vigil.model.Stance;
import org.vigil.model.Technique;
import org.vigil.store.VigilStore;
import org.vigil.store.coordination.CoordinationWriter;
import picocli.CommandLine;

/**
 * A store filled by {@code vigil demo} (the bundled news and a generated coordination run), plus
 * hostile records: an article, a claim, an incident, accounts and shared posts whose text is
 * markup meant to run script. Built once per test JVM: the demo loads CoreNLP, which takes a while.
 */
final class DemoStore {
    /** Every payload sets window.__pwned or the document title if it ever runs. */
    static final String SCRIPT = "<script>window.__pwned='script';document.title='pwned'</script>";
    static final String ONERROR = "<img src=x onerror=\"window.__pwned='onerror';document.title='pwned'\">";
    static final String SVG = "<svg onload=\"window.__pwned='svg'\"></svg>";
    static final String HOSTILE_ID = "hostile-article-0001";
    static final String HOSTILE_TITLE = "Leak " + ONERROR + " and " + SCRIPT;
    static final String HOSTILE_SENTENCE = "Belarus wants Trump to win " + SCRIPT + " officials said.";
    static final String HOSTILE_INCIDENT = "Belarusian hackers " + ONERROR + " phished the campaign in 2024.";
    static final String HOSTILE_RUN = "hostile-run";
    static final String HOSTILE_ACCOUNT = ONERROR + "acct";
    static final String HOSTILE_POST = "RT says " + SCRIPT + " " + SVG;

    /** Three outlets' reports of one (fictional) operation, which the dashboard shows as one event. */
    static final List<String> EVENT_OUTLETS = List.of("northshore.example", "plainsherald.example", "coastalwire.example");
    static final List<String> EVENT_SENTENCES = List.of(
            "Venezuelan hackers broke into a county voter registration server, researchers said.",
            "Officials said Venezuelan state hackers broke into the county voter registration server.",
            "Prosecutors charged two Venezuelan hackers with breaking into the county voter registration server.");

    private static Path db;
    private static String demoOutput;

    private DemoStore() {
    }

    static synchronized Path get() {
        if (db == null) {
            try {
                Path dir = Files.createTempDirectory("vigil-serve-test");
                Path file = dir.resolve("demo.duckdb");
                // the demo prints to System.out; keep a copy of what it said while still showing it
                java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
                java.io.PrintStream console = System.out;
                System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        console.write(b);
                        said.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        console.write(b, off, len);
                        said.write(b, off, len);
                    }
                }, true, java.nio.charset.StandardCharsets.UTF_8));
                int code;
                try {
                    code = new CommandLine(new DemoCommand()).execute("--db", file.toString(), "--out", dir.resolve("coordination").toString());
                } finally {
                    System.setOut(console);
                }
                demoOutput = said.toString(java.nio.charset.StandardCharsets.UTF_8);
                if (code != 0) {
                    throw new IllegalStateException("vigil demo failed with exit code " + code + "; see the output above");
                }
                addHostileRecords(file);
                DemoAlerts.add(file);
                addOneEventFromThreeOutlets(file);
                db = file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the demo store for the serve tests", e);
            }
        }
        return db;
    }

    /** What {@code vigil demo} printed on standard output while making the store. */
    static synchronized String demoOutput() {
        get();
        return demoOutput;
    }

    private static Evidence evidence(String text, String sentence) {
        int start = text.indexOf(sentence);
        return new Evidence(sentence, start, start + sentence.length());
    }

    private static void addOneEventFromThreeOutlets(Path file) {
        List<String> dates = List.of("2024-10-02", "2024-10-05", "2024-10-20");
        List<IncidentStatus> statuses = List.of(IncidentStatus.ALLEGED, IncidentStatus.ATTRIBUTED, IncidentStatus.CHARGED);
        try (VigilStore store = VigilStore.open(file)) {
            for (int i = 0; i < 3; i++) {
                String sentence = EVENT_SENTENCES.get(i);
                String text = "Election security news. " + sentence + " More to follow.";
                LocalDate day = LocalDate.parse(dates.get(i));
                String url = "https://" + EVENT_OUTLETS.get(i) + "/2024/10/county-server-" + i;
                Article article = new Article("event-article-" + i, "event-" + i + ".txt", url, "County voter server breached, part " + i,
                        day, "en", text, List.of(new Source(url, "County voter server breached, part " + i, day, "event.jsonl")));
                Incident incident = new Incident("VE", Technique.INTRUSION, IncidentTarget.ELECTION_INFRASTRUCTURE, statuses.get(i),
                        2024, "T0000.002", evidence(text, sentence));
                store.saveExtraction(new Extraction(article, List.of(), List.of(incident)));
            }
        }
    }

    private static void addHostileRecords(Path file) {
        String text = "Intro " + SVG + " paragraph. " + HOSTILE_SENTENCE + " " + HOSTILE_INCIDENT + " The end.";
        Article article = new Article(HOSTILE_ID, "hostile.txt", "javascript:window.__pwned='href'", HOSTILE_TITLE,
                LocalDate.parse("2024-10-15"), "en", text,
                List.of(new Source("javascript:window.__pwned='href'", "Source " + SCRIPT, LocalDate.parse("2024-10-15"), "hostile.jsonl"),
                        new Source("https://mirror.example/leak?<script>", "Mirror " + ONERROR, LocalDate.parse("2024-10-16"), "hostile.jsonl")));
        Claim claim = new Claim("BY", "trump", Stance.FAVORS, false, false, Basis.ASSESSMENT, "Minsk " + SVG,
                evidence(text, HOSTILE_SENTENCE));
        Incident incident = new Incident("BY", Technique.PHISHING, IncidentTarget.CAMPAIGN, IncidentStatus.ALLEGED, 2024,
                "T0000.001", evidence(text, HOSTILE_INCIDENT));
        long t0 = 1_727_740_800L;
        Map<CoordinationKind, Integer> co = Map.of(CoordinationKind.CO_TWEET, 3, CoordinationKind.CO_HASHTAG, 2);
        CoordinatedNetwork net = new CoordinatedNetwork(1, List.of(HOSTILE_ACCOUNT, "calm-account"), 0.8, 1.0, t0, t0 + 3600, 6, co,
                new NetworkEvidence(
                        List.of(new SharedObject(CoordinationKind.CO_LINK, "javascript:window.__pwned='link'", 2, 2, t0, t0 + 60, "")),
                        List.of(),
                        List.of(new SharedObject(CoordinationKind.CO_HASHTAG, SCRIPT, 2, 4, t0 + 10, t0 + 600, "")),
                        List.of(new SharedObject(CoordinationKind.CO_TWEET, HOSTILE_POST, 2, 3, t0 + 20, t0 + 900, "")),
                        List.of(new SharedObject(CoordinationKind.CO_RETWEET, "post-1", 2, 2, t0 + 30, t0 + 90, HOSTILE_POST))),
                0.5, List.of("RT"), List.of(new CandidateLean("trump" + SVG, Stance.FAVORS, 3, 0.5, List.of("#" + SCRIPT))));
        CoordinationResult result = new CoordinationResult(
                List.of(new Account(HOSTILE_ACCOUNT, 1, 0.8, 3, 1), new Account("calm-account", 1, 0.7, 3, 1)), List.of(net),
                List.of(new CoordinationEdge(HOSTILE_ACCOUNT, "calm-account", 1, 4.2, co)), Map.of());
        // started long ago, so the demo's own run stays the newest and the pages' default
        CoordinationRun run = new CoordinationRun(HOSTILE_RUN, Instant.parse("2000-01-01T00:00:00Z"), List.of("hostile.csv"),
                "surprise", Map.of(), 6, 0);
        try (VigilStore store = VigilStore.open(file)) {
            store.saveExtraction(new Extraction(article, List.of(claim), List.of(incident)));
            store.write(c -> {
                new CoordinationWriter(c).write(run, result);
                return null;
            });
        }
    }
}
