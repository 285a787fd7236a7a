package org.vigil.app.watch;

import org.vigil.app.news.IngestNewsCommand;
import org.vigil.app.news.NewsPipeline;
import org.vigil.app.progress.ProgressBar;
import org.vigil.coordination.ProgressListener;
import org.vigil.ingest.feeds.FeedItem;
import org.vigil.ingest.feeds.FeedReader;
import org.vigil.ingest.feeds.FetchException;
import org.vigil.ingest.feeds.FetchResult;
import org.vigil.ingest.feeds.HttpFetcher;
import org.vigil.model.Article;
import org.vigil.model.Extraction;
import org.vigil.model.Source;
import org.vigil.store.VigilStore;
import org.vigil.store.watch.Alert;
import org.vigil.store.watch.NewsPicture;
import org.vigil.store.watch.WatchLedger;
import org.vigil.store.watch.WatchSchema;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One poll of every source, then the alerts it implies. The order makes a crash (kill -9) at any
 * point lose and double nothing: pages are fetched into a spool, extracted and stored (the store is
 * idempotent by content hash), and only then, in one transaction, are the pages marked read and the
 * feeds' validators kept. A crash before that transaction means the next poll fetches the same
 * items again and stores the same articles onto themselves.
 */
public final class Watcher {
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
        Path spool = Spool.beside(db);
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
                    for (Path f : WatchedFolder.files(folder, s.failures)) {
                        WatchLedger.FileMark mark = WatchedFolder.mark(f);
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
                        s.filesRead++;
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
                for (Pending p : changed) {
                    if (p.file != null) {
                        p.copy = Spool.copy(spool, p.folderNo, p.root, p.file);
                    }
                }
                Spool.writePages(spool, changed.stream().filter(p -> p.file == null)
                        .map(p -> new Spool.Page(p.url, p.item == null ? null : p.item.title(), p.item == null ? null : p.item.published(),
                                p.fetched.contentType(), p.fetched.body())).toList());
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
            PostFolders.Outcome posted = s.stopped ? PostFolders.Outcome.NONE
                    : new PostFolders(settings, detector, progress).run(store, sources.posts(), files, started, s);

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
                        ledger.fileRead(WatchedFolder.mark(p.file));
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
                for (WatchLedger.FileMark m : posted.files()) {
                    ledger.fileRead(m);
                }
                for (Map.Entry<String, List<WatchLedger.Network>> n : posted.networks().entrySet()) {
                    ledger.replaceNetworks(n.getKey(), n.getValue());
                }
                Map<String, Double> next = new HashMap<>();
                List<Alert> all = new ArrayList<>(detector.news(c, NewsPicture.read(c), ledger.baseline(), next, at));
                all.addAll(posted.alerts());
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
            Spool.delete(spool);
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





    /** An article's origin as the ingest names it (a spool file, or a spool JSONL line) made comparable. */
    private static String originKey(String origin) {
        return Path.of(origin.replaceFirst(":\\d+$", "")).toAbsolutePath().normalize().toString();
    }





    static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

}
