package org.vigil.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a JDK HTTP server on loopback, port 0. */
class HttpFetcherTest {
    interface Handler {
        void handle(HttpExchange ex, int n) throws IOException;
    }

    HttpServer server;
    final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    final List<String> agents = new CopyOnWriteArrayList<>();

    static final FetchSettings FAST = new FetchSettings(FetchSettings.USER_AGENT, Duration.ofSeconds(1), 4096, 2,
            Duration.ZERO, 2, Duration.ofMillis(10));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try {
                Handler h = handlers.get(path);
                if (h == null) {
                    send(ex, 404, "");
                } else {
                    h.handle(ex, n);
                }
            } catch (IOException e) {
                // client gone
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int count(String path) {
        AtomicInteger c = counts.get(path);
        return c == null ? 0 : c.get();
    }

    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    @Test
    void aConditionalGetWithTheLastEtagGets304AndEveryRequestNamesVigil() throws Exception {
        handlers.put("/feed", (ex, n) -> {
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                send(ex, 200, "<rss/>");
            }
        });
        try (HttpFetcher f = new HttpFetcher(FAST)) {
            FetchResult first = f.fetchOnce(url("/feed"), null, null);
            assertThat(first.notModified()).isFalse();
            assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
            assertThat(first.etag()).isEqualTo("\"v1\"");
            FetchResult second = f.fetchOnce(url("/feed"), first.etag(), null);
            assertThat(second.notModified()).isTrue();
            assertThat(second.status()).isEqualTo(304);
        }
        assertThat(agents).isNotEmpty().allMatch(FetchSettings.USER_AGENT::equals);
    }

    @Test
    void redirectsAreFollowedUpToTheCapAndAnEndlessOneFails() throws Exception {
        handlers.put("/moved", (ex, n) -> {
            ex.getResponseHeaders().set("Location", "/here");
            ex.sendResponseHeaders(301, -1);
        });
        handlers.put("/here", (ex, n) -> send(ex, 200, "ok"));
        handlers.put("/loop", (ex, n) -> {
            ex.getResponseHeaders().set("Location", "/loop?n=" + n);
            ex.sendResponseHeaders(302, -1);
        });
        try (HttpFetcher f = new HttpFetcher(FAST)) {
            assertThat(f.fetchOnce(url("/moved"), null, null).url()).isEqualTo(url("/here"));
            assertThatThrownBy(() -> f.fetchOnce(url("/loop"), null, null)).isInstanceOf(FetchException.class)
                    .hasMessage(url("/loop") + ": more than 2 redirects (last to /loop?n=3); check the URL (fetch.max.redirects)");
        }
    }

    @Test
    void anAnswerOverTheSizeCapFailsWithoutBeingReadWhole() throws Exception {
        handlers.put("/big", (ex, n) -> send(ex, 200, "x".repeat(10_000)));
        try (HttpFetcher f = new HttpFetcher(FAST)) {
            assertThatThrownBy(() -> f.fetchOnce(url("/big"), null, null)).isInstanceOf(FetchException.class)
                    .hasMessage(url("/big") + ": answer larger than the cap of 4.0 KiB; not read (raise fetch.max.bytes if the source is genuine)");
        }
    }

    @Test
    void aFailingUrlIsRetriedWithADoublingBackoffUntilItAnswers() throws Exception {
        handlers.put("/flaky", (ex, n) -> send(ex, n <= 2 ? 503 : 200, n <= 2 ? "busy" : "ok"));
        List<String> heard = new ArrayList<>();
        try (HttpFetcher f = new HttpFetcher(FAST)) {
            FetchResult r = f.fetch(url("/flaky"), null, null, (e, attempt, wait) -> heard.add(e.getMessage() + " #" + attempt + " " + wait));
            assertThat(r.attempts()).isEqualTo(3);
            assertThat(heard).containsExactly(url("/flaky") + ": HTTP 503 #1 10", url("/flaky") + ": HTTP 503 #2 20");
            assertThatThrownBy(() -> f.fetch(url("/none"), null, null, HttpFetcher.RetryListener.NONE))
                    .hasMessage(url("/none") + ": HTTP 404");
            assertThat(count("/none")).isEqualTo(3);
        }
    }

    @Test
    void robotsTxtDisallowingVigilKeepsThePageUnfetchedAndIsNotRetried() throws Exception {
        handlers.put("/robots.txt", (ex, n) -> send(ex, 200, "User-agent: vigil\nDisallow: /private/\n\nUser-agent: *\nAllow: /\n"));
        handlers.put("/private/page", (ex, n) -> send(ex, 200, "secret"));
        handlers.put("/public/page", (ex, n) -> send(ex, 200, "news"));
        try (HttpFetcher f = new HttpFetcher(FAST)) {
            assertThat(f.fetchOnce(url("/public/page"), null, null).status()).isEqualTo(200);
            FetchException e = org.junit.jupiter.api.Assertions.assertThrows(FetchException.class,
                    () -> f.fetch(url("/private/page"), null, null, HttpFetcher.RetryListener.NONE));
            assertThat(e).hasMessage(url("/private/page") + ": disallowed by http://127.0.0.1:" + server.getAddress().getPort()
                    + "/robots.txt for Vigil; not fetched (remove the source or ask the site)");
            assertThat(HttpFetcher.refusedByRobots(e)).isTrue();
        }
        assertThat(count("/private/page")).isZero();
        assertThat(count("/robots.txt")).isEqualTo(1);
    }

    @Test
    void aSlowServerAnUnknownHostAndAStrangeSchemeFailWithTheirReason() throws Exception {
        handlers.put("/slow", (ex, n) -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "late");
        });
        try (HttpFetcher f = new HttpFetcher(FAST)) {
            assertThatThrownBy(() -> f.fetchOnce(url("/slow"), null, null))
                    .hasMessage(url("/slow") + ": no answer within 1 s (fetch.timeout)");
            assertThatThrownBy(() -> f.fetchOnce("http://nowhere.vigil-test.invalid/rss", null, null))
                    .hasMessageStartingWith("http://nowhere.vigil-test.invalid/rss: ")
                    .hasMessageContaining("nowhere.vigil-test.invalid");
            assertThatThrownBy(() -> f.fetchOnce("file:///etc/passwd", null, null))
                    .hasMessage("file:///etc/passwd: not an http or https URL; give the full address of the feed");
        }
    }
}
