package org.vigil.app.serve;

import org.vigil.testing.Needs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.CliRun;
import org.vigil.store.VigilStore;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** vigil export / import on the demo store (with its hostile records), and the dashboard's export and intelligence endpoints. */
class ExchangeTest {
    @TempDir
    static Path dir;
    private static Path demo;

    @BeforeAll
    static void copyTheDemoStore() throws Exception {
        demo = dir.resolve("demo.duckdb");
        Files.copy(DemoStore.get(), demo);
    }

    private static Path shared(String relative) {
        return Needs.shared(relative);
    }

    @Test
    void theDemoStoresStixExportPassesTheSharedValidator() throws Exception {
        Path bundle = dir.resolve("bundle.json");
        CliRun r = CliRun.of("export", "stix", "--db", demo.toString(), "--output", bundle.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("export stix: wrote " + bundle + ": ").contains("report ").contains("campaign ").contains("grouping ");
        Process p = new ProcessBuilder("python3", shared("tools/validate_stix.py").toString(), bundle.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("errors=0 dangling=0 duplicates=0");
        // hostile text travels as data: JSON-escaped, and the bundle holds no half-written temporary file beside it
        JsonNode b = new ObjectMapper().readTree(bundle.toFile());
        assertThat(b.toString()).contains("Belarus");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void theDemoStoresBundleSurvivesImportAndExportUnchanged() throws Exception {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        assertThat(CliRun.of("export", "stix", "--db", demo.toString(), "--output", first.toString()).code()).isZero();
        CliRun imported = CliRun.of("import", "stix", first.toString(), "--db", dir.resolve("round-trip.duckdb").toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(CliRun.of("export", "stix", "--db", dir.resolve("round-trip.duckdb").toString(), "--output", second.toString()).code()).isZero();
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    @Test
    void aBadActorOrAMissingStoreIsAUsageError() {
        CliRun bad = CliRun.of("export", "stix", "--db", demo.toString(), "--output", dir.resolve("x.json").toString(), "--actor", "Russia");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("--actor Russia: expected a two-letter country code such as RU\n");
        CliRun none = CliRun.of("export", "csv", "--db", dir.resolve("none.duckdb").toString(), "--output", dir.resolve("csv").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("no Vigil store at " + dir.resolve("none.duckdb")
                + ": run 'vigil ingest news DIR' or 'vigil demo' first, or pass --db\n");
    }

    @Test
    void parquetExportReadsBackWithTheStoresRowCounts() throws Exception {
        Path out = dir.resolve("parquet");
        CliRun r = CliRun.of("export", "parquet", "--db", demo.toString(), "--output", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("claims.parquet: ").contains("coordination_accounts.parquet: ");
        try (VigilStore store = VigilStore.openReadOnly(demo)) {
            for (String table : List.of("articles", "claims", "incidents", "coordination_networks", "coordination_accounts",
                    "coordination_edges", "coordination_evidence")) {
                long[] counts = store.read(c -> {
                    try (PreparedStatement a = c.prepareStatement("SELECT count(*) FROM " + table);
                         PreparedStatement b = c.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
                        b.setString(1, out.resolve(table + ".parquet").toString());
                        try (ResultSet x = a.executeQuery(); ResultSet y = b.executeQuery()) {
                            x.next();
                            y.next();
                            return new long[] {x.getLong(1), y.getLong(1)};
                        }
                    }
                });
                assertThat(counts[1]).as(table).isEqualTo(counts[0]).isPositive();
                assertThat(r.out()).contains(out.toAbsolutePath().resolve(table + ".parquet") + ": " + counts[0] + " rows");
            }
        }
    }

    @Test
    void gexfOfAStoredRunParsesBackWithItsNodesEdgesAndAttributes() throws Exception {
        String run;
        long accounts;
        long edges;
        try (VigilStore store = VigilStore.openReadOnly(demo)) {
            run = store.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT run_id FROM coordination_runs WHERE run_id <> 'hostile-run' ORDER BY started_at DESC LIMIT 1")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            accounts = count(store, "SELECT count(*) FROM coordination_accounts WHERE run_id = ?", run);
            edges = count(store, "SELECT count(*) FROM coordination_edges WHERE run_id = ?", run);
        }
        Path gexf = dir.resolve("run.gexf");
        CliRun r = CliRun.of("export", "gexf", "--db", demo.toString(), "--run", run, "--output", gexf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).matches("export gexf: wrote \\Q" + gexf + ": " + accounts + " accounts, " + edges + " links of run " + run
                + "\\E in \\d+\\.\\d s\n");

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(gexf.toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("gexf");
        assertThat(root.getNamespaceURI()).isEqualTo("http://gexf.net/1.3");
        NodeList nodes = doc.getElementsByTagNameNS("*", "node");
        NodeList edgeList = doc.getElementsByTagNameNS("*", "edge");
        assertThat(nodes.getLength()).isEqualTo((int) accounts).isPositive();
        assertThat(edgeList.getLength()).isEqualTo((int) edges).isPositive();
        Map<String, String> nodeAttributes = new HashMap<>();
        List<String> edgeAttributes = new ArrayList<>();
        NodeList attrs = doc.getElementsByTagNameNS("*", "attribute");
        for (int i = 0; i < attrs.getLength(); i++) {
            Element a = (Element) attrs.item(i);
            if (((Element) a.getParentNode()).getAttribute("class").equals("node")) {
                nodeAttributes.put(a.getAttribute("id"), a.getAttribute("type"));
            } else {
                edgeAttributes.add(a.getAttribute("id"));
            }
        }
        assertThat(nodeAttributes).containsExactlyInAnyOrderEntriesOf(Map.of("network", "integer", "score", "double", "posts", "integer"));
        assertThat(edgeAttributes).containsExactlyInAnyOrder("network", "co-retweet", "co-link", "co-hashtag", "co-tweet", "co-similar-text");
        Element first = (Element) nodes.item(0);
        assertThat(first.getElementsByTagNameNS("*", "attvalue").getLength()).isEqualTo(3);
        Element edge = (Element) edgeList.item(0);
        assertThat(Double.parseDouble(edge.getAttribute("weight"))).isPositive();
        CliRun missing = CliRun.of("export", "gexf", "--db", demo.toString(), "--run", "nope", "--output", gexf.toString());
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).startsWith("no coordination run 'nope' in the Vigil store at ").contains("stored runs are ");
    }

    private static long count(VigilStore store, String sql, String arg) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void aRefusedImportPrintsOneLinePerProblemAndExitsThree() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"type\": \"bundle\", \"objects\": [{\"type\": \"gossip\", \"id\": \"gossip--44444444-4444-4444-8444-444444444444\"}]}");
        Path db = dir.resolve("import-bad.duckdb");
        CliRun r = CliRun.of("import", "stix", bad.toString(), "--db", db.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).isEqualTo(bad + " line 1, object 0 (gossip--44444444-4444-4444-8444-444444444444): 'gossip' is not a STIX 2.1 type"
                + " (custom types start with 'x-')\n" + bad + ": 1 problem; nothing was imported: fix the bundle (or export it again from"
                + " its producer) and import it again\n");
    }

    @Test
    void importedDisarmShowsOnTheDashboardAndEveryExportDownloads() throws Exception {
        Path db = dir.resolve("served.duckdb");
        Files.copy(demo, db);
        Path disarm = shared("reference/disarm/DISARM.json");
        CliRun r = CliRun.of("import", "stix", disarm.toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("imported " + disarm + ": 698 STIX objects, 698 new, 0 newer versions, 0 already there ("
                + "attack-pattern 391, identity 1, marking-definition 1, relationship 288, x-mitre-matrix 1, x-mitre-tactic 16)\n");
        HttpClient http = HttpClient.newHttpClient();
        try (VigilStore store = VigilStore.openReadOnly(db); DashboardServer server = DashboardServer.start(store, ServerSettings.local(0))) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> intel = http.send(HttpRequest.newBuilder(URI.create(base + "/api/intel?type=attack-pattern&limit=1000")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(intel.statusCode()).isEqualTo(200);
            JsonNode items = new ObjectMapper().readTree(intel.body()).path("items");
            assertThat(items.size()).isEqualTo(391);
            assertThat(items.get(0).path("producer").asText()).isEqualTo("DISARM Foundation");

            HttpResponse<String> stix = http.send(HttpRequest.newBuilder(URI.create(base + "/api/export/stix?actor=RU")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stix.statusCode()).isEqualTo(200);
            assertThat(stix.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"vigil-bundle.json\"");
            assertThat(new ObjectMapper().readTree(stix.body()).path("type").asText()).isEqualTo("bundle");

            HttpResponse<byte[]> parquet = http.send(HttpRequest.newBuilder(URI.create(base + "/api/export/table?table=claims&format=parquet")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(parquet.statusCode()).isEqualTo(200);
            assertThat(new String(parquet.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");

            HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(base + "/api/export/table?table=incidents")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
            assertThat(csv.body()).startsWith("id,article_id,actor,technique,target,status,year,disarm_id,evidence_id,cycle\n");

            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base + "/api/export/table?table=secrets")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("no table 'secrets' in the store");

            HttpResponse<String> gexf = http.send(HttpRequest.newBuilder(URI.create(base + "/api/export/gexf?run=" + DemoStore.HOSTILE_RUN)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(gexf.statusCode()).isEqualTo(200);
            assertThat(gexf.body()).startsWith("<?xml").contains("<gexf").doesNotContain("<img src=x");
        }
    }
}
