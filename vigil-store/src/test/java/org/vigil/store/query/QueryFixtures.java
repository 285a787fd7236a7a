package org.vigil.store.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.model.Account;
import org.vigil.model.Article;
import org.vigil.model.Basis;
import org.vigil.model.CandidateLean;
import org.vigil.model.Claim;
import org.vigil.model.CoordinatedNetwork;
import org.vigil.model.CoordinationEdge;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.Evidence;
import org.vigil.model.Extraction;
import org.vigil.model.Incident;
import org.vigil.model.IncidentStatus;
import org.vigil.model.IncidentTarget;
import org.vigil.model.NetworkEvidence;
import org.vigil.model.SharedObject;
import org.vigil.model.Source;
import org.vigil.model.Stance;
import org.vigil.model.Technique;
import org.vigil.store.VigilStore;
import org.vigil.store.coordination.CoordinationWriter;

/** Hand-built news and coordination results for the query tests; every number the tests expect is visible here. */
final class QueryFixtures {
    static final long T0 = 1_727_740_800L; // 2024-10-01T00:00:00Z

    private QueryFixtures() {
    }

    /** An article made of sentences; claims and incidents point at sentences by index. */
    static Extraction article(String id, String published, List<String> sentences, List<Claim> claims, List<Incident> incidents) {
        String text = String.join(" ", sentences);
        List<Source> sources = List.of(new Source("https://news.example/" + id, "Title " + id,
                published == null ? null : LocalDate.parse(published), "feed.jsonl"));
        return new Extraction(new Article(id, id + ".txt", "https://news.example/" + id, "Title " + id,
                published == null ? null : LocalDate.parse(published), "en", text, sources), claims, incidents);
    }

    static Evidence evidence(List<String> sentences, int index) {
        String text = String.join(" ", sentences);
        String s = sentences.get(index);
        int start = text.indexOf(s);
        return new Evidence(s, start, start + s.length());
    }

    static void news(VigilStore store) {
        List<String> a = List.of("Intro line.", "Moscow wants Trump to win.", "APT28 hacked the campaign in 2016.");
        store.saveExtraction(article("a1", "2024-07-01", a,
                List.of(new Claim("RU", "trump", Stance.FAVORS, false, false, Basis.ASSESSMENT, "Moscow", evidence(a, 1))),
                List.of(new Incident("RU", Technique.HACK_AND_LEAK, IncidentTarget.CAMPAIGN, IncidentStatus.CHARGED, 2016,
                        "T0000.001", evidence(a, 2)))));
        List<String> b = List.of("Tehran opposes Trump, officials said.", "Iranian hackers phished staff.",
                "Beijing ran fake accounts last year.");
        store.saveExtraction(article("b2", "2024-08-15", b,
                List.of(new Claim("IR", "trump", Stance.OPPOSES, true, false, Basis.STATEMENT, "Tehran", evidence(b, 0))),
                List.of(new Incident("IR", Technique.PHISHING, IncidentTarget.CAMPAIGN, IncidentStatus.ALLEGED, 2024,
                                "T0000.002", evidence(b, 1)),
                        new Incident("CN", Technique.INAUTHENTIC_ACCOUNTS, IncidentTarget.VOTERS, IncidentStatus.ATTRIBUTED,
                                null, "T0000.003", evidence(b, 2)))));
    }

    static SharedObject object(CoordinationKind kind, String value, int accounts, int shares, long first, long last) {
        return new SharedObject(kind, value, accounts, shares, first, last, "");
    }

    /** Two networks: 1 (three accounts, RT and Sputnik, pushes trump) and 2 (two accounts, no state media, attacks harris). */
    static String coordination(VigilStore store, String runId, Instant started) {
        Map<CoordinationKind, Integer> some = Map.of(CoordinationKind.CO_RETWEET, 5, CoordinationKind.CO_LINK, 2);
        CoordinatedNetwork n1 = new CoordinatedNetwork(1, List.of("alice", "bob", "carol<script>"), 0.9, 1.0, T0, T0 + 86_400 * 3, 40,
                some, new NetworkEvidence(
                List.of(object(CoordinationKind.CO_LINK, "https://rt.com/a", 3, 9, T0 + 100, T0 + 200)),
                List.of(object(CoordinationKind.CO_LINK, "rt.com", 3, 9, T0 + 100, T0 + 200)),
                List.of(object(CoordinationKind.CO_HASHTAG, "maga", 3, 12, T0 + 50, T0 + 86_400 * 2)),
                List.of(), List.of()), 0.6, List.of("RT", "Sputnik"),
                List.of(new CandidateLean("trump", Stance.FAVORS, 12, 0.3, List.of("#maga"))));
        CoordinatedNetwork n2 = new CoordinatedNetwork(2, List.of("dave", "erin"), 0.5, 1.0, T0 + 86_400, T0 + 86_400 * 2, 10,
                Map.of(CoordinationKind.CO_TWEET, 4), NetworkEvidence.empty(), 0.0, List.of(),
                List.of(new CandidateLean("harris", Stance.OPPOSES, 4, 0.4, List.of("#sleepyjoe"))));
        List<Account> accounts = List.of(new Account("alice", 1, 0.9, 20, 2), new Account("bob", 1, 0.8, 10, 2),
                new Account("carol<script>", 1, 0.7, 10, 2), new Account("dave", 2, 0.5, 5, 1), new Account("erin", 2, 0.4, 5, 1));
        List<CoordinationEdge> edges = List.of(
                new CoordinationEdge("alice", "bob", 1, 9.0, some),
                new CoordinationEdge("bob", "carol<script>", 1, 7.0, some),
                new CoordinationEdge("alice", "carol<script>", 1, 5.0, some),
                new CoordinationEdge("dave", "erin", 2, 3.0, Map.of(CoordinationKind.CO_TWEET, 4)),
                new CoordinationEdge("erin", "alice", -1, 1.5, Map.of(CoordinationKind.CO_HASHTAG, 2)));
        CoordinationResult result = new CoordinationResult(accounts, List.of(n1, n2), edges, Map.of());
        CoordinationRun run = new CoordinationRun(runId, started, List.of("posts.csv"), "surprise", Map.of("window", "60"), 1000, 3);
        store.write(c -> {
            new CoordinationWriter(c).write(run, result);
            return null;
        });
        return runId;
    }

    static List<String> ids(List<AccountRow> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.accountId()));
        return out;
    }
}
