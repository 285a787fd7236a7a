package org.vigil.app.watch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK HTTP server on loopback, port 0, answering each path with a handler and counting requests per path. */
final class LoopbackServer implements AutoCloseable {
    /** Answers one request; {@code n} is how many times this path was asked, 1 for the first. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange ex, int n) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> userAgents = new CopyOnWriteArrayList<>();

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Handler h = handlers.get(path);
            try {
                if (h == null) {
                    send(ex, 404, "text/plain", "no such page");
                } else {
                    h.handle(ex, n);
                }
            } catch (IOException e) {
                // the client went away (size cap, timeout): nothing to answer
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void on(String path, Handler h) {
        handlers.put(path, h);
    }

    /** Serves {@code body} with an ETag, answering 304 to a matching If-None-Match. */
    void page(String path, String contentType, java.util.function.Supplier<String> body) {
        on(path, (ex, n) -> {
            String b = body.get();
            String etag = "\"" + Integer.toHexString(b.hashCode()) + "\"";
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().set("ETag", etag);
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag);
            send(ex, 200, contentType, b);
        });
    }

    int count(String path) {
        AtomicInteger c = counts.get(path);
        return c == null ? 0 : c.get();
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
