package org.vigil.app.watch;

import org.vigil.store.watch.Alert;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where new alerts go after each poll: appended to a JSONL file, printed on stdout, and POSTed as a
 * JSON body to each webhook, with retries and a doubling backoff. A sink that fails is reported
 * with its target and counted; the alert stays in the store either way.
 */
public final class AlertSinks {
    private final Path jsonl;
    private final PrintWriter out;
    private final List<String> webhooks;
    private final int retries;
    private final Duration backoff;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param jsonl    file to append alerts to, or null
     * @param out      where to print one line per alert, or null
     * @param webhooks URLs to POST each alert to
     */
    public AlertSinks(Path jsonl, PrintWriter out, List<String> webhooks, WatchSettings settings) {
        this.jsonl = jsonl;
        this.out = out;
        this.webhooks = List.copyOf(webhooks);
        this.retries = settings.webhookRetries();
        this.backoff = settings.webhookBackoff();
        this.timeout = settings.webhookTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        for (String w : webhooks) {
            URI u = URI.create(w);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                throw new IllegalArgumentException("webhook '" + w + "' is not an http or https URL");
            }
        }
    }

    /** Sends the alerts everywhere; returns one line per failed delivery (empty when all went through). */
    public List<String> deliver(List<Alert> alerts, PrintWriter err) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        if (alerts.isEmpty()) {
            return failures;
        }
        if (jsonl != null) {
            try {
                Path parent = jsonl.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                StringBuilder b = new StringBuilder();
                alerts.forEach(a -> b.append(AlertJson.of(a)).append('\n'));
                Files.writeString(jsonl, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                failures.add("cannot append " + alerts.size() + " alert(s) to " + jsonl + ": " + e.getMessage()
                        + "; they are in the store (vigil serve, /api/alerts)");
            }
        }
        if (out != null) {
            for (Alert a : alerts) {
                out.println("ALERT " + a.kind() + " " + a.subject() + ": " + a.summary());
            }
            out.flush();
        }
        for (String hook : webhooks) {
            for (Alert a : alerts) {
                String failure = post(hook, AlertJson.of(a), err);
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        return failures;
    }

    /** POSTs one body, retrying; null when delivered, else what went wrong. */
    String post(String hook, String body, PrintWriter err) throws InterruptedException {
        long wait = backoff.toMillis();
        String last = null;
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(hook))
                        .timeout(timeout)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("User-Agent", "Vigil/0.1 alerts")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() >= 200 && r.statusCode() < 300) {
                    return null;
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt <= retries) {
                err.println("vigil watch: webhook " + hook + " failed (" + last + "), try " + attempt + " of " + (retries + 1)
                        + "; retrying in " + wait + " ms");
                Thread.sleep(wait);
                wait = Math.min(wait * 2, 300_000);
            }
        }
        return "webhook " + hook + " failed " + (retries + 1) + " time(s) (last: " + last + "); the alert is in the store, "
                + "check the endpoint (webhook.retries)";
    }
}
