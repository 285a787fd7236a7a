package org.vigil.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9, the server's half: what a hostile tester sent and what the server must answer. Each case
 * goes over a raw socket, since HTTP client libraries refuse to send most of them.
 */
class Issue9HostileRequestsTest {
    static final String CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private static int port() {
        return TestServer.server().port();
    }

    private static RawHttp.Answer get(String target) {
        return RawHttp.get(port(), target, "127.0.0.1:" + port());
    }

    private static JsonNode json(RawHttp.Answer a) {
        try {
            return TestServer.JSON.readTree(a.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + a.status() + "): " + a.body(), e);
        }
    }

    private static void assertSecurityHeaders(RawHttp.Answer a) {
        assertThat(a.header("Content-Security-Policy")).as("CSP on a %d answer", a.status()).isEqualTo(CSP);
        assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(a.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(a.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(a.header("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
        assertThat(a.header("Server")).isNull();
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"127.0.0.1:PORT", "localhost:PORT", "[::1]:PORT", "LOCALHOST:PORT", "localhost", "127.0.0.1"})
    void theLoopbackNamesWithTheServersPortAreAnswered(String host) {
        assertThat(RawHttp.get(port(), "/api/meta", host.replace("PORT", Integer.toString(port()))).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"127.evil.com", "127.0.0.1.attacker.example", "127.0.0.1.attacker.example:PORT", "127.0.0.2:PORT",
            "localhost.:PORT", "localhost:1", "attacker.example:PORT", "0.0.0.0:PORT", "127.1:PORT"})
    void anyOtherHostIsRefusedSoARebindingPageCannotReadTheStore(String host) {
        RawHttp.Answer a = RawHttp.get(port(), "/api/meta", host.replace("PORT", Integer.toString(port())));
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertSecurityHeaders(a);
        assertThat(json(a).get("detail").asText()).isEqualTo("Host '" + host.replace("PORT", Integer.toString(port()))
                + "' is not a name of this Vigil server, which answers to 127.0.0.1, [::1], localhost on port " + port()
                + " (a page on another site may be reaching it through DNS rebinding); "
                + "to serve another name, restart with --bind and --token, and --allow-host NAME");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/matrix?target=%|the query has a malformed percent-escape at character 8 ('%'): '%' must be followed by two hex digits; write a literal % as %25",
            "/api/matrix?target=%zz|the query has a malformed percent-escape at character 8 ('%zz'): '%' must be followed by two hex digits; write a literal % as %25",
            "/api/search?q=a%4|the query has a malformed percent-escape at character 4 ('%4'): '%' must be followed by two hex digits; write a literal % as %25",
            "/api/search?q=%C3%28|the query holds percent-escaped bytes that are not UTF-8 near character 3 ('%C3%28'); encode the text as UTF-8 before escaping it"})
    void malformedPercentEncodingIsABadRequestThatSaysWhere(String target, String detail) {
        RawHttp.Answer a = get(target);
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertSecurityHeaders(a);
        JsonNode p = json(a);
        assertThat(p.get("detail").asText()).isEqualTo(detail);
        assertThat(p.at("/errors/0/name").asText()).isEqualTo("query");
    }

    @Test
    void wellFormedEscapesAndPlusSignsDecodeAsBefore() {
        JsonNode hits = json(get("/api/search?q=%22state+media%22&limit=1"));
        assertThat(hits.get("query").asText()).isEqualTo("\"state media\"");
    }

    @Test
    void jettysOwnErrorPagesCarryTheHeadersAndAreProblemJson() {
        RawHttp.Answer tooLong = get("/api/search?q=" + "x".repeat(20_000));
        assertThat(tooLong.status()).isEqualTo(414);
        assertSecurityHeaders(tooLong);
        assertThat(tooLong.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json(tooLong).get("detail").asText()).isEqualTo("the address is longer than this server reads; shorten the query");

        RawHttp.Answer badHeader = RawHttp.send(port(), "GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n");
        assertThat(badHeader.status()).isEqualTo(400);
        assertSecurityHeaders(badHeader);
        assertThat(json(badHeader).get("title").asText()).isEqualTo("Bad Request");

        RawHttp.Answer hugeHeaders = RawHttp.get(port(), "/api/meta", "127.0.0.1:" + port(), "Cookie: " + "c".repeat(20_000));
        assertThat(hugeHeaders.status()).isEqualTo(431);
        assertSecurityHeaders(hugeHeaders);
        assertThat(json(hugeHeaders).get("status").asInt()).isEqualTo(431);

        RawHttp.Answer badHost = RawHttp.get(port(), "/api/meta", "[::1].evil.com");
        assertThat(badHost.status()).as("Jetty refuses a Host it cannot parse before the allow-list sees it").isEqualTo(400);
        assertSecurityHeaders(badHost);

        RawHttp.Answer badPath = get("/api/networks/%/graph");
        assertThat(badPath.status()).isEqualTo(400);
        assertSecurityHeaders(badPath);
        assertThat(badPath.body()).doesNotContain("Exception").doesNotContain("jetty");
    }

    @Test
    void hundredsOfUnknownParametersGetAShortAnswer() {
        StringBuilder q = new StringBuilder("/api/matrix?");
        for (int i = 0; i < 700; i++) {
            q.append(i == 0 ? "" : "&").append("p").append(i).append("=1");
        }
        RawHttp.Answer many = get(q.toString());
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.body().length()).isLessThan(1024);
        assertThat(json(many).get("detail").asText())
                .isEqualTo("the query has more than 100 parameters; no endpoint takes more than a dozen, see /api/openapi.json");

        StringBuilder fifty = new StringBuilder("/api/matrix?");
        for (int i = 0; i < 50; i++) {
            fifty.append(i == 0 ? "" : "&").append("unknown").append(i).append("=1");
        }
        RawHttp.Answer capped = get(fifty.toString());
        assertThat(capped.status()).isEqualTo(400);
        assertThat(capped.body().length()).isLessThan(4096);
        JsonNode p = json(capped);
        assertThat(p.get("errors")).hasSize(ApiProblem.MAX_LISTED);
        assertThat(p.get("detail").asText()).startsWith("50 parameters are invalid; the first 10: unknown parameter 'unknown0'; ");
    }

    @Test
    void noAnswerNamesAFolderOfTheServersDisks() {
        String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString();
        String home = System.getProperty("user.home");
        String cwd = Path.of("").toAbsolutePath().toString();
        JsonNode claims = json(get("/api/claims?limit=1000"));
        StringBuilder everything = new StringBuilder(claims.toString());
        for (JsonNode c : claims.get("items")) {
            everything.append(get("/api/articles/" + c.at("/article/id").asText()).body());
        }
        everything.append(get("/api/runs").body()).append(get("/api/meta").body()).append(get("/api/overview").body());
        assertThat(claims.at("/items/0/sources/0/origin").asText()).as("origins are still given, by file name")
                .isNotEmpty().doesNotContain("/");
        assertThat(everything.toString()).doesNotContain(tmp).doesNotContain(home).doesNotContain(cwd);
        JsonNode runs = json(get("/api/runs"));
        for (JsonNode r : runs.get("items")) {
            for (JsonNode in : r.get("inputs")) {
                assertThat(in.asText()).as("a run's inputs are file names").doesNotContain("/");
            }
        }
    }

    @Test
    void repeatedQuestionsAreAnsweredFromTheCacheWithTheSameBytes() {
        String first = get("/api/matrix?hedged=true&disputed=true").body();
        String summaryBefore = TestServer.server().cacheSummary();
        long hitsBefore = Long.parseLong(summaryBefore.replaceAll(".* (\\d+) hits.*", "$1"));
        String again = get("/api/matrix").body();
        String third = get("/api/matrix?disputed=true").body();
        long hitsAfter = Long.parseLong(TestServer.server().cacheSummary().replaceAll(".* (\\d+) hits.*", "$1"));
        assertThat(again).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(hitsAfter - hitsBefore).as("the defaults written out and left out ask one question").isGreaterThanOrEqualTo(2);
        assertThat(get("/api/matrix?hedged=false").body()).isNotEqualTo(first);
    }

    @Test
    void aCrossSiteRequestGetsNoCorsPermissionAndPreflightsAreRefused() {
        RawHttp.Answer a = RawHttp.get(port(), "/api/meta", "127.0.0.1:" + port(), "Origin: https://evil.example");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Access-Control-Allow-Origin")).as("no CORS grant, so the browser keeps the answer from the page").isNull();
        assertThat(a.header("Cache-Control")).isEqualTo("no-store");
        RawHttp.Answer preflight = RawHttp.send(port(), "OPTIONS /api/meta HTTP/1.1\r\nHost: 127.0.0.1:" + port()
                + "\r\nOrigin: https://evil.example\r\nAccess-Control-Request-Method: GET\r\nConnection: close\r\n\r\n");
        assertThat(preflight.status()).isEqualTo(405);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertSecurityHeaders(preflight);
    }
}
