package org.vigil.app.watch;

import org.vigil.model.CoordinatedNetwork;
import org.vigil.model.SharedObject;
import org.vigil.store.watch.Alert;
import org.vigil.store.watch.NewsPicture;
import org.vigil.store.watch.WatchLedger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares what the store says now with what it said when the last alerts were raised (the
 * baseline) and names what changed. A balance's baseline moves only when it raises an alert, so a
 * slow drift past the threshold is caught too. An alert's id hashes what it reports, so a poll
 * repeated after a crash raises nothing twice.
 */
final class AlertDetector {
    private final WatchSettings settings;

    AlertDetector(WatchSettings settings) {
        this.settings = settings;
    }

    /** The news alerts, and the baseline to keep for next time (written into {@code nextBaseline}). */
    List<Alert> news(Connection c, NewsPicture now, Map<String, Double> baseline, Map<String, Double> nextBaseline, Instant at)
            throws SQLException {
        List<Alert> alerts = new ArrayList<>();
        Map<String, long[]> balances = new TreeMap<>(); // holder|target -> favors, opposes, total
        for (Map.Entry<String, Long> e : now.cells.entrySet()) {
            String[] k = e.getKey().split("\\|", -1);
            String key = "cell|" + e.getKey();
            nextBaseline.put(key, e.getValue().doubleValue());
            if (!baseline.containsKey(key)) {
                String what = switch (k[2]) {
                    case "favors" -> "newly reported to favour " + k[1];
                    case "opposes" -> "newly reported to oppose " + k[1];
                    default -> "newly reported to have no clear preference in the race";
                };
                alerts.add(alert(at, "new-cell", e.getKey(), k[0] + " " + what + " (" + articles(e.getValue()) + ")",
                        NewsPicture.cellEvidence(c, k[0], k[1], k[2], settings.evidence()), null, ""));
            }
            if (!k[1].equals("*")) {
                long[] b = balances.computeIfAbsent(k[0] + "|" + k[1], x -> new long[3]);
                if (k[2].equals("favors")) {
                    b[0] += e.getValue();
                } else if (k[2].equals("opposes")) {
                    b[1] += e.getValue();
                }
                b[2] += e.getValue();
            }
        }
        for (Map.Entry<String, long[]> e : balances.entrySet()) {
            long[] b = e.getValue();
            double share = (b[0] - b[1]) / (double) b[2];
            String key = "balance|" + e.getKey();
            Double before = baseline.get(key);
            if (before == null) {
                nextBaseline.put(key, share);
                continue;
            }
            if (b[2] >= settings.balanceMinArticles() && Math.abs(share - before) >= settings.balanceShift()) {
                String[] k = e.getKey().split("\\|", -1);
                String stance = share > before ? "favors" : "opposes";
                alerts.add(alert(at, "balance-shift", e.getKey(), String.format(Locale.ROOT,
                                "%s on %s: balance moved from %+.2f to %+.2f over %s", k[0], k[1], before, share, articles(b[2])),
                        NewsPicture.cellEvidence(c, k[0], k[1], stance, settings.evidence()), null,
                        String.format(Locale.ROOT, "%.2f", share)));
                nextBaseline.put(key, share);
            } else {
                nextBaseline.put(key, before);
            }
        }
        for (Map.Entry<String, Long> e : now.techniques.entrySet()) {
            String key = "technique|" + e.getKey();
            nextBaseline.put(key, e.getValue().doubleValue());
            if (!baseline.containsKey(key)) {
                String[] k = e.getKey().split("\\|", -1);
                alerts.add(alert(at, "first-technique", e.getKey(), "first report of " + k[1].replace('_', ' ') + " by " + k[0]
                                + " (" + articles(e.getValue()) + ")",
                        NewsPicture.techniqueEvidence(c, k[0], k[1], settings.evidence()), null, ""));
            }
        }
        return alerts;
    }

    /**
     * The network alerts of one post folder: a network that shares no more than
     * {@code alerts.network.overlap} of any earlier network's accounts is new; one that does and
     * has {@code alerts.network.growth} more accounts grew. {@code next} gets the networks to keep.
     */
    List<Alert> networks(String source, String runId, List<CoordinatedNetwork> now, List<WatchLedger.Network> before,
                         List<WatchLedger.Network> next, Instant at) {
        List<Alert> alerts = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        for (CoordinatedNetwork n : now) {
            Set<String> accounts = new TreeSet<>(n.accounts());
            WatchLedger.Network best = null;
            int bestShared = 0;
            for (WatchLedger.Network b : before) {
                if (matched.contains(b.key())) {
                    continue;
                }
                int shared = 0;
                for (String a : b.accounts()) {
                    if (accounts.contains(a)) {
                        shared++;
                    }
                }
                if (shared > bestShared && shared >= settings.networkOverlap() * b.accounts().size()) {
                    best = b;
                    bestShared = shared;
                }
            }
            List<Alert.Evidence> evidence = networkEvidence(n);
            if (best == null) {
                String key = runId + "#" + n.networkId();
                next.add(new WatchLedger.Network(source, key, List.copyOf(accounts)));
                alerts.add(alert(at, "new-network", key, String.format(Locale.ROOT,
                        "new coordinated network of %d accounts (score %.2f, %d posts) in %s", n.size(), n.score(), n.posts(), source),
                        evidence, key, ""));
                continue;
            }
            matched.add(best.key());
            int old = best.accounts().size();
            if (n.size() > old && n.size() >= old * (1 + settings.networkGrowth())) {
                next.add(new WatchLedger.Network(source, best.key(), List.copyOf(accounts)));
                alerts.add(alert(at, "network-grew", best.key(), String.format(Locale.ROOT,
                        "coordinated network %s grew from %d to %d accounts (+%.0f%%) in %s", best.key(), old, n.size(),
                        100.0 * (n.size() - old) / old, source), evidence, best.key(), Integer.toString(n.size())));
            } else {
                next.add(best);
            }
        }
        for (WatchLedger.Network b : before) {
            if (!matched.contains(b.key()) && next.stream().noneMatch(x -> x.key().equals(b.key()))) {
                next.add(b); // not seen this run: kept, so its return is not "new"
            }
        }
        return alerts;
    }

    private List<Alert.Evidence> networkEvidence(CoordinatedNetwork n) {
        List<Alert.Evidence> out = new ArrayList<>();
        List<SharedObject> objects = new ArrayList<>(n.evidence().links());
        objects.addAll(n.evidence().texts());
        objects.addAll(n.evidence().hashtags());
        for (SharedObject o : objects) {
            if (out.size() >= settings.evidence()) {
                break;
            }
            String what = o.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " of '" + o.value() + "' by "
                    + o.accounts() + " accounts, " + o.shares() + " shares";
            boolean link = o.value().startsWith("http://") || o.value().startsWith("https://");
            out.add(new Alert.Evidence(what, link ? o.value() : null));
        }
        return out;
    }

    private static String articles(long n) {
        return n == 1 ? "1 article" : n + " articles";
    }

    private static Alert alert(Instant at, String kind, String subject, String summary, List<Alert.Evidence> evidence,
                               String networkId, String value) {
        return new Alert(id(kind + "\n" + subject + "\n" + value), at, kind, subject, summary, evidence, networkId);
    }

    static String id(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
