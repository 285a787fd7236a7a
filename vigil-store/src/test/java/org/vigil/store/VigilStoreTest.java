package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.store.Fixtures.article;
import static org.vigil.store.Fixtures.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.Article;
import org.vigil.model.Basis;
import org.vigil.model.Extraction;
import org.vigil.model.IncidentStatus;
import org.vigil.model.Problem;
import org.vigil.model.Stance;
import org.vigil.model.Technique;
import org.vigil.model.VigilException;

class VigilStoreTest {
    @TempDir
    Path dir;

    private static long count(VigilStore store, String table) throws SQLException {
        try (Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Extraction wireStory(String id, String doc, String url, String published) {
        return article(id, doc).title("Kremlin favours Trump, officials say").published(published).source(web(url, published))
                .sentence("WASHINGTON - Officials briefed reporters on Tuesday.")
                .claim("RU", "trump", Stance.FAVORS, false, false, "Russia wants Trump to win, officials said.")
                .incident("RU", Technique.INAUTHENTIC_ACCOUNTS, IncidentStatus.ATTRIBUTED, 2024,
                        "A Russian troll farm ran hundreds of fake accounts.")
                .build();
    }

    @Test
    void openingANewPathCreatesTheFolderTheFileTheTablesAndTheIndexFolder() throws SQLException {
        Path db = dir.resolve("nested/data/vigil.duckdb");
        try (VigilStore store = VigilStore.open(db)) {
            for (String table : List.of("articles", "sources", "evidence", "claims", "incidents", "quarantine", "runs",
                    "schema_migrations")) {
                assertThat(count(store, table)).as(table).isGreaterThanOrEqualTo(0);
            }
            try (Statement st = store.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT component, version FROM schema_migrations")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("news");
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
        }
        assertThat(db).isRegularFile();
        assertThat(dir.resolve("nested/data/vigil.lucene")).isDirectory();
    }

    @Test
    void reopeningAStoreAppliesNoMigrationTwice() throws SQLException {
        Path db = dir.resolve("vigil.duckdb");
        VigilStore.open(db).close();
        try (VigilStore store = VigilStore.open(db)) {
            assertThat(count(store, "schema_migrations")).isEqualTo(NewsSchema.MIGRATIONS.size());
        }
    }

    @Test
    void aComponentMigratesItsOwnTablesInVersionOrderAndOnlyOnce() throws SQLException {
        Path db = dir.resolve("vigil.duckdb");
        List<Migration> steps = List.of(
                new Migration(2, "add a column", List.of("ALTER TABLE widgets ADD COLUMN colour VARCHAR")),
                new Migration(1, "widgets", List.of("CREATE TABLE widgets (id INTEGER)")));
        try (VigilStore store = VigilStore.open(db)) {
            store.migrate("widgets", steps);
            store.migrate("widgets", steps);
            try (Statement st = store.connection().createStatement()) {
                st.execute("INSERT INTO widgets VALUES (1, 'red')");
            }
            try (Statement st = store.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM schema_migrations WHERE component = 'widgets'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
            assertThatThrownBy(() -> store.migrate("widgets", steps.subList(1, 2)))
                    .isInstanceOf(VigilException.class)
                    .hasMessageContaining("schema version 2 of 'widgets', newer than this Vigil knows (1)");
        }
    }

    @Test
    void aSavedArticleReadsBackWithItsSourcesClaimsAndEvidenceOffsets() {
        Extraction e = wireStory("hash-1", "001.txt", "https://www.example.com/a", "2024-08-01");
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            store.saveExtraction(e);

            Article back = store.article("hash-1").orElseThrow();
            assertThat(back.text()).isEqualTo(e.article().text());
            assertThat(back.title()).isEqualTo("Kremlin favours Trump, officials say");
            assertThat(back.published()).isEqualTo(Fixtures.day("2024-08-01"));
            assertThat(back.sources()).extracting(s -> s.url()).containsExactly("https://www.example.com/a");

            List<ClaimRow> claims = store.claims(ReportFilter.all(), 0, 10);
            assertThat(claims).hasSize(1);
            ClaimRow c = claims.get(0);
            assertThat(c.holder()).isEqualTo("RU");
            assertThat(c.target()).isEqualTo("trump");
            assertThat(c.stance()).isEqualTo(Stance.FAVORS);
            assertThat(c.basis()).isEqualTo(Basis.ASSESSMENT);
            assertThat(c.evidence()).isEqualTo(e.claims().get(0).evidence());
            assertThat(back.text().substring(c.evidence().start(), c.evidence().end())).isEqualTo(c.evidence().sentence());
            assertThat(c.doc()).isEqualTo("001.txt");
            assertThat(c.sources()).hasSize(1);

            assertThat(store.timeline(ReportFilter.all())).singleElement().satisfies(t -> {
                assertThat(t.technique()).isEqualTo("inauthentic_accounts");
                assertThat(t.status()).isEqualTo("attributed");
                assertThat(t.evidence()).isEqualTo("A Russian troll farm ran hundreds of fake accounts.");
            });
            assertThat(store.article("no-such-hash")).isEmpty();
        }
    }

    @Test
    void savingTheSameArticleTwiceKeepsOneRowAndMergesItsSources() throws SQLException {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            store.saveExtraction(wireStory("hash-1", "001.txt", "https://www.example.com/a", "2024-08-02"));
            long claimId = store.claims(ReportFilter.all(), 0, 10).get(0).id();
            // the same wire story seen on a second site, a day earlier, and once more on the first site
            store.saveExtraction(wireStory("hash-1", "017.txt", "https://news.other.org/b", "2024-08-01"));
            store.saveExtraction(wireStory("hash-1", "018.txt", "https://www.example.com/a", "2024-08-02"));

            assertThat(count(store, "articles")).isEqualTo(1);
            assertThat(count(store, "claims")).isEqualTo(1);
            assertThat(count(store, "incidents")).isEqualTo(1);
            assertThat(count(store, "evidence")).isEqualTo(2);
            Article back = store.article("hash-1").orElseThrow();
            assertThat(back.doc()).isEqualTo("001.txt");
            assertThat(back.published()).isEqualTo(Fixtures.day("2024-08-01"));
            assertThat(back.sources()).extracting(s -> s.url())
                    .containsExactlyInAnyOrder("https://www.example.com/a", "https://news.other.org/b");
            assertThat(store.claims(ReportFilter.all(), 0, 10).get(0).id())
                    .as("claim ids survive a re-ingest, so links to them keep working").isEqualTo(claimId);
        }
    }

    @Test
    void reSavingAnArticleReplacesItsClaimsAndIncidents() throws SQLException {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            store.saveExtraction(wireStory("hash-1", "001.txt", "https://example.com/a", "2024-08-01"));
            Extraction better = article("hash-1", "001.txt").source(web("https://example.com/a", "2024-08-01"))
                    .sentence("WASHINGTON - Officials briefed reporters on Tuesday.")
                    .claim("RU", "harris", Stance.OPPOSES, true, false, "Russia wants Trump to win, officials said.")
                    .sentence("A Russian troll farm ran hundreds of fake accounts.")
                    .build();
            store.saveExtraction(better);

            assertThat(store.claims(ReportFilter.all(), 0, 10)).singleElement()
                    .satisfies(c -> assertThat(c.target()).isEqualTo("harris"));
            assertThat(count(store, "incidents")).isZero();
            assertThat(count(store, "evidence")).isEqualTo(1);
        }
    }

    @Test
    void problemsAreQuarantinedUnderTheirRunAndTheRunKeepsItsCounts() throws SQLException {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            String run = store.startRun("ingest news corpus/");
            List<Problem> problems = List.of(
                    new Problem("corpus/feed.jsonl", 7, "not valid JSON: unexpected end of input", "{\"url\": \"http"),
                    new Problem("corpus/empty.txt", 0, "empty file: nothing to read", ""));
            store.saveProblems(run, problems);
            store.saveProblems(run, List.of());
            store.finishRun(run, 10, 1, 2);

            assertThat(store.problems(run)).containsExactlyElementsOf(problems);
            assertThat(store.problems("another-run")).isEmpty();
            try (Statement st = store.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT command, ok, skipped, failed, finished_at IS NOT NULL FROM runs")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ingest news corpus/");
                assertThat(List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4))).containsExactly(10L, 1L, 2L);
                assertThat(rs.getBoolean(5)).isTrue();
            }
            assertThatThrownBy(() -> store.finishRun("not-a-run", 0, 0, 0))
                    .isInstanceOf(VigilException.class).hasMessageContaining("no run not-a-run");
        }
    }

    @Test
    void aHugeRawRecordIsKeptCappedWithANoteOfWhatWasCut() {
        String raw = "x".repeat(NewsWriter.MAX_RAW_CHARS + 5);
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            String run = store.startRun("ingest");
            store.saveProblems(run, List.of(new Problem("big.html", 0, "page larger than 50 MB", raw)));
            String kept = store.problems(run).get(0).raw();
            assertThat(kept).startsWith("xxxx").endsWith("[vigil: 5 more characters not kept]");
        }
    }

    @Test
    void aReadOnlyStoreReadsButRefusesWrites() {
        Path db = dir.resolve("vigil.duckdb");
        try (VigilStore store = VigilStore.open(db)) {
            store.saveExtraction(wireStory("hash-1", "001.txt", "https://example.com/a", "2024-08-01"));
        }
        try (VigilStore store = VigilStore.openReadOnly(db)) {
            assertThat(store.matrix(ReportFilter.all())).hasSize(1);
            assertThat(store.search("troll farm", 0, 10).total()).isEqualTo(1);
            assertThatThrownBy(() -> store.saveExtraction(wireStory("hash-2", "002.txt", "https://example.com/b", null)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("opened read-only");
        }
    }

    @Test
    void openingAMissingStoreReadOnlySaysHowToCreateOne() {
        Path db = dir.resolve("absent.duckdb");
        assertThatThrownBy(() -> VigilStore.openReadOnly(db))
                .isInstanceOf(VigilException.class)
                .hasMessage("no Vigil store at " + db + ": run 'vigil ingest news DIR' first");
        assertThat(db).doesNotExist();
    }

    @Test
    void aFileThatIsNotAStoreGetsAOneLineMessageNamingIt() throws Exception {
        Path db = dir.resolve("notes.duckdb");
        Files.writeString(db, "these are my notes, not a database\n".repeat(200));
        assertThatThrownBy(() -> VigilStore.open(db))
                .isInstanceOf(VigilException.class)
                .hasMessageStartingWith("cannot open " + db.toAbsolutePath().normalize() + " as a Vigil store: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void pagingArgumentsOutOfBoundsAreRejectedNamingTheParameter() {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            assertThatThrownBy(() -> store.claims(ReportFilter.all(), -1, 10)).hasMessageContaining("'offset'");
            assertThatThrownBy(() -> store.claims(ReportFilter.all(), 0, 0)).hasMessageContaining("'limit'");
            assertThatThrownBy(() -> store.claims(ReportFilter.all(), 0, VigilStore.MAX_LIMIT + 1)).hasMessageContaining("'limit'");
            assertThatThrownBy(() -> store.search("x".repeat(VigilStore.MAX_QUERY_CHARS + 1), 0, 10)).hasMessageContaining("'query'");
            assertThatThrownBy(() -> store.search("x", VigilStore.MAX_SEARCH_DEPTH, 10)).hasMessageContaining("'offset' + 'limit'");
        }
    }

    @Test
    void claimsPageInAStableOrderAndTheCountMatchesThePages() {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            for (int i = 0; i < 7; i++) {
                store.saveExtraction(article("hash-" + i, "00" + i + ".txt").published("2024-08-0" + (i + 1))
                        .claim("RU", "trump", Stance.FAVORS, false, false, "Moscow backs Trump, story " + i + " says.").build());
            }
            assertThat(store.claimCount(ReportFilter.all())).isEqualTo(7);
            List<String> paged = new ArrayList<>();
            for (int offset = 0; offset < 7; offset += 3) {
                store.claims(ReportFilter.all(), offset, 3).forEach(c -> paged.add(c.doc()));
            }
            assertThat(paged).containsExactly("006.txt", "005.txt", "004.txt", "003.txt", "002.txt", "001.txt", "000.txt");
        }
    }

    @Test
    void aBatchWithOneBadArticleStoresTheOthersAndReturnsTheBadOneAsAProblem() throws SQLException {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            Extraction good1 = wireStory("g1", "good1.txt", "https://example.com/1", "2024-08-01");
            Extraction bad = article("b", "bad.txt")
                    .claim(null, "trump", Stance.FAVORS, false, false, "Someone favours Trump.").build();
            Extraction good2 = wireStory("g2", "good2.txt", "https://example.com/2", "2024-08-02");

            List<Problem> problems = store.saveExtractions(List.of(good1, bad, good2));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.origin()).isEqualTo("bad.txt");
                assertThat(p.reason()).startsWith("could not store article bad.txt (id b): ").doesNotContain("\n");
            });
            assertThat(count(store, "articles")).isEqualTo(2);
            assertThat(store.search("troll farm", 0, 10).total()).isEqualTo(2);
            assertThat(store.saveExtractions(List.of(good1, good2))).isEmpty();
            assertThat(count(store, "articles")).isEqualTo(2);
        }
    }

    @Test
    void anotherComponentWritesAndReadsItsTablesThroughTheStore() {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            store.migrate("notes", List.of(new Migration(1, "notes", List.of("CREATE TABLE notes (text VARCHAR)"))));
            store.write(c -> {
                try (var ps = c.prepareStatement("INSERT INTO notes VALUES (?)")) {
                    ps.setString(1, HostileInputTest.DROP);
                    return ps.executeUpdate();
                }
            });
            String back = store.read(c -> {
                try (var ps = c.prepareStatement("SELECT text FROM notes"); var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(back).isEqualTo(HostileInputTest.DROP);
            assertThatThrownBy(() -> store.write(c -> c.createStatement().execute("INSERT INTO nowhere VALUES (1)")))
                    .isInstanceOf(VigilException.class).hasMessageContaining("nowhere");
        }
    }
}
