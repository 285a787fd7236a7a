package org.vigil.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.app.serve.TestServer.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.VigilStore;

class AlertsApiTest {
    @Test
    void theLatestAlertsComeNewestFirstWithTheirEvidence() {
        TestServer.Answer a = get("/api/alerts?limit=1");
        assertThat(a.status()).isEqualTo(200);
        JsonNode page = a.json();
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        JsonNode newest = page.get("items").get(0);
        assertThat(newest.get("id").asText()).isEqualTo("a2");
        assertThat(newest.get("summary").asText()).isEqualTo(DemoAlerts.HOSTILE_SUMMARY);
        assertThat(newest.get("raisedAt").asText()).isEqualTo("2024-10-21T09:30:00Z");
        // markup leaves the API as \\u escapes, never as raw angle brackets
        assertThat(a.body()).doesNotContain("<svg").contains("\\u003Csvg");

        JsonNode second = get("/api/alerts?offset=1").json().get("items").get(0);
        assertThat(second.get("evidence").get(0).get("sentence").asText()).isEqualTo("Officials said Moscow wants Trump to win.");
        assertThat(second.get("evidence").get(0).get("url").asText()).isEqualTo("https://news.example/ru-trump");
    }

    @Test
    void alertsFilterByKindAndAnUnknownKindIsABadRequest() {
        assertThat(get("/api/alerts?kind=new-cell").json().get("total").asLong()).isEqualTo(2);
        assertThat(get("/api/alerts?kind=network-grew").json().get("items")).isEmpty();
        assertThat(get("/api/alerts?kind=gossip").status()).isEqualTo(400);
    }

    @Test
    void aStoreNeverWatchedHasNoAlerts(@TempDir Path dir) {
        Path db = dir.resolve("plain.duckdb");
        VigilStore.open(db).close();
        try (VigilStore store = VigilStore.openReadOnly(db);
             DashboardServer server = DashboardServer.start(store, ServerSettings.local(0))) {
            TestServer.Answer a = TestServer.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/alerts")).GET().build());
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().get("total").asLong()).isZero();
        }
    }
}
