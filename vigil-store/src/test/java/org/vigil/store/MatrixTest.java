package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vigil.store.Fixtures.article;
import static org.vigil.store.Fixtures.day;
import static org.vigil.store.Fixtures.file;
import static org.vigil.store.Fixtures.web;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.Stance;

/** The who-wants-whom matrix over a small hand-built corpus whose every number is worked out below. */
class MatrixTest {
    @TempDir
    Path dir;
    VigilStore store;

    @BeforeEach
    void fill() {
        store = VigilStore.open(dir.resolve("vigil.duckdb"));
        // a: two sites carry it (www. and mobile pages of one outlet count once); firm favours, said twice
        store.saveExtraction(article("a", "a.txt").published("2024-07-10")
                .source(web("https://www.wire.com/story", "2024-07-10"))
                .source(web("https://m.wire.com/story", "2024-07-10"))
                .source(web("https://daily.example.org/copy", "2024-07-11"))
                .claim("RU", "trump", Stance.FAVORS, false, false, "The Kremlin wants Trump to win.")
                .claim("RU", "trump", Stance.FAVORS, true, false, "Moscow reportedly prefers Trump.")
                .claim("RU", "harris", Stance.OPPOSES, false, true, "Russia works against Harris, which it denies.")
                .build());
        // b: one file, no URL, no date; hedged favours, plus a no-preference claim from Beijing
        store.saveExtraction(article("b", "b.txt")
                .source(file("corpus/b.txt"))
                .claim("RU", "trump", Stance.FAVORS, true, false, "Russia is believed to favour Trump.")
                .claim("CN", "*", Stance.NONE, false, false, "Beijing has no clear preference in the race.")
                .build());
        // c: the wire outlet again, later; an opposing claim about the same pair, disputed
        store.saveExtraction(article("c", "c.txt").published("2024-09-30")
                .source(web("https://wire.com/later", "2024-09-30"))
                .claim("RU", "trump", Stance.OPPOSES, false, true, "Some say Russia turned on Trump; Moscow denies it.")
                .build());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static MatrixRow cell(List<MatrixRow> rows, String holder, String target) {
        return rows.stream().filter(r -> r.holder().equals(holder) && r.target().equals(target)).findFirst().orElseThrow();
    }

    @Test
    void cellsCountArticlesPerStanceNotSentences() {
        List<MatrixRow> rows = store.matrix(ReportFilter.all());
        assertThat(rows).extracting(r -> r.holder() + "/" + r.target()).containsExactly("CN/*", "RU/harris", "RU/trump");
        MatrixRow ruTrump = cell(rows, "RU", "trump");
        assertThat(ruTrump.favors()).isEqualTo(2);
        assertThat(ruTrump.opposes()).isEqualTo(1);
        assertThat(ruTrump.none()).isZero();
        assertThat(ruTrump.balance()).isEqualTo(1);
        assertThat(cell(rows, "CN", "*").none()).isEqualTo(1);
    }

    @Test
    void sharesAreOverArticleStancesAndOneFirmSentenceMakesAnArticleFirm() {
        MatrixRow ruTrump = cell(store.matrix(ReportFilter.all()), "RU", "trump");
        // units: a/favors (one firm sentence: not hedged), b/favors (hedged), c/opposes (disputed)
        assertThat(ruTrump.shareHedged()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(ruTrump.shareDisputed()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(cell(store.matrix(ReportFilter.all()), "RU", "harris").shareDisputed()).isEqualTo(1.0);
    }

    @Test
    void independentSourcesAreDistinctDomainsOrFilesAcrossTheCellsArticles() {
        List<MatrixRow> rows = store.matrix(ReportFilter.all());
        // wire.com (a, c; www. and m. folded), daily.example.org (a), corpus/b.txt (b)
        assertThat(cell(rows, "RU", "trump").independentSources()).isEqualTo(3);
        assertThat(cell(rows, "RU", "harris").independentSources()).isEqualTo(2);
        assertThat(cell(rows, "CN", "*").independentSources()).isEqualTo(1);
    }

    @Test
    void anArticleSavedAgainFromADuplicateSourceCountsOnce() {
        store.saveExtraction(article("c", "c-copy.txt").published("2024-09-30")
                .source(web("https://mirror.example.net/c", "2024-10-01"))
                .claim("RU", "trump", Stance.OPPOSES, false, true, "Some say Russia turned on Trump; Moscow denies it.")
                .build());
        MatrixRow ruTrump = cell(store.matrix(ReportFilter.all()), "RU", "trump");
        assertThat(ruTrump.opposes()).isEqualTo(1);
        assertThat(ruTrump.independentSources()).isEqualTo(4);
    }

    @Test
    void firstAndLastAreTheEarliestAndLatestKnownPublicationDates() {
        List<MatrixRow> rows = store.matrix(ReportFilter.all());
        assertThat(cell(rows, "RU", "trump").first()).isEqualTo(day("2024-07-10"));
        assertThat(cell(rows, "RU", "trump").last()).isEqualTo(day("2024-09-30"));
        assertThat(cell(rows, "CN", "*").first()).isNull();
        assertThat(cell(rows, "CN", "*").last()).isNull();
    }

    @Test
    void aPeriodFilterKeepsOnlyDatedArticlesInsideIt() {
        List<MatrixRow> rows = store.matrix(ReportFilter.all().withPeriod(day("2024-07-01"), day("2024-07-31")));
        assertThat(rows).extracting(r -> r.holder() + "/" + r.target()).containsExactly("RU/harris", "RU/trump");
        MatrixRow ruTrump = cell(rows, "RU", "trump");
        assertThat(ruTrump.favors()).isEqualTo(1);
        assertThat(ruTrump.opposes()).isZero();
        assertThat(ruTrump.last()).isEqualTo(day("2024-07-10"));
    }

    @Test
    void leavingOutHedgedClaimsDropsThemBeforeArticlesAreCounted() {
        MatrixRow ruTrump = cell(store.matrix(ReportFilter.all().withFlags(false, true)), "RU", "trump");
        // b's only favours claim is hedged; a keeps its firm sentence
        assertThat(ruTrump.favors()).isEqualTo(1);
        assertThat(ruTrump.shareHedged()).isZero();
    }

    @Test
    void leavingOutDisputedClaimsRemovesCellsMadeOnlyOfThem() {
        List<MatrixRow> rows = store.matrix(ReportFilter.all().withFlags(true, false));
        assertThat(rows).extracting(r -> r.holder() + "/" + r.target()).containsExactly("CN/*", "RU/trump");
        assertThat(cell(rows, "RU", "trump").opposes()).isZero();
    }

    @Test
    void holderAndTargetSelectOneCell() {
        assertThat(store.matrix(ReportFilter.all().withCell("RU", "harris")))
                .singleElement().satisfies(r -> assertThat(r.opposes()).isEqualTo(1));
        assertThat(store.claims(ReportFilter.all().withCell("RU", "trump"), 0, 100)).hasSize(4);
        assertThat(store.claimCount(ReportFilter.all().withCell("CN", null))).isEqualTo(1);
    }

    @Test
    void anEmptyStoreHasAnEmptyMatrix() {
        try (VigilStore empty = VigilStore.open(dir.resolve("empty.duckdb"))) {
            assertThat(empty.matrix(ReportFilter.all())).isEmpty();
            assertThat(empty.timeline(ReportFilter.all())).isEmpty();
        }
    }
}
