package org.vigil.app.serve;

import java.util.List;
import org.vigil.store.VigilStore;
import org.vigil.store.watch.Alert;
import org.vigil.store.watch.WatchLedger;

/** {@code /api/alerts}: what {@code vigil watch} raised, newest first, with the evidence of each. */
final class AlertsApi {
    static final List<String> KINDS = List.of("new-cell", "balance-shift", "first-technique", "new-network", "network-grew");

    private final VigilStore store;

    AlertsApi(VigilStore store) {
        this.store = store;
    }

    List<Endpoint> endpoints() {
        return List.of(new Endpoint("/api/alerts", "watch", "The latest alerts",
                "Alerts raised by vigil watch, newest first: a new state-candidate-stance cell, a balance shift, a state's first "
                        + "incident of a technique, a new or growing coordinated network; each with its sentences, article links and "
                        + "network id. Empty when the store was never watched.",
                List.of(Param.choice("kind", null, KINDS, "Only alerts of this kind."), Param.offset(), Param.limit(50)),
                this::alerts));
    }

    private Object alerts(Args a) {
        String kind = a.text("kind");
        return store.read(c -> {
            WatchLedger ledger = new WatchLedger(c);
            if (!ledger.hasTables()) {
                return Json.page(0, a.offset(), a.limit(), List.of());
            }
            List<Alert> alerts = ledger.alerts(kind, a.offset(), a.limit());
            return Json.page(ledger.alertCount(kind), a.offset(), a.limit(), alerts);
        });
    }
}
