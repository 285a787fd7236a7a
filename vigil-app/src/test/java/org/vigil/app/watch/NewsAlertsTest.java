package org.vigil.app.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.vigil.store.watch.Alert;
import org.vigil.store.watch.NewsPicture;

/** The news alerts against a store filled with extractions made by hand (no extractor). */
class NewsAlertsTest {
    static final Instant AT = Instant.parse("2024-10-20T08:00:00Z");

    @TempDir
    Path dir;

    static Extraction article(String id, Stance stance, Technique technique) {
        String sentence = "Story " + id + ": officials said Russia acted in the race.";
        Article a = new Article(id, id + ".html", "https://news.example/" + id, "Story " + id, LocalDate.parse("2024-10-01"), "en",
                sentence, List.of(new Source("https://news.example/" + id, "Story " + id, LocalDate.parse("2024-10-01"), id + ".html")));
        Evidence e = new Evidence(sentence, 0, sentence.length());
        List<Incident> incidents = technique == null ? List.of()
                : List.of(new Incident("RU", technique, IncidentTarget.VOTERS, IncidentStatus.ALLEGED, 2024, null, e));
        return new Extraction(a, List.of(new Claim("RU", "trump", stance, false, false, Basis.ASSESSMENT, "Russia", e)), incidents);
    }

    /** Runs the detector as a poll would and keeps its baseline. */
    static List<Alert> poll(VigilStore store, AlertDetector detector, Map<String, Double> baseline) {
        return store.read(c -> {
            Map<String, Double> next = new HashMap<>();
            List<Alert> alerts = detector.news(c, NewsPicture.read(c), baseline, next, AT);
            baseline.clear();
            baseline.putAll(next);
            return alerts;
        });
    }

    @Test
    void aNewCellAFirstTechniqueAndABalanceThatSwungPastTheThresholdEachRaiseOneAlert() {
        AlertDetector detector = new AlertDetector(WatchSettings.defaults().with("alerts.balance.shift", "0.5")
                .with("alerts.balance.min.articles", "3"));
        Map<String, Double> baseline = new HashMap<>();
        try (VigilStore store = VigilStore.open(dir.resolve("s.duckdb"))) {
            store.saveExtractions(List.of(article("a1", Stance.FAVORS, Technique.DISINFORMATION), article("a2", Stance.FAVORS, null)));
            List<Alert> first = poll(store, detector, baseline);
            assertThat(first).extracting(Alert::kind, Alert::subject, Alert::summary).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("new-cell", "RU|trump|favors", "RU newly reported to favour trump (2 articles)"),
                    org.assertj.core.groups.Tuple.tuple("first-technique", "RU|disinformation", "first report of disinformation by RU (1 article)"));
            assertThat(first.get(0).evidence()).extracting(Alert.Evidence::url)
                    .containsExactlyInAnyOrder("https://news.example/a1", "https://news.example/a2");
            assertThat(baseline).containsEntry("balance|RU|trump", 1.0);

            // one opposing article: balance 1.0 -> 0.33, a shift of 0.67 over 3 articles
            store.saveExtractions(List.of(article("a3", Stance.OPPOSES, Technique.DISINFORMATION)));
            List<Alert> second = poll(store, detector, baseline);
            assertThat(second).extracting(Alert::kind, Alert::subject).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("new-cell", "RU|trump|opposes"),
                    org.assertj.core.groups.Tuple.tuple("balance-shift", "RU|trump"));
            assertThat(second.get(1).summary()).isEqualTo("RU on trump: balance moved from +1.00 to +0.33 over 3 articles");
            assertThat(second.get(1).evidence()).extracting(Alert.Evidence::url).containsExactly("https://news.example/a3");

            // a small further move (0.33 -> 0.20) stays under the threshold, measured from the last alert
            store.saveExtractions(List.of(article("a4", Stance.OPPOSES, null), article("a5", Stance.FAVORS, null)));
            assertThat(poll(store, detector, baseline)).isEmpty();
            assertThat(baseline.get("balance|RU|trump")).isEqualTo(1.0 / 3);
        }
    }
}
