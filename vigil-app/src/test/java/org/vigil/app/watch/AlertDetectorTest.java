package org.vigil.app.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vigil.model.CoordinatedNetwork;
import org.vigil.model.CoordinationKind;
import org.vigil.model.NetworkEvidence;
import org.vigil.model.SharedObject;
import org.vigil.store.watch.Alert;
import org.vigil.store.watch.WatchLedger;

class AlertDetectorTest {
    static final Instant AT = Instant.parse("2024-10-20T08:00:00Z");
    final AlertDetector detector = new AlertDetector(WatchSettings.defaults());

    static List<String> accounts(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    static CoordinatedNetwork network(int id, List<String> accounts) {
        NetworkEvidence evidence = new NetworkEvidence(
                List.of(new SharedObject(CoordinationKind.CO_LINK, "https://fresh.example/story", accounts.size(), 40, 0, 60, "")),
                List.of(), List.of(), List.of(), List.of());
        return new CoordinatedNetwork(id, accounts, 0.8, 0.9, 0, 3600, 120, Map.of(CoordinationKind.CO_LINK, 40), evidence,
                0.0, List.of(), List.of());
    }

    @Test
    void aNetworkSharingTooFewAccountsWithAnyEarlierOneIsNew() {
        List<WatchLedger.Network> before = List.of(new WatchLedger.Network("posts", "run1#1", accounts("a", 10)));
        List<WatchLedger.Network> next = new ArrayList<>();
        List<String> mixed = new ArrayList<>(accounts("a", 4)); // 4 of 10: below the 0.5 overlap
        mixed.addAll(accounts("b", 8));
        List<Alert> alerts = detector.networks("posts", "run2", List.of(network(3, mixed)), before, next, AT);

        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.kind()).isEqualTo("new-network");
        assertThat(a.networkId()).isEqualTo("run2#3");
        assertThat(a.summary()).isEqualTo("new coordinated network of 12 accounts (score 0.80, 120 posts) in posts");
        assertThat(a.evidence()).containsExactly(
                new Alert.Evidence("co-link of 'https://fresh.example/story' by 12 accounts, 40 shares", "https://fresh.example/story"));
        assertThat(next).extracting(WatchLedger.Network::key).containsExactlyInAnyOrder("run1#1", "run2#3");
    }

    @Test
    void aNetworkThatKeptItsAccountsAndGainedAQuarterMoreGrew() {
        List<WatchLedger.Network> before = List.of(new WatchLedger.Network("posts", "run1#1", accounts("a", 8)));
        List<String> grown = new ArrayList<>(accounts("a", 8));
        grown.addAll(accounts("c", 2)); // 8 -> 10: +25%
        List<WatchLedger.Network> next = new ArrayList<>();
        List<Alert> alerts = detector.networks("posts", "run2", List.of(network(1, grown)), before, next, AT);

        assertThat(alerts).extracting(Alert::kind, Alert::networkId).containsExactly(org.assertj.core.groups.Tuple.tuple("network-grew", "run1#1"));
        assertThat(alerts.get(0).summary()).isEqualTo("coordinated network run1#1 grew from 8 to 10 accounts (+25%) in posts");
        assertThat(next).singleElement().satisfies(n -> assertThat(n.accounts()).hasSize(10));
    }

    @Test
    void aNetworkThatGainedLessThanTheThresholdRaisesNothingAndKeepsItsBaseline() {
        List<WatchLedger.Network> before = List.of(new WatchLedger.Network("posts", "run1#1", accounts("a", 10)));
        List<String> grown = new ArrayList<>(accounts("a", 10));
        grown.addAll(accounts("c", 2)); // +20%, under 25%
        List<WatchLedger.Network> next = new ArrayList<>();
        assertThat(detector.networks("posts", "run2", List.of(network(5, grown)), before, next, AT)).isEmpty();
        assertThat(next).singleElement().satisfies(n -> {
            assertThat(n.key()).isEqualTo("run1#1");
            assertThat(n.accounts()).hasSize(10);
        });
    }

    @Test
    void theSameReportTwiceHasTheSameAlertId() {
        List<WatchLedger.Network> next = new ArrayList<>();
        String first = detector.networks("posts", "run2", List.of(network(3, accounts("b", 5))), List.of(), next, AT).get(0).id();
        String again = detector.networks("posts", "run2", List.of(network(3, accounts("b", 5))), List.of(), new ArrayList<>(),
                AT.plusSeconds(60)).get(0).id();
        assertThat(again).isEqualTo(first).hasSize(16);
    }
}
