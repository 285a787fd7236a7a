package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.store.Fixtures.article;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.Stance;
import org.vigil.model.VigilException;

/** How a store behaves when threads or processes share it. */
class StoreSharingTest {
    @TempDir
    Path dir;

    @Test
    void readsFromOtherThreadsRunWhileArticlesAreBeingWritten() throws Exception {
        try (VigilStore store = VigilStore.open(dir.resolve("vigil.duckdb"))) {
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService readers = Executors.newFixedThreadPool(3);
            try {
                List<Future<Long>> reads = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    reads.add(readers.submit(() -> {
                        long seen = 0;
                        while (writing.get()) {
                            seen = Math.max(seen, store.matrix(ReportFilter.all()).stream().mapToLong(MatrixRow::favors).sum());
                            store.search("backs", 0, 5);
                            store.claims(ReportFilter.all(), 0, 5);
                        }
                        return seen;
                    }));
                }
                for (int i = 0; i < 60; i++) {
                    store.saveExtraction(article("h" + i, i + ".txt")
                            .claim("RU", "trump", Stance.FAVORS, false, false, "Moscow backs Trump, report " + i + " says.").build());
                }
                writing.set(false);
                for (Future<Long> r : reads) {
                    assertThat(r.get(60, TimeUnit.SECONDS)).isBetween(0L, 60L);
                }
            } finally {
                readers.shutdownNow();
            }
            assertThat(store.matrix(ReportFilter.all()).get(0).favors()).isEqualTo(60);
            assertThat(store.search("backs", 0, 5).total()).isEqualTo(60);
        }
    }

    @Test
    void aStoreHeldByAnotherProcessIsReportedInOneLineNamingIt() throws Exception {
        Path db = dir.resolve("vigil.duckdb").toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), db.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // skip anything the JVM prints first
            }
            assertThat(line).as("the child process opened the store").isEqualTo("ready");
            assertThatThrownBy(() -> VigilStore.open(db))
                    .isInstanceOf(VigilException.class)
                    .hasMessageStartingWith("the Vigil store at " + db + " is in use by another process (held by ")
                    .hasMessageEndingWith("): wait for it to finish, stop it, or pass another --db")
                    .hasMessageNotContaining("\n");
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void aSecondWriterInTheSameProcessIsToldToCloseTheFirst() {
        Path db = dir.resolve("vigil.duckdb");
        try (VigilStore first = VigilStore.open(db)) {
            assertThatThrownBy(() -> VigilStore.open(db))
                    .isInstanceOf(VigilException.class)
                    .hasMessageContaining("is in use by another open Vigil store");
            first.saveExtraction(article("a", "a.txt").sentence("Still writable after the failed second open.").build());
            assertThat(first.article("a")).isPresent();
        }
    }

    @Test
    void aReadOnlyStoreWithoutAnIndexSearchesAnIndexBuiltInMemory() throws Exception {
        Path db = dir.resolve("vigil.duckdb");
        try (VigilStore store = VigilStore.open(db)) {
            store.saveExtraction(article("a", "a.txt").sentence("Doppelganger cloned a newspaper website.").build());
        }
        Path lucene = VigilStore.luceneFolder(db.toAbsolutePath());
        try (Stream<Path> files = Files.walk(lucene)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (VigilStore store = VigilStore.openReadOnly(db)) {
            assertThat(store.search("doppelganger", 0, 10).hits()).extracting(SearchHit::doc).containsExactly("a.txt");
        }
        assertThat(lucene).as("a read-only store writes nothing").doesNotExist();
    }
}
