package org.vigil.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.Stance;
import org.vigil.store.ClaimRow;
import org.vigil.store.ReportFilter;
import org.vigil.store.VigilStore;

/** Incidents, claims by id and article, and totals over two hand-built articles. */
class NewsQueriesTest {
    @TempDir
    Path dir;
    VigilStore store;

    @BeforeEach
    void open() {
        store = VigilStore.open(dir.resolve("v.duckdb"));
        QueryFixtures.news(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void incidentsAreOrderedByTheYearTheyHappenedAndFilterOnEveryField() {
        IncidentQueries q = new IncidentQueries(store);
        Page<IncidentRow> all = q.incidents(IncidentFilter.all(), 0, 10);
        assertThat(all.total()).isEqualTo(3);
        // 2016 (stated), then the two 2024 ones (one stated, one from the article's date)
        assertThat(all.items()).extracting(IncidentRow::actor).containsExactly("RU", "CN", "IR");
        IncidentRow ru = all.items().get(0);
        assertThat(ru.disarmId()).isEqualTo("T0000.001");
        assertThat(ru.evidence()).isEqualTo("APT28 hacked the campaign in 2016.");
        assertThat(ru.title()).isEqualTo("Title a1");

        assertThat(q.incidents(new IncidentFilter(null, null, null, null, "IR", null, null, null, null), 0, 10).total()).isEqualTo(1);
        assertThat(q.incidents(new IncidentFilter(null, null, null, null, null, "phishing", null, null, null), 0, 10).items())
                .extracting(IncidentRow::actor).containsExactly("IR");
        assertThat(q.incidents(new IncidentFilter(null, null, null, null, null, null, "charged", null, null), 0, 10).total()).isEqualTo(1);
        assertThat(q.incidents(new IncidentFilter(null, null, null, null, null, null, null, "voters", null), 0, 10).total()).isEqualTo(1);
        assertThat(q.incidents(new IncidentFilter(null, null, null, null, null, null, null, null, "T0000.003"), 0, 10).total()).isEqualTo(1);
        assertThat(q.incidents(new IncidentFilter(null, null, 2020, null, null, null, null, null, null), 0, 10).total()).isEqualTo(2);
        assertThat(q.incidents(new IncidentFilter(LocalDate.parse("2024-08-01"), null, null, null, null, null, null, null, null), 0, 10)
                .total()).isEqualTo(2);
        assertThat(q.incidents(IncidentFilter.all(), 1, 1).items()).extracting(IncidentRow::actor).containsExactly("CN");
        assertThatThrownBy(() -> new IncidentFilter(null, null, 2024, 2016, null, null, null, null, null))
                .hasMessageContaining("'yearFrom'");
    }

    @Test
    void countsGroupByYearActorAndTechniqueAndFacetsListTheValues() {
        IncidentQueries q = new IncidentQueries(store);
        assertThat(q.counts(IncidentFilter.all())).containsExactly(
                new IncidentCount(2016, "RU", "hack_and_leak", 1),
                new IncidentCount(2024, "CN", "inauthentic_accounts", 1),
                new IncidentCount(2024, "IR", "phishing", 1));
        IncidentFacets f = q.facets();
        assertThat(f.actors()).extracting(Facet::value).containsExactlyInAnyOrder("RU", "IR", "CN");
        assertThat(f.statuses()).extracting(Facet::value).contains("charged", "alleged", "attributed");
    }

    @Test
    void aClaimIsFoundByItsIdWithEvidenceOffsetsIntoItsArticleAndItsSources() {
        ClaimRow any = store.claims(ReportFilter.all(), 0, 10).stream().filter(c -> c.holder().equals("RU")).findFirst().orElseThrow();
        ClaimRow claim = store.claim(any.id()).orElseThrow();
        assertThat(claim.stance()).isEqualTo(Stance.FAVORS);
        String text = store.article(claim.articleId()).orElseThrow().text();
        assertThat(text.substring(claim.evidence().start(), claim.evidence().end())).isEqualTo("Moscow wants Trump to win.");
        assertThat(claim.sources()).singleElement().satisfies(s -> assertThat(s.url()).isEqualTo("https://news.example/a1"));
        assertThat(store.claim(42L)).isEmpty();
        assertThat(store.claimsOfArticle("b2")).extracting(ClaimRow::holder).containsExactly("IR");
        assertThat(new IncidentQueries(store).ofArticle("b2")).extracting(IncidentRow::actor).containsExactly("IR", "CN");
    }

    @Test
    void totalsCountEveryTable() {
        NewsTotals t = new NewsTotalsQuery(store).totals();
        assertThat(List.of(t.articles(), t.sources(), t.claims(), t.incidents())).containsExactly(2L, 2L, 2L, 3L);
        assertThat(t.firstPublished()).isEqualTo(LocalDate.parse("2024-07-01"));
        assertThat(t.lastPublished()).isEqualTo(LocalDate.parse("2024-08-15"));
    }
}
