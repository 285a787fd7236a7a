package org.vigil.app.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.news.NewsPipeline;
import org.vigil.coordination.ProgressListener;
import org.vigil.store.VigilStore;
import org.vigil.store.watch.Alert;
import org.vigil.store.watch.WatchLedger;

/**
 * The watch against feeds, a sitemap, pages and a folder served from loopback: what each poll
 * ingests, the alerts it raises, and how failing feeds are retried and counted. Loads the
 * extraction pipeline (CoreNLP) once for the class.
 */
class WatchPollTest {
    static NewsPipeline pipeline;

    @TempDir
    Path dir;

    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void loadPipeline() {
        pipeline = new NewsPipeline();
    }

    static WatchSettings fast() {
        return WatchSettings.defaults().with("fetch.host.interval", "0ms").with("fetch.retry.backoff", "10ms")
                .with("fetch.timeout", "1s").with("fetch.retries", "2");
    }

    Watcher watcher(Sources sources, Path db) {
        return new Watcher(sources, db, pipeline, new AlertSinks(dir.resolve("alerts.jsonl"), null, List.of(), sources.settings()),
                err, ProgressListener.NONE);
    }

    static long count(Path db, String sql) {
        try (VigilStore store = VigilStore.open(db)) {
            return store.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }

    static List<String> alertKeys(List<Alert> alerts) {
        return alerts.stream().map(a -> a.kind() + " " + a.subject()).sorted().toList();
    }

    static List<Alert> storedAlerts(Path db) {
        try (VigilStore store = VigilStore.open(db)) {
            return store.read(c -> new WatchLedger(c).alerts(null, 0, 1000));
        }
    }

    @Test
    void firstPollIngestsEverythingTheSecondNothingAndANewItemExactlyOneArticleWithItsAlerts() throws Exception {
        Path db = dir.resolve("watch.duckdb");
        Path folder = Files.createDirectories(dir.resolve("incoming"));
        Files.writeString(folder.resolve("council.txt"), TestFeeds.COUNCIL);
        try (LoopbackServer server = new LoopbackServer()) {
            String base = server.url("");
            List<TestFeeds.Item> items = new CopyOnWriteArrayList<>(List.of(
                    new TestFeeds.Item("/news/russia", "Officials warn of Moscow election push", 1),
                    new TestFeeds.Item("/private/draft", "Not for robots", 1)));
            String[] russia = {TestFeeds.RUSSIA};
            server.page("/rss.xml", "application/rss+xml", () -> TestFeeds.rss(base, items));
            server.page("/sitemap.xml", "application/xml", () -> TestFeeds.sitemap(base, List.of("/news/china")));
            server.page("/robots.txt", "text/plain", () -> "User-agent: vigil\nDisallow: /private/\n");
            server.page("/news/russia", "text/html; charset=utf-8", () -> russia[0]);
            server.page("/news/china", "text/html; charset=utf-8", () -> TestFeeds.CHINA);
            server.page("/news/iran", "text/html; charset=utf-8", () -> TestFeeds.IRAN);
            server.page("/private/draft", "text/html", () -> TestFeeds.IRAN);
            Sources sources = new Sources(List.of(server.url("/rss.xml")), List.of(server.url("/sitemap.xml")), List.of(folder),
                    List.of(), List.of(), fast());
            Watcher watcher = watcher(sources, db);

            PollSummary first = watcher.poll(new AtomicBoolean());
            assertThat(first.feedsRead()).isEqualTo(2);
            assertThat(first.pagesNew()).as(first.line()).isEqualTo(3); // two pages and the folder's file
            assertThat(first.line()).contains("1 file(s) read");
            assertThat(first.pagesRefused()).isEqualTo(1);
            assertThat(first.articles()).isEqualTo(3);
            assertThat(server.count("/private/draft")).isZero();
            assertThat(count(db, "SELECT count(*) FROM articles")).isEqualTo(3);
            List<Alert> firstAlerts = storedAlerts(db);
            assertThat(alertKeys(firstAlerts)).containsExactly(
                    "first-technique CN|inauthentic_accounts", "first-technique RU|disinformation",
                    "new-cell CN|*|none", "new-cell RU|trump|favors");
            Alert ruTrump = firstAlerts.stream().filter(a -> a.subject().equals("RU|trump|favors")).findFirst().orElseThrow();
            assertThat(ruTrump.summary()).isEqualTo("RU newly reported to favour trump (1 article)");
            assertThat(ruTrump.evidence()).hasSize(1);
            assertThat(ruTrump.evidence().get(0).sentence()).contains("Russia is trying to help Donald Trump win");
            assertThat(ruTrump.evidence().get(0).url()).isEqualTo(server.url("/news/russia"));
            assertThat(first.alerts()).isEqualTo(4);

            PollSummary second = watcher.poll(new AtomicBoolean());
            assertThat(second.feedsUnchanged()).as(second.line()).isEqualTo(2); // 304 to the conditional GET
            assertThat(second.pagesNew()).isZero();
            assertThat(second.line()).contains("0 file(s) read"); // the folder's file is as it was
            assertThat(second.articles()).isZero();
            assertThat(second.alerts()).isZero();
            assertThat(server.count("/news/russia")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM articles")).isEqualTo(3);

            items.add(new TestFeeds.Item("/news/iran", "Campaign emails stolen, investigators say", 3));
            PollSummary third = watcher.poll(new AtomicBoolean());
            assertThat(third.pagesNew()).as(third.line()).isEqualTo(1);
            assertThat(third.articles()).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM articles")).isEqualTo(4);
            assertThat(server.count("/news/russia")).isEqualTo(1);
            List<Alert> all = storedAlerts(db);
            assertThat(alertKeys(all.subList(0, third.alerts()))).containsExactly(
                    "first-technique IR|hack_and_leak", "new-cell IR|harris|favors", "new-cell IR|trump|opposes");
            assertThat(Files.readAllLines(dir.resolve("alerts.jsonl"))).hasSize(7);

            // the same story changed: stored as a second version, not over the first
            russia[0] = TestFeeds.RUSSIA_UPDATED;
            items.set(0, new TestFeeds.Item("/news/russia", "Officials warn of Moscow election push", 2));
            PollSummary fourth = watcher.poll(new AtomicBoolean());
            assertThat(fourth.pagesChanged()).as(fourth.line()).isEqualTo(1);
            assertThat(fourth.pagesNew()).isZero();
            assertThat(count(db, "SELECT count(*) FROM articles")).isEqualTo(5);
            try (VigilStore store = VigilStore.open(db)) {
                Map<String, Integer> versions = store.read(c -> new WatchLedger(c).versionCounts());
                assertThat(versions.get(server.url("/news/russia"))).isEqualTo(2);
                assertThat(versions.get(server.url("/news/iran"))).isEqualTo(1);
            }
            assertThat(server.userAgents).isNotEmpty().allMatch(ua -> ua.startsWith("Vigil/"));
        }
    }

    @Test
    void everyKindOfFailingFeedIsLoggedRetriedAndCountedAndNeverStopsTheOthers() throws Exception {
        Path db = dir.resolve("failing.duckdb");
        try (LoopbackServer server = new LoopbackServer()) {
            String base = server.url("");
            String empty = TestFeeds.rss(base, List.of());
            server.on("/404.xml", (ex, n) -> LoopbackServer.send(ex, n == 1 ? 404 : 200, "application/rss+xml", n == 1 ? "gone" : empty));
            server.on("/500.xml", (ex, n) -> LoopbackServer.send(ex, n == 1 ? 500 : 200, "application/rss+xml", n == 1 ? "oops" : empty));
            server.on("/slow.xml", (ex, n) -> {
                if (n == 1) {
                    try {
                        Thread.sleep(2500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                LoopbackServer.send(ex, 200, "application/rss+xml", empty);
            });
            server.on("/malformed.xml", (ex, n) -> LoopbackServer.send(ex, 200, "application/rss+xml",
                    n == 1 ? "<rss version=\"2.0\"><channel><item><title>cut off" : empty));
            server.on("/huge.xml", (ex, n) -> {
                if (n > 1) {
                    LoopbackServer.send(ex, 200, "application/rss+xml", empty);
                    return;
                }
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
                ex.sendResponseHeaders(200, 50L * 1024 * 1024);
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                try (var out = ex.getResponseBody()) {
                    for (int i = 0; i < 50 * 16; i++) {
                        out.write(chunk);
                    }
                }
            });
            server.on("/loop.xml", (ex, n) -> {
                if (n <= 6) { // more than fetch.max.redirects (5) in a row, then the feed
                    ex.getResponseHeaders().set("Location", "/loop.xml?hop=" + n);
                    ex.sendResponseHeaders(302, -1);
                } else {
                    LoopbackServer.send(ex, 200, "application/rss+xml", empty);
                }
            });
            server.on("/down.xml", (ex, n) -> LoopbackServer.send(ex, 500, "text/plain", "down"));
            server.page("/good.xml", "application/rss+xml", () -> TestFeeds.rss(base, List.of(
                    new TestFeeds.Item("/news/china", "Beijing's online network targets voters", 1))));
            server.page("/news/china", "text/html", () -> TestFeeds.CHINA);
            List<String> feeds = new ArrayList<>();
            for (String f : List.of("/404.xml", "/500.xml", "/slow.xml", "/malformed.xml", "/huge.xml", "/loop.xml", "/down.xml")) {
                feeds.add(server.url(f));
            }
            feeds.add("http://feeds.vigil-test.invalid/rss.xml");
            feeds.add(server.url("/good.xml"));
            Sources sources = new Sources(feeds, List.of(), List.of(), List.of(), List.of(), fast());
            Watcher watcher = watcher(sources, db);

            PollSummary s = watcher.poll(new AtomicBoolean());
            String log = errBytes.toString(StandardCharsets.UTF_8);
            assertThat(s.feedsRead()).as(s.line() + "\n" + log).isEqualTo(7); // six recovered on retry, and the good one
            assertThat(s.feedsFailed()).isEqualTo(2); // the one always down, the one whose host does not resolve
            assertThat(s.retries()).isEqualTo(6 + 2 + 2);
            assertThat(s.articles()).isEqualTo(1);
            assertThat(log).contains(server.url("/404.xml") + ": HTTP 404; try 1 failed, retrying in 10 ms");
            assertThat(log).contains(server.url("/500.xml") + ": HTTP 500; try 1 failed, retrying in 10 ms");
            assertThat(log).contains(server.url("/slow.xml") + ": no answer within 1 s (fetch.timeout); try 1 failed");
            assertThat(log).contains(server.url("/malformed.xml") + ": not a readable RSS or Atom feed");
            assertThat(log).contains(server.url("/huge.xml") + ": answer larger than the cap of 5.0 MiB");
            assertThat(log).contains(server.url("/loop.xml") + ": more than 5 redirects");
            assertThat(s.failures()).contains(
                    "feed failed: " + server.url("/down.xml") + ": HTTP 500 (3 tries; not polled again for 15 min)");
            assertThat(s.failures()).anyMatch(f -> f.startsWith("feed failed: http://feeds.vigil-test.invalid/rss.xml: "));
            assertThat(server.count("/down.xml")).isEqualTo(3);
            assertThat(s.anyFailed()).isTrue();

            // the failed feeds wait out their backoff; the six without an ETag are read again, the good one answers 304; nothing is doubled
            PollSummary again = watcher.poll(new AtomicBoolean());
            assertThat(again.line()).contains("9 feed(s): 6 read, 1 unchanged, 0 failed, 2 waiting after failures");
            assertThat(count(db, "SELECT count(*) FROM articles")).isEqualTo(1);
            assertThat(server.count("/down.xml")).isEqualTo(3);
        }
    }

    /** Feeds A (two articles) and B (one article, and one page that hangs while {@code hang} is set). */
    static void crashFeeds(LoopbackServer server, java.util.concurrent.CountDownLatch reached, AtomicBoolean hang) {
        String base = server.url("");
        server.page("/a.xml", "application/rss+xml", () -> TestFeeds.rss(base, List.of(
                new TestFeeds.Item("/a/russia", "Officials warn of Moscow election push", 1),
                new TestFeeds.Item("/a/china", "Beijing's online network targets voters", 1))));
        server.page("/b.xml", "application/rss+xml", () -> TestFeeds.rss(base, List.of(
                new TestFeeds.Item("/b/iran", "Campaign emails stolen, investigators say", 2),
                new TestFeeds.Item("/b/council", "Council meets", 2))));
        server.page("/a/russia", "text/html", () -> TestFeeds.RUSSIA);
        server.page("/a/china", "text/html", () -> TestFeeds.CHINA);
        server.page("/b/iran", "text/html", () -> TestFeeds.IRAN);
        server.on("/b/council", (ex, n) -> {
            reached.countDown();
            for (int i = 0; i < 600 && hang.get(); i++) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            LoopbackServer.send(ex, 200, "text/html", TestFeeds.page("Council meets", TestFeeds.COUNCIL));
        });
    }

    static Sources bothFeeds(LoopbackServer server) {
        return new Sources(List.of(server.url("/a.xml"), server.url("/b.xml")), List.of(), List.of(), List.of(), List.of(), fast());
    }

    /** {@code vigil watch} on feeds A and B in a JVM of its own, output to {@code log}. */
    Process startWatch(LoopbackServer server, Path db, Path log, String... more) throws java.io.IOException {
        Path sources = dir.resolve("sources.yaml");
        Files.writeString(sources, "feeds:\n  - " + server.url("/a.xml") + "\n  - " + server.url("/b.xml")
                + "\nsettings:\n  fetch.host.interval: 0ms\n  fetch.timeout: 60s\n");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-cp", System.getProperty("java.class.path"), "org.vigil.app.Main", "watch", "--sources", sources.toString(),
                "--db", db.toString(), "--progress", "never", "--quiet"));
        cmd.addAll(List.of(more));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static void assertNothingLostOrDoubled(Path db, LoopbackServer server) {
        assertThat(count(db, "SELECT count(*) FROM articles")).isEqualTo(4);
        assertThat(count(db, "SELECT count(*) FROM sources")).isEqualTo(4);
        assertThat(count(db, "SELECT count(DISTINCT url) FROM sources")).isEqualTo(4);
        assertThat(count(db, "SELECT count(*) FROM watch_versions")).isEqualTo(4);
        assertThat(count(db, "SELECT count(*) FROM alerts")).isEqualTo(count(db, "SELECT count(DISTINCT kind || subject) FROM alerts"));
        for (String p : List.of("/a/russia", "/a/china", "/b/iran", "/b/council")) {
            assertThat(count(db, "SELECT count(*) FROM watch_pages WHERE url = '" + server.url(p) + "' AND version = 1"))
                    .as(p).isEqualTo(1);
        }
    }

    @Test
    void aWatchKilledWithSigkillMidPollLosesAndDoublesNothingOnTheNextRun() throws Exception {
        Path db = dir.resolve("crash.duckdb");
        try (LoopbackServer server = new LoopbackServer()) {
            java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
            AtomicBoolean hang = new AtomicBoolean(true);
            crashFeeds(server, reached, hang);
            Sources a = new Sources(List.of(server.url("/a.xml")), List.of(), List.of(), List.of(), List.of(), fast());
            Sources ab = bothFeeds(server);
            assertThat(watcher(a, db).poll(new AtomicBoolean()).articles()).isEqualTo(2);

            // a real process, killed with SIGKILL while it fetches feed B's pages
            Path log = dir.resolve("child.log");
            Process child = startWatch(server, db, log, "--once");
            try {
                assertThat(reached.await(120, java.util.concurrent.TimeUnit.SECONDS)).as("the child reached the hanging page; its log:%n%s",
                        Files.exists(log) ? Files.readString(log) : "").isTrue();
                assertThat(server.count("/b/iran")).isEqualTo(1); // fetched, in hand, not stored
                child.destroyForcibly(); // SIGKILL on Unix
                assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).isEqualTo(137);
            } finally {
                child.destroyForcibly();
            }
            assertThat(count(db, "SELECT count(*) FROM articles")).isEqualTo(2);
            hang.set(false);

            PollSummary after = watcher(ab, db).poll(new AtomicBoolean());
            assertThat(after.pagesNew()).as(after.line()).isEqualTo(2); // feed B's pages, fetched again
            assertThat(server.count("/a/russia")).isEqualTo(1);
            assertThat(server.count("/b/iran")).isEqualTo(2);
            assertNothingLostOrDoubled(db, server);
        }
    }

    /**
     * The narrowest window, simulated: a poll that stored its articles and died before the
     * transaction that marks them read. The next poll fetches them again and stores them onto themselves.
     */
    @Test
    void aCrashBetweenStoringArticlesAndMarkingThemReadDoublesNothing() throws Exception {
        Path db = dir.resolve("window.duckdb");
        try (LoopbackServer server = new LoopbackServer()) {
            crashFeeds(server, new java.util.concurrent.CountDownLatch(1), new AtomicBoolean(false));
            Sources ab = bothFeeds(server);
            // what the crashed poll got as far as: the same pages, through the same pipeline and store, no ledger
            Path spool = Files.createDirectories(dir.resolve("crashed-spool"));
            StringBuilder jsonl = new StringBuilder();
            for (String[] p : List.of(new String[] {"/a/russia", TestFeeds.RUSSIA}, new String[] {"/a/china", TestFeeds.CHINA},
                    new String[] {"/b/iran", TestFeeds.IRAN},
                    new String[] {"/b/council", TestFeeds.page("Council meets", TestFeeds.COUNCIL)})) {
                jsonl.append(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("url", server.url(p[0]))
                        .put("html", p[1])).append('\n');
            }
            Files.writeString(spool.resolve("pages.jsonl"), jsonl);
            org.vigil.app.news.IngestNewsCommand.store(pipeline.run(spool, err), db, err);
            assertThat(count(db, "SELECT count(*) FROM articles")).isEqualTo(4);

            PollSummary after = watcher(ab, db).poll(new AtomicBoolean());
            assertThat(after.pagesNew()).as(after.line()).isEqualTo(4);
            assertNothingLostOrDoubled(db, server);
        }
    }

    @Test
    void sigtermFinishesTheArticleInHandStoresWhatWasReadAndExits() throws Exception {
        Path db = dir.resolve("term.duckdb");
        try (LoopbackServer server = new LoopbackServer()) {
            java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
            AtomicBoolean hang = new AtomicBoolean(true);
            crashFeeds(server, reached, hang);
            Path log = dir.resolve("child.log");
            Process child = startWatch(server, db, log);
            try {
                assertThat(reached.await(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                child.destroy(); // SIGTERM while the last page is in hand
                Thread.sleep(500);
                hang.set(false);
                assertThat(child.waitFor(150, java.util.concurrent.TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
                assertThat(child.exitValue()).isEqualTo(143);
            } finally {
                child.destroyForcibly();
            }
            String out = Files.readString(log);
            assertThat(out).contains("vigil watch: stopping after the article in hand");
            // the page in hand was the last one, so the poll ends whole and the loop exits instead of waiting for the next
            assertThat(out).contains("vigil watch: poll 1: 2 feed(s): 2 read").contains("pages: 4 new").doesNotContain("poll 2");
            assertNothingLostOrDoubled(db, server);
        }
    }

    @Test
    void aStopRequestedMidPollStoresThePagesInHandAndLeavesTheRestForTheNextPoll() throws Exception {
        Path db = dir.resolve("stop.duckdb");
        try (LoopbackServer server = new LoopbackServer()) {
            crashFeeds(server, new java.util.concurrent.CountDownLatch(1), new AtomicBoolean(false));
            AtomicBoolean stop = new AtomicBoolean();
            server.page("/b/iran", "text/html", () -> {
                stop.set(true); // as SIGTERM would, while this page is being fetched
                return TestFeeds.IRAN;
            });
            Sources ab = bothFeeds(server);
            PollSummary stopped = watcher(ab, db).poll(stop);
            assertThat(stopped.stopped()).isTrue();
            assertThat(stopped.pagesNew()).as(stopped.line()).isEqualTo(3);
            assertThat(server.count("/b/council")).isZero();
            assertThat(count(db, "SELECT count(*) FROM articles")).isEqualTo(3);

            PollSummary next = watcher(ab, db).poll(new AtomicBoolean());
            assertThat(next.pagesNew()).as(next.line()).isEqualTo(1); // feed B kept no ETag, so its last page is listed again
            assertThat(next.feedsUnchanged()).isEqualTo(1); // feed A was read whole
            assertNothingLostOrDoubled(db, server);
        }
    }

    @Test
    void aPostFolderRunsTheCoordinationEngineOnNewFilesOnlyAndRaisesItsNetworks() throws Exception {
        Path db = dir.resolve("posts.duckdb");
        Path posts = Files.createDirectories(dir.resolve("posts"));
        var data = new org.vigil.coordination.synthetic.SyntheticPosts(20_000, 1_000, 2, 13L, false).generate();
        try (var out = new org.apache.commons.csv.CSVPrinter(Files.newBufferedWriter(posts.resolve("export-1.csv")),
                org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader("post_id", "account_id", "timestamp", "text",
                        "retweet_of", "reply_to", "urls", "hashtags", "lang").build())) {
            for (var p : data.posts()) {
                out.printRecord(p.postId(), p.accountId(), p.timestamp(), p.text(), p.retweetOf(), p.replyTo(),
                        String.join(" ", p.urls()), String.join(" ", p.hashtags()), p.language());
            }
        }
        Sources sources = new Sources(List.of(), List.of(), List.of(), List.of(posts), List.of(), fast());
        PollSummary first = watcher(sources, db).poll(new AtomicBoolean());
        assertThat(first.line()).as(String.join("\n", first.failures())).contains("1 post folder(s) run");
        List<Alert> alerts = storedAlerts(db);
        assertThat(alerts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo("new-network");
            assertThat(a.networkId()).startsWith("watch-").contains("#");
        });
        assertThat(count(db, "SELECT count(*) FROM coordination_runs")).isEqualTo(1);

        PollSummary second = watcher(sources, db).poll(new AtomicBoolean());
        assertThat(second.line()).contains("0 post folder(s) run").contains("0 new alert(s)");
        assertThat(count(db, "SELECT count(*) FROM coordination_runs")).isEqualTo(1);
    }
}
