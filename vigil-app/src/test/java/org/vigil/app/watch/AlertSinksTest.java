package org.vigil.app.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.watch.Alert;

class AlertSinksTest {
    static final Alert ALERT = new Alert("0123456789abcdef", Instant.parse("2024-10-20T08:00:00Z"), "new-cell", "RU|trump|favors",
            "RU newly reported to favour trump (1 article)",
            List.of(new Alert.Evidence("Officials said Russia wants Trump to win.", "https://news.example/a1")), null);

    static WatchSettings fast() {
        return WatchSettings.defaults().with("webhook.backoff", "10ms").with("webhook.retries", "3");
    }

    @Test
    void aWebhookGetsTheAlertJsonAfterTwoFailedTries() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/hook", (ex, n) -> {
                bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                LoopbackServer.send(ex, n <= 2 ? 503 : 204, "text/plain", "");
            });
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            AlertSinks sinks = new AlertSinks(null, null, List.of(server.url("/hook")), fast());
            List<String> failures = sinks.deliver(List.of(ALERT), new PrintWriter(err, true, StandardCharsets.UTF_8));

            assertThat(failures).isEmpty();
            assertThat(server.count("/hook")).isEqualTo(3);
            assertThat(bodies).hasSize(3).allMatch(b -> b.equals(bodies.get(0)));
            JsonNode json = new ObjectMapper().readTree(bodies.get(2));
            assertThat(json.get("id").asText()).isEqualTo("0123456789abcdef");
            assertThat(json.get("kind").asText()).isEqualTo("new-cell");
            assertThat(json.get("subject").asText()).isEqualTo("RU|trump|favors");
            assertThat(json.get("raisedAt").asText()).isEqualTo("2024-10-20T08:00:00Z");
            assertThat(json.get("evidence").get(0).get("sentence").asText()).isEqualTo("Officials said Russia wants Trump to win.");
            assertThat(json.get("evidence").get(0).get("url").asText()).isEqualTo("https://news.example/a1");
            assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                    "vigil watch: webhook " + server.url("/hook") + " failed (HTTP 503), try 1 of 4; retrying in 10 ms",
                    "vigil watch: webhook " + server.url("/hook") + " failed (HTTP 503), try 2 of 4; retrying in 20 ms");
        }
    }

    @Test
    void aWebhookThatNeverAnswersWellIsReportedAfterItsRetries() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/hook", (ex, n) -> LoopbackServer.send(ex, 500, "text/plain", "down"));
            AlertSinks sinks = new AlertSinks(null, null, List.of(server.url("/hook")), fast().with("webhook.retries", "1"));
            List<String> failures = sinks.deliver(List.of(ALERT), new PrintWriter(new ByteArrayOutputStream(), true));
            assertThat(failures).containsExactly("webhook " + server.url("/hook")
                    + " failed 2 time(s) (last: HTTP 500); the alert is in the store, check the endpoint (webhook.retries)");
            assertThat(server.count("/hook")).isEqualTo(2);
        }
    }

    @Test
    void theJsonlFileGetsOneLinePerAlertAndStdoutOneReadableLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/alerts.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AlertSinks sinks = new AlertSinks(file, new PrintWriter(out, true, StandardCharsets.UTF_8), List.of(), fast());
        assertThat(sinks.deliver(List.of(ALERT, ALERT), new PrintWriter(new ByteArrayOutputStream(), true))).isEmpty();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(new ObjectMapper().readTree(lines.get(0)).get("summary").asText()).isEqualTo("RU newly reported to favour trump (1 article)");
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "ALERT new-cell RU|trump|favors: RU newly reported to favour trump (1 article)",
                "ALERT new-cell RU|trump|favors: RU newly reported to favour trump (1 article)");
    }
}
