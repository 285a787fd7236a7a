package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.store.Fixtures.article;
import static org.vigil.store.Fixtures.web;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.Problem;
import org.vigil.model.Stance;

/** Article text, URLs and filters are written by strangers: they must be stored and matched as data. */
class HostileInputTest {
    static final String DROP = "Robert'); DROP TABLE claims; --";
    static final String OR_TRUE = "' OR '1'='1";

    @TempDir
    Path dir;

    @Test
    void sqlLookingStringsAreStoredAndFoundVerbatim() throws Exception {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            store.saveExtraction(article("h'1", "evil'; DELETE FROM articles; --.txt").title(OR_TRUE)
                    .source(web("https://evil.example/?q=1' OR '1'='1", "2024-01-02"))
                    .claim("RU", DROP, Stance.FAVORS, false, false, "He said \"" + DROP + "\" and " + OR_TRUE + " too.")
                    .build());
            store.saveExtraction(article("clean", "clean.txt")
                    .claim("IR", "harris", Stance.OPPOSES, false, false, "Tehran opposes Harris.").build());

            assertThat(store.matrix(ReportFilter.all().withCell("RU", DROP)))
                    .singleElement().satisfies(r -> assertThat(r.target()).isEqualTo(DROP));
            assertThat(store.matrix(ReportFilter.all().withCell(OR_TRUE, null))).isEmpty();
            assertThat(store.claims(ReportFilter.all().withCell(null, OR_TRUE), 0, 10)).isEmpty();
            ClaimRow c = store.claims(ReportFilter.all().withCell(null, DROP), 0, 10).get(0);
            assertThat(c.evidence().sentence()).isEqualTo("He said \"" + DROP + "\" and " + OR_TRUE + " too.");
            assertThat(c.doc()).isEqualTo("evil'; DELETE FROM articles; --.txt");
            assertThat(c.title()).isEqualTo(OR_TRUE);
            assertThat(store.article("h'1")).isPresent();

            SearchHits hits = store.search(DROP, 0, 10);
            assertThat(hits.hits()).extracting(SearchHit::articleId).containsExactly("h'1");
            // query syntax is just words: this matches the article that contains them, not everything
            assertThat(store.search(OR_TRUE + " *:* AND ( [", 0, 10).hits()).extracting(SearchHit::articleId)
                    .containsExactly("h'1");

            String run = store.startRun("ingest '; DROP TABLE runs; --");
            store.saveProblems(run, List.of(new Problem("x'.jsonl", 3, "bad'); DROP TABLE quarantine; --", OR_TRUE)));
            assertThat(store.problems(run)).singleElement().satisfies(p -> assertThat(p.raw()).isEqualTo(OR_TRUE));

            try (Statement st = store.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM claims")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }
}
