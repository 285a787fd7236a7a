package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.store.Fixtures.article;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.IncidentStatus;
import org.vigil.model.Stance;
import org.vigil.model.Technique;
import org.vigil.store.query.ClaimTrends;
import org.vigil.store.query.CycleCount;
import org.vigil.store.query.IncidentFilter;
import org.vigil.store.query.IncidentQueries;
import org.vigil.store.query.TrendPoint;

class CycleTest {
    @TempDir
    Path dir;
    VigilStore store;

    @BeforeEach
    void fill() {
        store = VigilStore.open(dir.resolve("vigil.duckdb"));
        // a 2024 article recalling 2016: the labeller reads 2016 from the first sentence, the second falls back to the date
        store.saveExtraction(article("a", "a.txt").published("2024-07-10")
                .claim("RU", "trump", Stance.FAVORS, false, false, "In 2016 the Kremlin wanted Trump to win.")
                .claim("RU", "harris", Stance.OPPOSES, false, false, "Moscow works against Harris.")
                .incident("RU", Technique.HACK_AND_LEAK, IncidentStatus.CHARGED, 2016, "Officers hacked the Democrats.")
                .incident("RU", Technique.DISINFORMATION, IncidentStatus.ALLEGED, null, "Fake videos spread.")
                .build());
        // March 2021: the aftermath of 2020; August 2023: the run-up to 2024
        store.saveExtraction(article("b", "b.txt").published("2021-03-16")
                .claim("RU", "trump", Stance.FAVORS, false, false, "Putin preferred Trump.").build());
        store.saveExtraction(article("c", "c.txt").published("2023-08-01")
                .claim("RU", "trump", Stance.OPPOSES, false, false, "Russia soured on Trump.").build());
        store.saveExtraction(article("d", "d.txt").published("2024-07-20")
                .claim("RU", "trump", Stance.FAVORS, false, false, "The Kremlin still roots for Trump.").build());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theMatrixOfACycleCountsTheClaimsAboutItNotThoseOfItsPublicationYear() {
        List<MatrixRow> y2016 = store.matrix(ReportFilter.all().withCycle(2016));
        assertThat(y2016).extracting(MatrixRow::target, MatrixRow::favors).containsExactly(org.assertj.core.groups.Tuple.tuple("trump", 1L));
        List<MatrixRow> y2024 = store.matrix(ReportFilter.all().withCycle(2024));
        assertThat(y2024).extracting(MatrixRow::target, MatrixRow::favors, MatrixRow::opposes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("harris", 0L, 1L), org.assertj.core.groups.Tuple.tuple("trump", 1L, 1L));
        assertThat(store.matrix(ReportFilter.all().withCycle(2020))).extracting(MatrixRow::favors).containsExactly(1L);
        assertThat(store.matrix(ReportFilter.all().withCycle(2018))).isEmpty();
    }

    @Test
    void claimsAndIncidentsCarryTheirCycle() {
        assertThat(store.claims(ReportFilter.all().withCell("RU", "trump"), 0, 10))
                .extracting(ClaimRow::doc, ClaimRow::cycle).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("a.txt", 2016), org.assertj.core.groups.Tuple.tuple("b.txt", 2020),
                        org.assertj.core.groups.Tuple.tuple("c.txt", 2024), org.assertj.core.groups.Tuple.tuple("d.txt", 2024));
        IncidentQueries q = new IncidentQueries(store);
        IncidentFilter of2016 = new IncidentFilter(null, null, null, null, null, null, null, null, null, 2016);
        assertThat(q.incidents(of2016, 0, 10).items()).extracting(r -> r.technique()).containsExactly("hack_and_leak");
        assertThat(q.incidents(IncidentFilter.all(), 0, 10).items()).extracting(r -> r.cycle()).containsExactlyInAnyOrder(2016, 2024);
    }

    @Test
    void theCyclesAreListedNewestFirstWithTheirCounts() {
        assertThat(new ClaimTrends(store).cycles()).containsExactly(new CycleCount(2024, 3, 1), new CycleCount(2020, 1, 0),
                new CycleCount(2016, 1, 1));
    }

    @Test
    void theTrendOfAPairIsItsBalanceMonthByMonth() {
        List<TrendPoint> all = new ClaimTrends(store).monthly("RU", "trump", null, null, null, true, true);
        assertThat(all).containsExactly(new TrendPoint("2021-03", 1, 0, 0), new TrendPoint("2023-08", 0, 1, 0),
                new TrendPoint("2024-07", 2, 0, 0));
        assertThat(new ClaimTrends(store).monthly("RU", "trump", 2024, null, null, true, true)).extracting(TrendPoint::balance)
                .containsExactly(-1L, 1L);
    }
}
