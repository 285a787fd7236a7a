package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.store.Fixtures.article;
import static org.vigil.store.Fixtures.day;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.IncidentStatus;
import org.vigil.model.Technique;

class TimelineTest {
    @TempDir
    Path dir;

    @Test
    void incidentsRunInTheOrderTheyHappenedThenByReportDate() {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            store.saveExtraction(article("n", "new.txt").published("2024-08-20")
                    .incident("IR", Technique.HACK_AND_LEAK, IncidentStatus.CHARGED, 2024, "Iranian hackers leaked campaign files.")
                    .incident("RU", Technique.HACK_AND_LEAK, IncidentStatus.CHARGED, 2016, "In 2016 GRU officers leaked party emails.")
                    .build());
            store.saveExtraction(article("o", "old.txt").published("2024-03-01")
                    .incident("CN", Technique.INAUTHENTIC_ACCOUNTS, IncidentStatus.ALLEGED, null, "Spamouflage accounts posted memes.")
                    .build());
            store.saveExtraction(article("u", "undated.txt")
                    .incident("RU", Technique.DISINFORMATION, IncidentStatus.ALLEGED, null, "A fake news site spread a forged memo.")
                    .build());

            List<TimelineRow> rows = store.timeline(ReportFilter.all());
            assertThat(rows).extracting(r -> r.actor() + " " + r.technique() + " " + r.doc()).containsExactly(
                    "RU hack_and_leak new.txt",            // happened in 2016
                    "CN inauthentic_accounts old.txt",     // no year: reported 2024-03-01
                    "IR hack_and_leak new.txt",            // 2024, reported 2024-08-20
                    "RU disinformation undated.txt");      // neither known: last
            assertThat(rows.get(0).year()).isEqualTo(2016);
            assertThat(rows.get(0).date()).isEqualTo(day("2024-08-20"));
            assertThat(rows.get(0).disarmId()).isEqualTo("T0000." + Technique.HACK_AND_LEAK.ordinal());
            assertThat(rows.get(0).target()).isEqualTo("campaign");
            assertThat(rows.get(0).status()).isEqualTo("charged");
            assertThat(rows.get(0).evidence()).isEqualTo("In 2016 GRU officers leaked party emails.");
            assertThat(rows.get(3).date()).isNull();
            assertThat(rows.get(3).year()).isNull();

            assertThat(store.timeline(ReportFilter.all().withCell("RU", null)))
                    .extracting(TimelineRow::doc).containsExactly("new.txt", "undated.txt");
            assertThat(store.timeline(ReportFilter.all().withPeriod(day("2024-08-01"), null)))
                    .extracting(TimelineRow::actor).containsExactly("RU", "IR");
            assertThat(store.timeline(ReportFilter.all(), 1, 2))
                    .extracting(TimelineRow::actor).containsExactly("CN", "IR");
        }
    }
}
