package org.vigil.app.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vigil.app.news.IngestNewsCommand;
import org.vigil.app.news.NewsPipeline;
import org.vigil.app.progress.ProgressBar;
import org.vigil.coordination.CoordinationSession;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.InProcessCoordinationEngine;
import org.vigil.coordination.ProgressListener;
import org.vigil.ingest.feeds.FeedItem;
import org.vigil.ingest.feeds.FeedReader;
import org.vigil.ingest.feeds.FetchException;
import org.vigil.ingest.feeds.FetchResult;
import org.vigil.ingest.feeds.HttpFetcher;
import org.vigil.ingest.posts.PostReaders;
import org.vigil.model.Article;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.Extraction;
import org.vigil.model.Problem;
import org.vigil.model.Source;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;
import org.vigil.store.coordination.CoordinationWriter;
import org.vigil.store.watch.Alert;
import org.vigil.store.watch.NewsPicture;
import org.vigil.store.watch.WatchLedger;
import org.vigil.store.watch.WatchSchema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * One poll of every source, then the alerts it implies. The order makes a crash (kill -9) at any
 * point lose and double nothing: pages are fetched into a spool, extracted and stored (the store is
 * idempotent by content hash), and only then, in one transaction, are the pages marked read and the
 * feeds' validators kept. A crash before that transaction means the next poll fetches the same
 * items again and stores the same articles onto themselves.
 */
public final class Watcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CHILD_SITEMAPS = 50;

    private final Sources sources;
    private final Path db;
    private final NewsPipeline pipeline;
    private final AlertSinks sinks;
    private final PrintStream err;
    private final ProgressListener progress;
    private final WatchSettings settings;
    private final AlertDetector detector;

    public Watcher(Sources sources, Path db, NewsPipeline pipeline, AlertSinks sinks, PrintStream err, ProgressListener progress) {
        this.sources = sources;
        this.db = db;
        this.pipeline = pipeline;
        this.sinks = sinks;
        this.err = err;
        this.progress = progress;
        this.settings = sources.settings();
        this.detector = new AlertDetector(settings);
    }

    /** A page to read: where it was listed, what is known of it, and once fetched, its body. */
    private static final class Pending {
        final String url;
        final String feed;
        final FeedItem item;
        final WatchLedger.Page before;
        FetchResult fetched;
        String sha;
        Path file; // a local news file
        Path root; // the watched folder it is in
        int folderNo;
        Path copy; // where it was copied into the spool

        Pending(String url, String feed, FeedItem item, WatchLedger.Page before) {
            this.url = url;
            this.feed = feed;
            this.item = item;
            this.before = before;
        }
    }

    /**
     * Polls every source once, stores what is new, raises and delivers alerts.
     *
     * @param stop set (by SIGTERM) to finish the page in hand, store what was read and return
     */
    public PollSummary poll(AtomicBoolean stop) throws InterruptedException {
        PollSummary s = new PollSummary();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<Alert> fresh = new ArrayList<>();
        Path spool = spoolFolder();
        try (VigilStore store = VigilStore.open(db); HttpFetcher fetcher = new HttpFetcher(settings.fetch())) {
            store.migrate(WatchSchema.COMPONENT, WatchSchema.MIGRATIONS);
            Map<String, WatchLedger.Page> pages = store.read(c -> new WatchLedger(c).pages());
            Map<String, WatchLedger.Feed> feeds = store.read(c -> new WatchLedger(c).feeds());
            Map<String, WatchLedger.FileMark> files = store.read(c -> new WatchLedger(c).files());
            s.openSeconds = (System.nanoTime() - t0) / 1e9;
            long tFetch = System.nanoTime();

            // 1. the feeds and sitemaps: which items are new or changed
            Map<String, FetchResult> feedsRead = new LinkedHashMap<>();
            Map<String, String> feedErrors = new LinkedHashMap<>();
            Set<String> incomplete = new LinkedHashSet<>();
            List<Pending> todo = new ArrayList<>();
            List<String[]> listed = new ArrayList<>();
            for (String f : sources.feeds()) {
                listed.add(new String[] {f, "feed"});
            }
            for (String f : sources.sitemaps()) {
                listed.add(new String[] {f, "sitemap"});
            }
            s.feeds = listed.size();
            int feedNo = 0;
            for (String[] l : listed) {
                progress.progress("feeds read", feedNo++, listed.size());
                if (stop.get()) {
                    s.stopped = true;
                    break;
                }
                String url = l[0];
                WatchLedger.Feed state = feeds.get(url);
                if (state != null && state.nextTry() != null && state.nextTry().isAfter(started)) {
                    s.feedsDeferred++;
                    continue;
                }
                List<FeedItem> items;
                try {
                    boolean isFeed = l[1].equals("feed");
                    // a malformed answer is retried like a failed fetch: a feed cut off mid-write reads whole the next time
                    FeedRead fr = fetcher.fetch(url, state == null ? null : state.etag(), state == null ? null : state.lastModified(),
                            (e, attempt, wait) -> {
                                s.retries++;
                                err.println("vigil watch: " + e.getMessage() + "; try " + attempt + " failed, retrying in " + wait + " ms");
                            }, got -> got.notModified() ? new FeedRead(got, List.of())
                                    : isFeed ? new FeedRead(got, FeedReader.feed(got.url(), got.body()))
                                    : new FeedRead(got, List.of(), FeedReader.sitemap(got.url(), got.body(), got.contentType())));
                    FetchResult r = fr.result();
                    feedsRead.put(url, r);
                    if (r.notModified()) {
                        s.feedsUnchanged++;
                        continue;
                    }
                    items = isFeed ? fr.items() : sitemapItems(fetcher, fr.listing(), s);
                    s.feedsRead++;
                } catch (FetchException e) {
                    s.feedsFailed++;
                    feedErrors.put(url, e.getMessage());
                    int failures = state == null ? 1 : state.failures() + 1;
                    s.failures.add("feed failed: " + e.getMessage() + " (" + (settings.fetch().retries() + 1)
                            + " tries; not polled again for " + backoff(failures).toMinutes() + " min)");
                    feedsRead.remove(url);
                    continue;
                }
                for (FeedItem item : items) {
                    WatchLedger.Page before = pages.get(item.url());
                    boolean changed = before != null && item.changedAt() != null && before.listedAt() != null
                            && item.changedAt().isAfter(before.listedAt());
                    if (before == null || changed) {
                        if (todo.size() >= settings.maxPages()) {
                            s.pagesLeft++;
                            incomplete.add(url);
                        } else if (todo.stream().noneMatch(p -> p.url.equals(item.url()))) {
                            todo.add(new Pending(item.url(), url, item, before));
                        }
                    }
                }
            }

            // 2. the article pages
            List<Pending> read = new ArrayList<>();
            for (int i = 0; i < todo.size(); i++) {
                Pending p = todo.get(i);
                progress.progress("pages fetched", i, todo.size());
                if (stop.get()) {
                    s.stopped = true;
                    todo.subList(i, todo.size()).forEach(left -> incomplete.add(left.feed));
                    break;
                }
                try {
                    p.fetched = fetcher.fetch(p.url, p.before == null ? null : p.before.etag(),
                            p.before == null ? null : p.before.lastModified(), (e, attempt, wait) -> {
                                s.retries++;
                                err.println("vigil watch: " + e.getMessage() + "; try " + attempt + " failed, retrying in " + wait + " ms");
                            });
                } catch (FetchException e) {
                    if (HttpFetcher.refusedByRobots(e)) {
                        s.pagesRefused++; // not a failure to retry: the site asked not to be read
                        s.failures.add("page not fetched: " + e.getMessage());
                    } else {
                        incomplete.add(p.feed); // its feed is read whole again next poll, so the page is not lost
                        s.pagesFailed++;
                        s.failures.add("page failed: " + e.getMessage() + " (listed by " + p.feed + "; tried again next poll)");
                    }
                    continue;
                }
                // a 304 to a request that sent no validators has no body to compare: it reads as an empty page
                p.sha = p.fetched.notModified() && p.before != null ? p.before.bodySha() : sha(p.fetched.body());
                read.add(p);
            }

            // 3. local folders of news files
            if (!s.stopped) {
                for (int k = 0; k < sources.folders().size(); k++) {
                    Path folder = sources.folders().get(k);
                    for (Path f : listFiles(folder, s)) {
                        WatchLedger.FileMark mark = mark(f);
                        WatchLedger.FileMark old = files.get(mark.path());
                        if (old != null && old.size() == mark.size() && old.modified() == mark.modified()) {
                            continue;
                        }
                        String key = f.toAbsolutePath().normalize().toUri().toString();
                        Pending p = new Pending(key, folder.toString(), null, pages.get(key));
                        p.file = f;
                        p.root = folder;
                        p.folderNo = k;
                        try {
                            p.sha = sha(Files.readAllBytes(f));
                        } catch (IOException e) {
                            s.failures.add("cannot read " + f + ": " + e.getMessage() + "; tried again next poll");
                            continue;
                        }
                        read.add(p);
                    }
                }
            }

            s.fetchSeconds = (System.nanoTime() - tFetch) / 1e9;
            long t1 = System.nanoTime();
            // 4. extract and store what is new (same text seen before: nothing to do)
            List<Pending> changed = read.stream().filter(p -> p.before == null || !p.sha.equals(p.before.bodySha())).toList();
            s.pagesUnchanged = read.size() - changed.size();
            Map<String, String> articleOf = new HashMap<>();
            if (!changed.isEmpty()) {
                writeSpool(spool, changed);
                NewsPipeline.Result r = pipeline.run(spool, err, progress);
                s.articles = IngestNewsCommand.store(r, store, err);
                for (Extraction x : r.extractions()) {
                    Article a = x.article();
                    if (a.url() != null) {
                        articleOf.putIfAbsent(a.url(), a.id());
                    }
                    for (Source src : a.sources()) {
                        if (src.url() != null) {
                            articleOf.putIfAbsent(src.url(), a.id());
                        }
                        if (src.origin() != null) {
                            articleOf.putIfAbsent(originKey(src.origin()), a.id());
                        }
                    }
                }
                for (Pending p : changed) {
                    if (p.before == null) {
                        s.pagesNew++;
                    } else {
                        s.pagesChanged++;
                    }
                }
            }

            s.storeSeconds = (System.nanoTime() - t1) / 1e9;
            // 5. post folders through the coordination engine
            Map<String, List<WatchLedger.Network>> networks = new LinkedHashMap<>();
            List<WatchLedger.FileMark> postMarks = new ArrayList<>();
            List<Alert> networkAlerts = new ArrayList<>();
            if (!s.stopped) {
                for (Path folder : sources.posts()) {
                    List<Path> postFiles = listFiles(folder, s);
                    List<WatchLedger.FileMark> marks = postFiles.stream().map(Watcher::mark).toList();
                    boolean news = marks.stream().anyMatch(m -> {
                        WatchLedger.FileMark old = files.get(m.path());
                        return old == null || old.size() != m.size() || old.modified() != m.modified();
                    });
                    if (!news) {
                        continue;
                    }
                    String source = folder.toAbsolutePath().normalize().toString();
                    CoordinationResult result = coordinate(store, source, postFiles, marks, s);
                    if (result == null) {
                        continue;
                    }
                    s.postFolders++;
                    postMarks.addAll(marks);
                    List<WatchLedger.Network> before = store.read(c -> new WatchLedger(c).networks(source));
                    List<WatchLedger.Network> next = new ArrayList<>();
                    networkAlerts.addAll(detector.networks(source, runId(marks), result.networks(), before, next, started));
                    networks.put(source, next);
                }
            }

            // 6. one transaction: pages read, feeds' validators, files, networks, alerts, baseline
            Instant at = Instant.now();
            fresh = store.write(c -> {
                WatchLedger ledger = new WatchLedger(c);
                for (Pending p : read) {
                    boolean isNew = p.before == null || !p.sha.equals(p.before.bodySha());
                    String article = p.copy != null ? articleOf.get(p.copy.toString()) : articleOf.get(p.url);
                    if (article != null && p.copy == null) {
                        // near-duplicates were merged on storing: name the article the text ended up in
                        String merged = ledger.articleOfSource(p.url);
                        article = merged != null ? merged : article;
                    }
                    int version = p.before == null ? 1 : p.before.version() + (isNew ? 1 : 0);
                    Instant listedAt = p.item == null ? null : p.item.changedAt();
                    String etag = p.fetched == null ? null : p.fetched.etag();
                    String lastModified = p.fetched == null ? null : p.fetched.lastModified();
                    if (!isNew) {
                        article = p.before.articleId();
                    }
                    ledger.savePage(new WatchLedger.Page(p.url, version, p.sha, article, etag, lastModified,
                            listedAt == null && p.before != null ? p.before.listedAt() : listedAt, article == null ? "no-text" : "stored"), isNew);
                    if (p.file != null) {
                        ledger.fileRead(mark(p.file));
                    }
                }
                for (Map.Entry<String, FetchResult> f : feedsRead.entrySet()) {
                    if (!incomplete.contains(f.getKey())) {
                        ledger.feedRead(f.getKey(), f.getValue().etag(), f.getValue().lastModified());
                    }
                }
                for (Map.Entry<String, String> f : feedErrors.entrySet()) {
                    WatchLedger.Feed before = feeds.get(f.getKey());
                    int failures = before == null ? 1 : before.failures() + 1;
                    ledger.feedFailed(f.getKey(), before, at.plus(backoff(failures)), f.getValue());
                }
                for (WatchLedger.FileMark m : postMarks) {
                    ledger.fileRead(m);
                }
                for (Map.Entry<String, List<WatchLedger.Network>> n : networks.entrySet()) {
                    ledger.replaceNetworks(n.getKey(), n.getValue());
                }
                Map<String, Double> next = new HashMap<>();
                List<Alert> all = new ArrayList<>(detector.news(c, NewsPicture.read(c), ledger.baseline(), next, at));
                all.addAll(networkAlerts);
                ledger.replaceBaseline(next);
                List<Alert> saved = new ArrayList<>();
                for (Alert a : all) {
                    if (ledger.saveAlert(a)) {
                        saved.add(a);
                    }
                }
                return saved;
            });
            s.alerts = fresh.size();
        } finally {
            deleteQuietly(spool);
        }
        if (progress instanceof ProgressBar bar) {
            bar.done(); // alerts on stdout start on a clean line
        }
        List<String> undelivered = sinks.deliver(fresh, new PrintWriter(err, true));
        s.deliveriesFailed = undelivered.size();
        s.failures.addAll(undelivered);
        s.seconds = (System.nanoTime() - t0) / 1e9;
        return s;
    }

    /** A failing feed waits the poll interval, doubled per failure in a row, at most a day. */
    private Duration backoff(int failures) {
        Duration d = settings.every().multipliedBy(1L << Math.min(failures - 1, 10));
        return d.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : d;
    }

    /** A feed or sitemap as fetched and read. */
    private record FeedRead(FetchResult result, List<FeedItem> items, FeedReader.Listing listing) {
        FeedRead(FetchResult result, List<FeedItem> items) {
            this(result, items, null);
        }
    }

    private List<FeedItem> sitemapItems(HttpFetcher fetcher, FeedReader.Listing listing, PollSummary s)
            throws FetchException, InterruptedException {
        List<FeedItem> items = new ArrayList<>(listing.items());
        int children = 0;
        for (String child : listing.childSitemaps()) {
            if (++children > MAX_CHILD_SITEMAPS) {
                s.failures.add(child + ": sitemap index lists more than " + MAX_CHILD_SITEMAPS + " sitemaps; the rest are not read");
                break;
            }
            items.addAll(fetcher.fetch(child, null, null, (e, attempt, wait) -> s.retries++,
                    c -> FeedReader.sitemap(c.url(), c.body(), c.contentType())).items());
        }
        return items;
    }

    private CoordinationResult coordinate(VigilStore store, String source, List<Path> files, List<WatchLedger.FileMark> marks,
                                          PollSummary s) {
        Instant started = Instant.now();
        List<Problem> problems = new ArrayList<>();
        CoordinationSettings cs = CoordinationSettings.fromMap(settings.coordination());
        CoordinationSession session = new InProcessCoordinationEngine().start(cs, problems::add, progress);
        long posts = 0;
        for (Path f : files) {
            try {
                posts += PostReaders.read(f, null, session, problems::add).ok();
            } catch (VigilException e) {
                problems.add(new Problem(f.toString(), 0, e.getMessage() + " (file skipped)", ""));
            }
        }
        if (posts == 0) {
            s.failures.add("post folder " + source + ": no post could be read from " + files.size() + " file(s); see the quarantine");
            return null;
        }
        CoordinationResult result = session.finish();
        CoordinationRun run = new CoordinationRun(runId(marks), started, files.stream().map(Path::toString).toList(), cs.method(),
                cs.asMap(), posts, problems.size());
        store.write(c -> {
            new CoordinationWriter(c).write(run, result);
            return null;
        });
        if (!problems.isEmpty()) {
            String r = store.startRun("watch posts");
            store.saveProblems(r, problems);
            store.finishRun(r, posts, 0, problems.size());
            s.failures.add("post folder " + source + ": " + problems.size() + " bad record(s) quarantined under run " + r);
        }
        return result;
    }

    /** Same files, same run id: a poll repeated after a crash replaces its coordination run instead of adding one. */
    private static String runId(List<WatchLedger.FileMark> marks) {
        StringBuilder b = new StringBuilder();
        marks.stream().sorted(Comparator.comparing(WatchLedger.FileMark::path))
                .forEach(m -> b.append(m.path()).append('\t').append(m.size()).append('\t').append(m.modified()).append('\n'));
        return "watch-" + sha(b.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private void writeSpool(Path spool, List<Pending> changed) {
        try {
            Files.createDirectories(spool);
            for (Pending p : changed) {
                if (p.file != null) {
                    // named <n>-<folder>/<path in folder>, so outputs say which watched folder the article came from
                    Path copy = spool.resolve(p.folderNo + "-" + p.root.toAbsolutePath().normalize().getFileName())
                            .resolve(p.root.relativize(p.file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(p.file, copy, StandardCopyOption.REPLACE_EXISTING);
                    p.copy = copy.toAbsolutePath().normalize();
                }
            }
            if (changed.stream().allMatch(p -> p.file != null)) {
                return;
            }
            try (BufferedWriter w = Files.newBufferedWriter(spool.resolve("pages.jsonl"), StandardCharsets.UTF_8)) {
                for (Pending p : changed) {
                    if (p.file != null) {
                        continue;
                    }
                    ObjectNode o = JSON.createObjectNode();
                    o.put("url", p.url);
                    if (p.item != null && p.item.title() != null) {
                        o.put("title", p.item.title());
                    }
                    if (p.item != null && p.item.published() != null) {
                        o.put("published", p.item.published().toString().substring(0, 10));
                    }
                    String type = p.fetched.contentType() == null ? "" : p.fetched.contentType().toLowerCase(java.util.Locale.ROOT);
                    // plain text goes in as text so its line breaks keep their meaning; anything else is read as HTML
                    o.put(type.startsWith("text/plain") ? "text" : "html", new String(p.fetched.body(), charset(p.fetched.contentType())));
                    w.write(o.toString());
                    w.newLine();
                }
            }
        } catch (IOException e) {
            throw new VigilException("cannot write the watch spool " + spool + ": " + e.getMessage()
                    + "; check free space and permissions beside the store", e);
        }
    }

    private static java.nio.charset.Charset charset(String contentType) {
        if (contentType != null) {
            int i = contentType.toLowerCase(java.util.Locale.ROOT).indexOf("charset=");
            if (i >= 0) {
                String name = contentType.substring(i + 8).replace("\"", "").split("[;, ]")[0];
                try {
                    return java.nio.charset.Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    // an unknown charset name: UTF-8 is the web's default
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** An article's origin as the ingest names it (a spool file, or a spool JSONL line) made comparable. */
    private static String originKey(String origin) {
        return Path.of(origin.replaceFirst(":\\d+$", "")).toAbsolutePath().normalize().toString();
    }

    private Path spoolFolder() {
        Path file = db.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path root = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".watch-spool");
        deleteQuietly(root); // a spool left by a crash holds nothing the next fetch does not bring again
        return root;
    }

    private static List<Path> listFiles(Path folder, PollSummary s) {
        if (!Files.isDirectory(folder)) {
            s.failures.add("folder " + folder + " does not exist or is not a folder; create it or fix the sources file");
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(folder, p))
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            s.failures.add("cannot list folder " + folder + ": " + e.getMessage());
            return List.of();
        }
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static WatchLedger.FileMark mark(Path f) {
        try {
            return new WatchLedger.FileMark(f.toAbsolutePath().normalize().toString(), Files.size(f),
                    Files.getLastModifiedTime(f).toMillis());
        } catch (IOException e) {
            return new WatchLedger.FileMark(f.toAbsolutePath().normalize().toString(), -1, -1);
        }
    }

    static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException ignored) {
                    // left for the next poll to clear
                }
            });
        } catch (IOException ignored) {
            // the same
        }
    }
}
