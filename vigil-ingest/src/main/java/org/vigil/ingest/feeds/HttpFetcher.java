package org.vigil.ingest.feeds;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches URLs the way a polite crawler does: a User-Agent naming Vigil, a connect timeout and a
 * deadline for the whole answer, a body size cap, a redirect cap, conditional GET with the
 * validators of the last fetch, a least interval between requests to one host, robots.txt honoured
 * (read once per host and fetcher), and bounded retries with a doubling backoff.
 *
 * <p>Every failure comes back as a {@link FetchException} whose message names the URL; nothing here
 * throws for what a server sends.
 */
public final class HttpFetcher implements AutoCloseable {
    private static final List<String> ROBOT_NAMES = List.of("vigil");

    private final FetchSettings settings;
    private final HttpClient client;
    private final HostPacer pacer;
    private final Map<String, BaseRobotRules> robots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService deadlines;

    public HttpFetcher(FetchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "The parameter 'settings' must not be null.");
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER) // followed here, so the cap and robots.txt apply to each hop
                .connectTimeout(settings.timeout())
                .build();
        this.pacer = new HostPacer(settings.hostInterval());
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-fetch-deadline");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Fetches {@code url}, retrying failures up to {@code fetch.retries} times with backoff.
     *
     * @param etag         the ETag of the last answer, or null
     * @param lastModified the Last-Modified of the last answer, or null
     * @param onRetry      told of each failed try that will be retried (to log it)
     */
    public FetchResult fetch(String url, String etag, String lastModified, RetryListener onRetry)
            throws FetchException, InterruptedException {
        return fetch(url, etag, lastModified, onRetry, r -> r);
    }

    /** Reads what a fetch gave; a {@link FetchException} from here (a malformed feed) is retried like a failed fetch. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(FetchResult result) throws FetchException;
    }

    /** As {@link #fetch(String, String, String, RetryListener)}, retrying also when {@code reader} cannot read the answer. */
    public <T> T fetch(String url, String etag, String lastModified, RetryListener onRetry, BodyReader<T> reader)
            throws FetchException, InterruptedException {
        long wait = settings.backoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return reader.read(fetchOnce(url, etag, lastModified).withAttempts(attempt));
            } catch (FetchException e) {
                if (attempt > settings.retries() || e instanceof Refused) {
                    throw e;
                }
                onRetry.retrying(e, attempt, wait);
                Thread.sleep(wait);
                wait = Math.min(wait * 2, 300_000);
            }
        }
    }

    /** Told when a try failed and another comes after {@code waitMillis}. */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(FetchException failure, int attempt, long waitMillis);

        RetryListener NONE = (f, a, w) -> { };
    }

    /** One try: redirects followed up to the cap, no retry. */
    public FetchResult fetchOnce(String url, String etag, String lastModified) throws FetchException, InterruptedException {
        String current = url;
        for (int hop = 0; ; hop++) {
            URI uri = checked(current);
            if (!allowedByRobots(uri)) {
                throw new RobotsRefusal(current, "disallowed by " + uri.getScheme() + "://" + uri.getAuthority()
                        + "/robots.txt for Vigil; not fetched (remove the source or ask the site)");
            }
            HttpResponse<InputStream> response = send(uri, hop == 0 ? etag : null, hop == 0 ? lastModified : null);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                closeQuietly(response.body());
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException(current, "HTTP " + status + " redirect without a Location header");
                }
                if (hop >= settings.maxRedirects()) {
                    throw new FetchException(url, "more than " + settings.maxRedirects()
                            + " redirects (last to " + location + "); check the URL (fetch.max.redirects)");
                }
                current = uri.resolve(location).toString();
                continue;
            }
            if (status == 304) {
                closeQuietly(response.body());
                return new FetchResult(current, status, true, new byte[0], null, etag, lastModified, 1);
            }
            if (status < 200 || status >= 300) {
                closeQuietly(response.body());
                throw new FetchException(current, "HTTP " + status + (hop > 0 ? " (after redirect from " + url + ")" : ""));
            }
            byte[] body = readCapped(current, response.body());
            return new FetchResult(current, status, false, body,
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null), 1);
        }
    }

    private HttpResponse<InputStream> send(URI uri, String etag, String lastModified) throws FetchException, InterruptedException {
        pacer.await(uri.getHost().toLowerCase(Locale.ROOT));
        HttpRequest.Builder req = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5")
                .GET();
        if (etag != null) {
            req.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            req.header("If-Modified-Since", lastModified);
        }
        try {
            return client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException(uri.toString(), "connect timed out after " + settings.timeout().toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw new FetchException(uri.toString(), "no answer within " + settings.timeout().toSeconds() + " s (fetch.timeout)", e);
        } catch (ConnectException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (c instanceof UnknownHostException || e.getMessage() == null && c.getMessage() == null) {
                throw new FetchException(uri.toString(), "cannot resolve or reach host " + uri.getHost(), e);
            }
            throw new FetchException(uri.toString(), "cannot connect (" + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()) + ")", e);
        } catch (IOException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof UnknownHostException) {
                throw new FetchException(uri.toString(), "unknown host " + uri.getHost() + " (DNS)", e);
            }
            throw new FetchException(uri.toString(), "I/O error (" + describe(e) + ")", e);
        }
    }

    /** Reads at most {@code fetch.max.bytes}, within the deadline, whatever the server announces. */
    private byte[] readCapped(String url, InputStream in) throws FetchException {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            closeQuietly(in);
        }, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (in) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, settings.maxBytes() + 1));
            if (body.length > settings.maxBytes()) {
                throw new FetchException(url, "answer larger than the cap of " + mib(settings.maxBytes())
                        + "; not read (raise fetch.max.bytes if the source is genuine)");
            }
            return body;
        } catch (IOException e) {
            if (expired.get()) {
                throw new FetchException(url, "answer not complete within " + settings.timeout().toSeconds() + " s (fetch.timeout)", e);
            }
            throw new FetchException(url, "I/O error while reading the answer (" + describe(e) + ")", e);
        } finally {
            deadline.cancel(false);
        }
    }

    private boolean allowedByRobots(URI uri) throws InterruptedException {
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        BaseRobotRules rules = robots.get(origin);
        if (rules == null) {
            rules = readRobots(origin);
            robots.put(origin, rules);
        }
        return rules.isAllowed(uri.toString());
    }

    private BaseRobotRules readRobots(String origin) throws InterruptedException {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        URI robotsUri = URI.create(origin + "/robots.txt");
        try {
            HttpResponse<InputStream> r = send(robotsUri, null, null);
            int status = r.statusCode();
            if (status >= 200 && status < 300) {
                byte[] body = readCapped(robotsUri.toString(), r.body());
                return parser.parseContent(robotsUri.toString(), body,
                        r.headers().firstValue("Content-Type").orElse("text/plain"), ROBOT_NAMES);
            }
            closeQuietly(r.body());
            // RFC 9309: 4xx means no rules; 5xx means assume everything is disallowed for now
            return parser.failedFetch(status);
        } catch (FetchException e) {
            // unreachable robots.txt: the site itself is tried next and fails or answers on its own terms
            return parser.failedFetch(404);
        }
    }

    private static URI checked(String url) throws FetchException {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new Refused(url, "not an http or https URL; give the full address of the feed");
            }
            if (uri.getHost() == null) {
                throw new Refused(url, "no host in the URL; give the full address of the feed");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new Refused(url, "not a valid URL (" + e.getReason() + ")");
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static String mib(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a half-read answer; nothing to recover
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }

    /** Whether {@code e} says robots.txt forbids the URL (not an error of the site or the network). */
    public static boolean refusedByRobots(FetchException e) {
        return e instanceof RobotsRefusal;
    }

    /** A failure that trying again cannot fix within a poll: a malformed URL, a robots.txt refusal. */
    static class Refused extends FetchException {
        Refused(String url, String reason) {
            super(url, reason);
        }
    }

    static final class RobotsRefusal extends Refused {
        RobotsRefusal(String url, String reason) {
            super(url, reason);
        }
    }
}
