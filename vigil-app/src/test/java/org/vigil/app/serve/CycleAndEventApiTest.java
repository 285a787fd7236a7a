package org.vigil.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.app.serve.TestServer.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Election cycles, trends, incident events and strict filter values, over the demo store. */
class CycleAndEventApiTest {
    private static JsonNode ok(String path) {
        TestServer.Answer a = get(path);
        assertThat(a.status()).as(path + " -> " + a.body()).isEqualTo(200);
        return a.json();
    }

    private static String problem(String path) {
        TestServer.Answer a = get(path);
        assertThat(a.status()).as(path + " -> " + a.body()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        return a.json().get("detail").asText();
    }

    private static Map<String, Long> favours(JsonNode matrix) {
        Map<String, Long> out = new HashMap<>();
        matrix.get("cells").forEach(c -> out.put(c.get("holder").asText() + ">" + c.get("target").asText(), c.get("favors").asLong()));
        return out;
    }

    @Test
    void theCyclesOfTheDemoAreListedAndEachNarrowsTheMatrixToClaimsAboutIt() {
        List<Integer> cycles = new ArrayList<>();
        ok("/api/cycles").get("cycles").forEach(c -> {
            if (!c.get("cycle").isNull()) {
                cycles.add(c.get("cycle").asInt());
            }
        });
        assertThat(cycles).contains(2016, 2020, 2024).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Map<String, Long> all = favours(ok("/api/matrix"));
        Map<String, Long> y2016 = favours(ok("/api/matrix?cycle=2016"));
        Map<String, Long> y2024 = favours(ok("/api/matrix?cycle=2024"));
        assertThat(y2016).isNotEqualTo(y2024);
        assertThat(ok("/api/matrix?cycle=2016").get("filter").get("cycle").asInt()).isEqualTo(2016);
        // every claim is about one cycle, so the cycles' cells add up to the whole matrix
        Map<String, Long> summed = new HashMap<>();
        for (JsonNode c : ok("/api/cycles").get("cycles")) {
            String q = c.get("cycle").isNull() ? null : "/api/matrix?cycle=" + c.get("cycle").asInt();
            if (q != null) {
                favours(ok(q)).forEach((k, v) -> summed.merge(k, v, Long::sum));
            }
        }
        all.forEach((k, v) -> assertThat(summed.getOrDefault(k, 0L)).as(k).isEqualTo(v));
        for (JsonNode claim : ok("/api/claims?cycle=2016&limit=50").get("items")) {
            assertThat(claim.get("cycle").asInt()).isEqualTo(2016);
            assertThat(claim.get("targetName").asText()).isNotBlank();
        }
    }

    @Test
    void theTrendOfAPairCountsArticlesPerMonthAndMatchesTheMatrix() {
        JsonNode trend = ok("/api/trend?holder=RU&target=trump");
        assertThat(trend.get("targetName").asText()).isEqualTo("Donald Trump");
        assertThat(trend.get("holderName").asText()).isEqualTo("Russia");
        long favours = 0;
        String previous = "";
        for (JsonNode p : trend.get("points")) {
            assertThat(p.get("month").asText()).matches("[0-9]{4}-[0-9]{2}").isGreaterThan(previous);
            previous = p.get("month").asText();
            assertThat(p.get("balance").asLong()).isEqualTo(p.get("favors").asLong() - p.get("opposes").asLong());
            favours += p.get("favors").asLong();
        }
        JsonNode cell = null;
        for (JsonNode c : ok("/api/matrix?holder=RU&target=trump").get("cells")) {
            cell = c;
        }
        assertThat(cell).isNotNull();
        assertThat(favours).isLessThanOrEqualTo(cell.get("favors").asLong()).isPositive();
        assertThat(problem("/api/trend?holder=RU")).isEqualTo("parameter 'target' is required: "
                + "The candidate, lower-case as stored (trump), or * for no clear preference.");
    }

    @Test
    void threeOutletsReportingOneOperationAreOneEventWithAllThreeSources() {
        JsonNode page = ok("/api/incidents/events?actor=VE");
        assertThat(page.get("total").asInt()).isEqualTo(1);
        JsonNode e = page.get("items").get(0);
        assertThat(e.get("reports")).hasSize(3);
        List<String> domains = new ArrayList<>();
        e.get("sources").forEach(s -> domains.add(s.get("domain").asText()));
        assertThat(domains).containsExactlyInAnyOrderElementsOf(DemoStore.EVENT_OUTLETS);
        assertThat(e.get("first").asText()).isEqualTo("2024-10-02");
        assertThat(e.get("last").asText()).isEqualTo("2024-10-20");
        List<String> statuses = new ArrayList<>();
        e.get("statuses").forEach(s -> statuses.add(s.get("status").asText()));
        assertThat(statuses).containsExactly("alleged", "attributed", "charged");
        assertThat(e.get("status").asText()).isEqualTo("charged");
        assertThat(e.get("cycle").asInt()).isEqualTo(2024);
        // any of its incidents opens the same event
        String last = e.get("reports").get(2).get("id").asText();
        assertThat(ok("/api/incidents/events/" + last).get("id").asText()).isEqualTo(e.get("id").asText());
        // events never outnumber the incidents they merge
        assertThat(ok("/api/incidents/events?limit=1").get("total").asInt())
                .isLessThanOrEqualTo(ok("/api/incidents?limit=1").get("total").asInt());
    }

    @Test
    void aFilterValueThatMatchesNothingByConstructionIsA400NotAnEmptyAnswer() {
        assertThat(problem("/api/matrix?holder=ZZ")).isEqualTo(
                "parameter 'holder' must be an ISO 3166-1 alpha-2 country code such as RU, got 'ZZ', which names no country");
        assertThat(problem("/api/incidents?actor=QQ")).startsWith("parameter 'actor' must be an ISO 3166-1 alpha-2 country code");
        assertThat(problem("/api/incidents?technique=hacking")).startsWith("parameter 'technique' must be one of hack_and_leak, phishing,");
        assertThat(problem("/api/incidents/events?status=rumoured")).startsWith("parameter 'status' must be one of alleged,");
        assertThat(problem("/api/matrix?cycle=2017")).isEqualTo(
                "parameter 'cycle' must be an even year (US general elections are held in even years), got 2017");
        assertThat(problem("/api/incidents?cycle=twenty")).isEqualTo("parameter 'cycle' must be a whole number, got 'twenty'");
    }

    @Test
    void aWrongAddressGetsAnHtmlPageAndAWrongApiPathAProblem() {
        TestServer.Answer page = get("/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<h1>No such page</h1>").contains("<a href=\"/matrix\">Matrix</a>");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(DashboardServer.CSP);
        TestServer.Answer api = get("/api/no-such-endpoint");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }
}
