package org.vigil.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.app.serve.TestServer.enc;
import static org.vigil.app.serve.TestServer.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every endpoint against a real server on port 0 over the demo data plus hostile records. */
class ApiTest {

    private static JsonNode ok(String path) {
        TestServer.Answer a = get(path);
        assertThat(a.status()).as(path + " -> " + a.body()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        return a.json();
    }

    /** A 400 problem+json that names {@code param}; returns its detail. */
    private static String badRequest(String path, String param) {
        TestServer.Answer a = get(path);
        assertThat(a.status()).as(path + " -> " + a.body()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = a.json();
        assertThat(p.get("type").asText()).isEqualTo("about:blank");
        assertThat(p.get("title").asText()).isEqualTo("Bad Request");
        assertThat(p.get("status").asInt()).isEqualTo(400);
        List<String> names = new ArrayList<>();
        p.path("errors").forEach(e -> names.add(e.get("name").asText()));
        assertThat(names).as(p.toString()).contains(param);
        return p.get("detail").asText();
    }

    private static JsonNode notFound(String path) {
        TestServer.Answer a = get(path);
        assertThat(a.status()).as(path + " -> " + a.body()).isEqualTo(404);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        return a.json();
    }

    private static String firstClaimId(String holder, String target) {
        return ok("/api/claims?holder=" + holder + "&target=" + target + "&limit=1").get("items").get(0).get("id").asText();
    }

    @Test
    void metaCountsTheDemoNewsAndStatesTheLimits() {
        JsonNode m = ok("/api/meta");
        assertThat(m.at("/news/articles").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(m.at("/news/claims").asLong()).isGreaterThan(10);
        assertThat(m.at("/limits/maxLimit").asInt()).isEqualTo(1000);
    }

    @Test
    void theMatrixHasRussiaFavouringTrumpAndTheHedgedSwitchChangesIt() {
        JsonNode all = ok("/api/matrix");
        JsonNode ruTrump = cell(all, "RU", "trump");
        assertThat(ruTrump.get("favors").asLong()).isGreaterThan(0);
        assertThat(ruTrump.get("balance").asLong()).isEqualTo(ruTrump.get("favors").asLong() - ruTrump.get("opposes").asLong());
        assertThat(ruTrump.get("holderName").asText()).isEqualTo("Russia");
        long allClaims = ok("/api/claims?limit=1").get("total").asLong();
        long firm = ok("/api/claims?limit=1&hedged=false&disputed=false").get("total").asLong();
        assertThat(firm).isLessThan(allClaims);
        JsonNode firmMatrix = ok("/api/matrix?hedged=false&disputed=false");
        assertThat(firmMatrix.at("/filter/hedged").asBoolean()).isFalse();
        long sumAll = 0;
        for (JsonNode c : all.get("cells")) {
            sumAll += c.get("total").asLong();
        }
        long sumFirm = 0;
        for (JsonNode c : firmMatrix.get("cells")) {
            sumFirm += c.get("total").asLong();
        }
        assertThat(sumFirm).isLessThan(sumAll);
        JsonNode later = ok("/api/matrix?from=2024-01-01");
        for (JsonNode c : later.get("cells")) {
            assertThat(c.get("first").asText()).isGreaterThanOrEqualTo("2024-01-01");
        }
    }

    private static JsonNode cell(JsonNode matrix, String holder, String target) {
        for (JsonNode c : matrix.get("cells")) {
            if (c.get("holder").asText().equals(holder) && c.get("target").asText().equals(target)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + holder + "/" + target + " in " + matrix);
    }

    @Test
    void matrixParametersAreChecked() {
        assertThat(badRequest("/api/matrix?from=yesterday", "from")).contains("must be a date like 2024-11-05");
        assertThat(badRequest("/api/matrix?from=2024-05-01&to=2024-01-01", "from")).contains("is after 'to'");
        assertThat(badRequest("/api/matrix?hedged=maybe", "hedged")).contains("true or false");
        assertThat(badRequest("/api/matrix?holder=Russia", "holder")).contains("'holder'");
        String detail = badRequest("/api/matrix?limt=5&hedged=1", "limt");
        assertThat(detail).contains("2 parameters are invalid").contains("unknown parameter 'limt'").contains("takes from, to, hedged");
        assertThat(badRequest("/api/matrix?to=2024-01-01&to=2024-02-01", "to")).contains("given 2 times");
    }

    @Test
    void claimsBehindACellCarryEvidenceAndSourcesAndPage() {
        JsonNode page = ok("/api/claims?holder=RU&target=trump&limit=2");
        long total = page.get("total").asLong();
        assertThat(total).isGreaterThan(2);
        assertThat(page.get("items")).hasSize(2);
        for (JsonNode c : page.get("items")) {
            assertThat(c.get("holder").asText()).isEqualTo("RU");
            assertThat(c.get("target").asText()).isEqualTo("trump");
            assertThat(c.get("id").isTextual()).as("ids are strings: 63-bit ids do not fit a JavaScript number").isTrue();
            assertThat(c.at("/evidence/sentence").asText()).isNotBlank();
            assertThat(c.get("sources").size()).isGreaterThan(0);
        }
        JsonNode next = ok("/api/claims?holder=RU&target=trump&limit=2&offset=2");
        assertThat(next.get("items").get(0).get("id").asText()).isNotEqualTo(page.get("items").get(0).get("id").asText());
        assertThat(ok("/api/claims?offset=100000").get("items")).isEmpty();
        assertThat(badRequest("/api/claims?limit=1001", "limit")).contains("between 1 and 1000");
        badRequest("/api/claims?limit=0", "limit");
        badRequest("/api/claims?offset=-1", "offset");
        badRequest("/api/claims?offset=99999999999", "offset");
        badRequest("/api/claims?limit=ten", "limit");
    }

    @Test
    void oneClaimHasEvidenceOffsetsThatPointIntoItsArticle() {
        String id = firstClaimId("RU", "trump");
        JsonNode claim = ok("/api/claims/" + id);
        assertThat(claim.get("id").asText()).isEqualTo(id);
        JsonNode article = ok("/api/articles/" + claim.at("/article/id").asText());
        String text = article.get("text").asText();
        int start = claim.at("/evidence/start").asInt();
        int end = claim.at("/evidence/end").asInt();
        assertThat(text.substring(start, end)).isEqualTo(claim.at("/evidence/sentence").asText());
        assertThat(article.get("claims").size()).isGreaterThan(0);
        assertThat(article.get("sources").size()).isGreaterThan(0);
        assertThat(notFound("/api/claims/1").get("detail").asText()).contains("no claim 1");
        badRequest("/api/claims/12x", "id");
        badRequest("/api/claims/99999999999999999999", "id");
        assertThat(notFound("/api/articles/nope").get("detail").asText()).contains("no article nope");
        badRequest("/api/articles/" + enc("a<b"), "id");
    }

    @Test
    void incidentsFilterAndTheSummaryCountsThem() {
        JsonNode all = ok("/api/incidents?limit=1000");
        long total = all.get("total").asLong();
        assertThat(total).isGreaterThan(5);
        String disarm = null;
        for (JsonNode i : all.get("items")) {
            if (!i.get("disarmId").isNull()) { // influence operations have no single DISARM technique
                assertThat(i.get("disarmId").asText()).matches("T[0-9]{4}(\\.[0-9]{3})*");
                disarm = disarm == null ? i.get("disarmId").asText() : disarm;
            }
        }
        assertThat(disarm).isNotNull();
        String wanted = disarm;
        JsonNode ru = ok("/api/incidents?actor=RU");
        assertThat(ru.get("total").asLong()).isBetween(1L, total - 1);
        ru.get("items").forEach(i -> assertThat(i.get("actor").asText()).isEqualTo("RU"));
        JsonNode y2024 = ok("/api/incidents?yearFrom=2024&yearTo=2024");
        y2024.get("items").forEach(i -> assertThat(i.get("year").asInt()).isEqualTo(2024));
        assertThat(ok("/api/incidents?disarm=" + wanted).get("items")).isNotEmpty()
                .allSatisfy(i -> assertThat(i.get("disarmId").asText()).isEqualTo(wanted));
        JsonNode summary = ok("/api/incidents/summary");
        long counted = 0;
        for (JsonNode c : summary.get("counts")) {
            counted += c.get("count").asLong();
        }
        assertThat(counted).isEqualTo(total);
        assertThat(summary.at("/facets/actors").toString()).contains("\"RU\"").contains("Russia");
        assertThat(badRequest("/api/incidents?yearFrom=2024&yearTo=2016", "yearFrom")).contains("is after 'yearTo'");
        badRequest("/api/incidents?yearFrom=1066", "yearFrom");
        badRequest("/api/incidents?disarm=" + enc("T1' OR 1=1"), "disarm");
        badRequest("/api/incidents/summary?offset=3", "offset");
    }

    @Test
    void searchFindsHighlightedHitsAndChecksItsQuery() {
        JsonNode res = ok("/api/search?q=Kremlin&limit=5");
        assertThat(res.get("total").asLong()).isGreaterThan(0);
        JsonNode hit = res.get("items").get(0);
        JsonNode snippet = hit.get("snippet");
        int s = snippet.get("highlights").get(0).get(0).asInt();
        int e = snippet.get("highlights").get(0).get(1).asInt();
        assertThat(snippet.get("text").asText().substring(s, e)).isEqualToIgnoringCase("kremlin");
        assertThat(ok("/api/search?q=" + enc("' OR 1=1 -- *:*")).get("total").asLong()).isGreaterThanOrEqualTo(0);
        badRequest("/api/search", "q");
        badRequest("/api/search?q=", "q");
        assertThat(badRequest("/api/search?q=" + "a".repeat(501), "q")).contains("at most 500 characters");
        assertThat(badRequest("/api/search?q=x&offset=9990&limit=20", "offset")).contains("narrow the query");
    }

    @Test
    void runsNetworksAndTheirFiltersReadTheNewestRunByDefault() {
        JsonNode runs = ok("/api/runs").get("items");
        assertThat(runs.size()).isEqualTo(2);
        String demoRun = runs.get(0).get("runId").asText();
        assertThat(demoRun).startsWith("coord-");
        JsonNode nets = ok("/api/networks");
        assertThat(nets.get("run").asText()).isEqualTo(demoRun);
        assertThat(nets.get("total").asLong()).isGreaterThanOrEqualTo(5);
        double previous = Double.MAX_VALUE;
        for (JsonNode n : nets.get("items")) {
            assertThat(n.get("score").asDouble()).isLessThanOrEqualTo(previous);
            previous = n.get("score").asDouble();
        }
        JsonNode bySize = ok("/api/networks?sort=size&limit=2");
        assertThat(bySize.get("items").get(0).get("size").asInt()).isGreaterThanOrEqualTo(bySize.get("items").get(1).get("size").asInt());
        JsonNode ru = ok("/api/networks?country=RU");
        ru.get("items").forEach(n -> assertThat(n.get("countries").toString()).contains("\"RU\""));
        JsonNode big = ok("/api/networks?minSize=30");
        big.get("items").forEach(n -> assertThat(n.get("size").asInt()).isGreaterThanOrEqualTo(30));
        assertThat(ok("/api/networks?run=" + DemoStore.HOSTILE_RUN).get("total").asLong()).isEqualTo(1);
        assertThat(ok("/api/networks?outlet=NoSuchOutlet").get("total").asLong()).isZero();
        assertThat(badRequest("/api/networks?sort=random", "sort")).contains("one of score, size");
        badRequest("/api/networks?minScore=2", "minScore");
        badRequest("/api/networks?lean=love", "lean");
        badRequest("/api/networks?run=" + enc("x' OR '1'='1"), "run");
        assertThat(notFound("/api/networks?run=nope-run").get("detail").asText()).contains("no coordination run 'nope-run'");
    }

    @Test
    void aNetworkHasObjectsMembersAGraphAndAnActivityTimeline() {
        JsonNode first = ok("/api/networks?limit=1").get("items").get(0);
        int id = first.get("id").asInt();
        JsonNode net = ok("/api/networks/" + id);
        assertThat(net.get("size").asInt()).isEqualTo(first.get("size").asInt());
        assertThat(net.at("/objects/hashtag").size()).isGreaterThan(0);
        JsonNode members = ok("/api/networks/" + id + "/members?limit=5");
        assertThat(members.get("total").asInt()).isEqualTo(net.get("size").asInt());
        assertThat(members.get("items")).hasSize(5);
        JsonNode graph = ok("/api/networks/" + id + "/graph?maxNodes=10&maxEdges=20");
        assertThat(graph.get("nodes")).hasSize(Math.min(10, net.get("size").asInt()));
        assertThat(graph.get("edges").size()).isBetween(1, 20);
        assertThat(graph.get("truncated").asBoolean()).isTrue();
        JsonNode timeline = ok("/api/networks/" + id + "/objects?order=time&limit=50");
        String previous = "";
        for (JsonNode o : timeline.get("items")) {
            assertThat(o.get("firstSeen").asText()).isGreaterThanOrEqualTo(previous);
            previous = o.get("firstSeen").asText();
        }
        ok("/api/networks/" + id + "/objects?kind=hashtag").get("items")
                .forEach(o -> assertThat(o.get("kind").asText()).isEqualTo("hashtag"));
        notFound("/api/networks/9999");
        notFound("/api/networks/9999/members");
        badRequest("/api/networks/abc", "id");
        badRequest("/api/networks/" + id + "/graph?maxNodes=5000", "maxNodes");
        badRequest("/api/networks/" + id + "/objects?kind=emoji", "kind");
    }

    @Test
    void accountsAreFoundAndOneAccountShowsItsNetworkAndLinks() {
        JsonNode member = ok("/api/networks/1/members?limit=1").get("items").get(0);
        String id = member.get("accountId").asText();
        JsonNode found = ok("/api/accounts?q=" + enc(id));
        assertThat(found.get("items").toString()).contains(id);
        JsonNode account = ok("/api/account?id=" + enc(id));
        assertThat(account.at("/account/networkId").asInt()).isEqualTo(1);
        assertThat(account.at("/network/id").asInt()).isEqualTo(1);
        assertThat(account.at("/links/total").asLong()).isGreaterThan(0);
        account.at("/links/items").forEach(l -> assertThat(l.get("source").asText()).isEqualTo(id));
        JsonNode hostile = ok("/api/account?run=" + DemoStore.HOSTILE_RUN + "&id=" + enc(DemoStore.HOSTILE_ACCOUNT));
        assertThat(hostile.at("/account/accountId").asText()).isEqualTo(DemoStore.HOSTILE_ACCOUNT);
        badRequest("/api/account", "id");
        badRequest("/api/account?id=" + "x".repeat(301), "id");
        notFound("/api/account?id=nobody-at-all");
        badRequest("/api/accounts?network=minus", "network");
    }

    @Test
    void theOverviewPutsEachStatesPreferenceBesideItsAmplifyingNetworks() {
        JsonNode ov = ok("/api/overview");
        JsonNode ru = null;
        for (JsonNode s : ov.get("states")) {
            if (s.get("code").asText().equals("RU")) {
                ru = s;
            }
        }
        assertThat(ru).isNotNull();
        assertThat(ru.get("name").asText()).isEqualTo("Russia");
        assertThat(ru.at("/news/preference").asText()).isEqualTo("trump");
        assertThat(ru.at("/networks/total").asLong()).isGreaterThan(0);
        ru.at("/networks/items").forEach(n -> assertThat(n.get("stateOutlets").toString()).containsAnyOf("RT", "Sputnik"));
        assertThat(ov.get("states").get(0).get("code").asText()).isEqualTo("RU");
        notFound("/api/overview?run=nope-run");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithItsParameters() {
        JsonNode doc = ok("/api/openapi.json");
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/overview", "/api/matrix", "/api/claims", "/api/claims/{id}", "/api/articles/{id}",
                "/api/incidents", "/api/incidents/summary", "/api/search", "/api/runs", "/api/networks", "/api/networks/{id}",
                "/api/networks/{id}/members", "/api/networks/{id}/graph", "/api/networks/{id}/objects", "/api/accounts",
                "/api/account", "/api/meta", "/api/openapi.json");
        for (String p : paths) {
            if (p.contains("{")) {
                continue;
            }
            assertThat(get(p.equals("/api/search") ? p + "?q=russia" : p.equals("/api/account") ? p + "?id=u1"
                    : p.equals("/api/trend") ? p + "?holder=RU&target=trump" : p).status())
                    .as("documented path %s is served", p).isIn(200, 404);
        }
        JsonNode limit = null;
        for (JsonNode param : doc.at("/paths/~1api~1claims/get/parameters")) {
            if (param.get("name").asText().equals("limit")) {
                limit = param;
            }
        }
        assertThat(limit).isNotNull();
        assertThat(limit.at("/schema/maximum").asInt()).isEqualTo(1000);
        assertThat(doc.at("/components/schemas/Problem/properties/errors")).isNotNull();
    }

    @Test
    void hostileTextIsEscapedInJsonSoNoMarkupSurvivesEvenIfSniffed() {
        TestServer.Answer a = get("/api/articles/" + DemoStore.HOSTILE_ID);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).doesNotContain("<script").doesNotContain("<img").contains("\\u003Cscript");
        assertThat(a.json().get("title").asText()).isEqualTo(DemoStore.HOSTILE_TITLE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/meta", "/matrix", "/", "/api/nothing-here", "/assets/common.js"})
    void everyAnswerCarriesTheSecurityHeaders(String path) {
        TestServer.Answer a = get(path);
        assertThat(a.header("Content-Security-Policy")).isEqualTo(
                "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(a.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(a.header("Server")).isNull();
    }

    @Test
    void theServerIsReadOnlyAndUnknownPathsAreProblems() {
        TestServer.Answer post = TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "/api/matrix"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.json().get("detail").asText()).contains("read-only");
        TestServer.Answer delete = TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "/api/networks/1")).DELETE().build());
        assertThat(delete.status()).isEqualTo(405);
        JsonNode missing = notFound("/api/nothing-here");
        assertThat(missing.get("detail").asText()).contains("/api/openapi.json");
        assertThat(get("/assets/../../etc/passwd").status()).isIn(400, 404);
        assertThat(get("/assets/unknown.js").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/", "/matrix", "/evidence", "/incidents", "/search", "/networks", "/network", "/account"})
    void pagesLoadOnlyScriptFilesAndHaveNoInlineScriptOrStyle(String path) {
        TestServer.Answer a = get(path);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("text/html");
        String html = a.body();
        assertThat(html).contains("<script src=\"/assets/common.js\" defer></script>");
        assertThat(html.replaceAll("<script src=\"/[a-z/.]+\\.js\" defer></script>", "")).doesNotContain("<script");
        assertThat(html).doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=").doesNotContain("http://").doesNotContain("https://");
        for (String script : html.split("<script src=\"")) {
            if (script.startsWith("/")) {
                String src = script.substring(0, script.indexOf('"'));
                assertThat(get(src).status()).as(src).isEqualTo(200);
            }
        }
    }

    @Test
    void withoutATokenOnlyLoopbackHostNamesAreAnswered() throws Exception {
        assertThat(rawStatus("127.0.0.1:" + TestServer.server().port())).isEqualTo(200);
        assertThat(rawStatus("localhost")).isEqualTo(200);
        assertThat(rawStatus("attacker.example")).as("a rebound DNS name must not reach the API").isEqualTo(403);
    }

    private static int rawStatus(String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", TestServer.server().port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/meta HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
