package org.vigil.app.serve;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.vigil.store.VigilStore;
import org.vigil.store.watch.Alert;
import org.vigil.store.watch.WatchLedger;
import org.vigil.store.watch.WatchSchema;

/** Two alerts in the demo store, one of them hostile, for the alerts page and its API. */
final class DemoAlerts {
    static final String CALM_SUMMARY = "RU newly reported to favour trump (2 articles)";
    static final String HOSTILE_SUMMARY = "BY newly reported to favour trump " + DemoStore.SVG;

    private DemoAlerts() {
    }

    static void add(Path file) {
        try (VigilStore store = VigilStore.open(file)) {
            store.migrate(WatchSchema.COMPONENT, WatchSchema.MIGRATIONS);
            store.write(c -> {
                WatchLedger ledger = new WatchLedger(c);
                ledger.saveAlert(new Alert("a1", Instant.parse("2024-10-20T08:00:00Z"), "new-cell", "RU|trump|favors", CALM_SUMMARY,
                        List.of(new Alert.Evidence("Officials said Moscow wants Trump to win.", "https://news.example/ru-trump")), null));
                ledger.saveAlert(new Alert("a2", Instant.parse("2024-10-21T09:30:00Z"), "new-cell", "BY|trump|favors", HOSTILE_SUMMARY,
                        List.of(new Alert.Evidence(DemoStore.SCRIPT, "javascript:window.__pwned='alert'")), null));
                return null;
            });
        }
    }
}
