package org.vigil.exchange;

import org.vigil.testing.Needs;
import org.vigil.model.Article;
import org.vigil.model.Basis;
import org.vigil.model.Claim;
import org.vigil.model.Evidence;
import org.vigil.model.Extraction;
import org.vigil.model.Incident;
import org.vigil.model.IncidentStatus;
import org.vigil.model.IncidentTarget;
import org.vigil.model.Source;
import org.vigil.model.Stance;
import org.vigil.model.Technique;
import org.vigil.store.VigilStore;
import org.vigil.store.coordination.CoordinationWriter;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;


/** A small store with made-up articles (no corpus text), claims, incidents and one coordination run. */
final class ExchangeFixtures {
    static final String RUN = "run-1";

    private ExchangeFixtures() {
    }

    private static Evidence evidence(String text, String sentence) {
        int start = text.indexOf(sentence);
        return new Evidence(sentence, start, start + sentence.length());
    }

    static VigilStore store(Path dir) throws Exception {
        VigilStore store = VigilStore.open(dir.resolve("fixture.duckdb"));
        String s1 = "Officials said APT42 hacked the campaign of Trump in 2024.";
        String s2 = "The Kremlin favours Trump, intelligence officials assessed.";
        String t1 = "A made-up article for tests. " + s1 + " " + s2;
        Article a1 = new Article("a1", "one.html", "https://news.example/one", "Iran hacked a campaign",
                LocalDate.parse("2024-08-10"), "en", t1,
                List.of(new Source("https://news.example/one", null, LocalDate.parse("2024-08-10"), "scrape.jsonl"),
                        new Source("https://mirror.example/one", null, null, "scrape.jsonl")));
        Extraction e1 = new Extraction(a1,
                List.of(new Claim("IR", "trump", Stance.OPPOSES, false, false, Basis.OPERATION, "APT42", evidence(t1, s1)),
                        new Claim("RU", "trump", Stance.FAVORS, true, false, Basis.ASSESSMENT, "Kremlin", evidence(t1, s2))),
                List.of(new Incident("IR", Technique.HACK_AND_LEAK, IncidentTarget.CAMPAIGN, IncidentStatus.ATTRIBUTED, 2024,
                        "T0089.001", evidence(t1, s1))));
        String s3 = "Russian operatives ran fake accounts posing as voters, it was alleged.";
        String s4 = "A Chinese influence operation targeted voters.";
        String t3 = "Another made-up article. " + s3 + " " + s4;
        Article a2 = new Article("a2", "two.html", "https://news.example/two", "Fake accounts",
                LocalDate.parse("2023-05-01"), "en", t3, List.of());
        Extraction e2 = new Extraction(a2,
                List.of(new Claim("CN", "*", Stance.NONE, false, true, Basis.ASSESSMENT, "Chinese", evidence(t3, s4))),
                List.of(new Incident("RU", Technique.INAUTHENTIC_ACCOUNTS, IncidentTarget.VOTERS, IncidentStatus.ALLEGED, null,
                                "T0091.003", evidence(t3, s3)),
                        new Incident("CN", Technique.INFLUENCE_OPERATION, IncidentTarget.VOTERS, IncidentStatus.ALLEGED, null,
                                null, evidence(t3, s4))));
        Article a3 = new Article("a3", "three.html", null, null, null, "en", "Nothing foreign here.", List.of());
        store.saveExtractions(List.of(e1, e2, new Extraction(a3, List.of(), List.of())));
        store.write(c -> {
            new CoordinationWriter(c).createTables();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO coordination_runs (run_id, started_at, method, networks, accounts, edges) VALUES (?, TIMESTAMP '2024-09-01 10:00:00', 'coortweet', 1, 3, 2)")) {
                ps.setString(1, RUN);
                ps.executeUpdate();
            }
            c.createStatement().execute("""
                    INSERT INTO coordination_networks VALUES ('run-1', 0, 3, 0.9, 0.67, TIMESTAMP '2024-08-01 00:00:00',
                      TIMESTAMP '2024-08-02 00:00:00', 42, 0.5, 'RT', 3, 4, 0, 1, 0)""");
            c.createStatement().execute("""
                    INSERT INTO coordination_accounts VALUES ('run-1', 'acct_a', 0, 0.9, 20, 2), ('run-1', 'acct_b', 0, 0.8, 12, 1),
                      ('run-1', 'acct "c" <&>', 0, 0.7, 10, 1)""");
            c.createStatement().execute("""
                    INSERT INTO coordination_edges VALUES ('run-1', 'acct_a', 'acct_b', 0, 6.5, 2, 3, 0, 1, 0),
                      ('run-1', 'acct_a', 'acct "c" <&>', 0, 3.25, 1, 1, 0, 0, 0)""");
            c.createStatement().execute("""
                    INSERT INTO coordination_evidence VALUES ('run-1', 0, 'link', 1, 'https://rt.example/story', 3, 5,
                      TIMESTAMP '2024-08-01 00:00:00', TIMESTAMP '2024-08-02 00:00:00', ''),
                      ('run-1', 0, 'link', 2, 'not a url', 2, 2, TIMESTAMP '2024-08-01 00:00:00', TIMESTAMP '2024-08-02 00:00:00', ''),
                      ('run-1', 0, 'domain', 1, 'rt.example', 3, 5, TIMESTAMP '2024-08-01 00:00:00', TIMESTAMP '2024-08-02 00:00:00', 'RT'),
                      ('run-1', 0, 'hashtag', 1, '#vote', 3, 9, TIMESTAMP '2024-08-01 00:00:00', TIMESTAMP '2024-08-02 00:00:00', '')""");
            return null;
        });
        return store;
    }

    /** ../shared/reference/FILE, or a skip (a failure under CI=true) saying why. */
    static Path reference(String file) {
        return Needs.shared("reference/" + file);
    }
}
