package org.vigil.store.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.VigilStore;

class WatchLedgerTest {
    @TempDir
    Path dir;

    VigilStore open() {
        VigilStore store = VigilStore.open(dir.resolve("w.duckdb"));
        store.migrate(WatchSchema.COMPONENT, WatchSchema.MIGRATIONS);
        return store;
    }

    @Test
    void pagesKeepTheirLatestStateAndEveryVersion() {
        try (VigilStore store = open()) {
            store.write(c -> {
                WatchLedger l = new WatchLedger(c);
                l.savePage(new WatchLedger.Page("https://x.example/a", 1, "sha1", "art1", "\"e1\"", null, null, "stored"), true);
                l.savePage(new WatchLedger.Page("https://x.example/a", 1, "sha1", "art1", "\"e1\"", null,
                        Instant.parse("2024-10-02T00:00:00Z"), "stored"), false);
                l.savePage(new WatchLedger.Page("https://x.example/a", 2, "sha2", "art2", "\"e2\"", null, null, "stored"), true);
                return null;
            });
        }
        try (VigilStore store = open()) { // reopened: the migration is not applied twice
            Map<String, WatchLedger.Page> pages = store.read(c -> new WatchLedger(c).pages());
            assertThat(pages).containsOnlyKeys("https://x.example/a");
            assertThat(pages.get("https://x.example/a").version()).isEqualTo(2);
            assertThat(pages.get("https://x.example/a").etag()).isEqualTo("\"e2\"");
            assertThat(store.<Map<String, Integer>>read(c -> new WatchLedger(c).versionCounts())).containsExactly(Map.entry("https://x.example/a", 2));
        }
    }

    @Test
    void aFailingFeedCountsItsFailuresInARowAndAGoodReadClearsThem() {
        try (VigilStore store = open()) {
            Instant next = Instant.parse("2024-10-20T08:15:00Z");
            store.write(c -> {
                WatchLedger l = new WatchLedger(c);
                l.feedRead("https://x.example/rss", "\"v1\"", "Tue, 01 Oct 2024 12:00:00 GMT");
                l.feedFailed("https://x.example/rss", l.feeds().get("https://x.example/rss"), next, "HTTP 500");
                l.feedFailed("https://x.example/rss", l.feeds().get("https://x.example/rss"), next, "HTTP 500");
                return null;
            });
            WatchLedger.Feed f = store.read(c -> new WatchLedger(c).feeds()).get("https://x.example/rss");
            assertThat(f.failures()).isEqualTo(2);
            assertThat(f.etag()).isEqualTo("\"v1\""); // validators survive failures
            assertThat(f.nextTry()).isEqualTo(next);
            store.write(c -> {
                new WatchLedger(c).feedRead("https://x.example/rss", "\"v2\"", null);
                return null;
            });
            WatchLedger.Feed ok = store.read(c -> new WatchLedger(c).feeds()).get("https://x.example/rss");
            assertThat(ok.failures()).isZero();
            assertThat(ok.nextTry()).isNull();
        }
    }

    @Test
    void anAlertIsStoredOnceWithItsEvidenceInOrder() {
        Alert a = new Alert("id-1", Instant.parse("2024-10-20T08:00:00Z"), "new-cell", "RU|trump|favors", "RU newly ...",
                List.of(new Alert.Evidence("first", "https://x.example/1"), new Alert.Evidence("second", null)), null);
        try (VigilStore store = open()) {
            assertThat(store.<Boolean>write(c -> new WatchLedger(c).saveAlert(a))).isTrue();
            assertThat(store.<Boolean>write(c -> new WatchLedger(c).saveAlert(a))).isFalse();
            List<Alert> back = store.read(c -> new WatchLedger(c).alerts(null, 0, 10));
            assertThat(back).containsExactly(a);
            assertThat(store.<Long>read(c -> new WatchLedger(c).alertCount("new-cell"))).isEqualTo(1);
            assertThat(store.<Long>read(c -> new WatchLedger(c).alertCount("network-grew"))).isZero();
            assertThat(store.<Boolean>read(c -> new WatchLedger(c).hasTables())).isTrue();
        }
    }
}
