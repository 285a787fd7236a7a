package org.vigil.exchange;

import org.vigil.model.Account;
import org.vigil.model.CoordinationEdge;
import org.vigil.model.CoordinationKind;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The accounts and significant links of one coordination run kept in the store, as the run wrote them. */
public record StoredRun(String runId, List<Account> accounts, List<CoordinationEdge> edges) {
    public StoredRun {
        accounts = List.copyOf(accounts);
        edges = List.copyOf(edges);
    }

    /** Reads run {@code runId}; fails with the ids of the stored runs when there is no such run. */
    public static StoredRun load(VigilStore store, String runId) {
        return load(store, runId, ExportProgress.NONE);
    }

    /** As {@link #load(VigilStore, String)}, telling {@code progress} of the accounts and links read out of the run's counts. */
    public static StoredRun load(VigilStore store, String runId, ExportProgress progress) {
        Objects.requireNonNull(store, "The parameter 'store' must not be null.");
        Objects.requireNonNull(runId, "The parameter 'runId' must not be null.");
        Objects.requireNonNull(progress, "The parameter 'progress' must not be null.");
        return store.read(c -> {
            List<String> runs = runs(c);
            if (!runs.contains(runId)) {
                throw new VigilException("no coordination run '" + runId + "' in the Vigil store at " + store.path()
                        + (runs.isEmpty() ? ": run 'vigil coordinate --db' first" : ": stored runs are " + String.join(", ", runs)));
            }
            long total = count(c, "coordination_accounts", runId);
            List<Account> accounts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT account_id, network_id, score, posts, partners FROM coordination_accounts
                    WHERE run_id = ? ORDER BY network_id, account_id""")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        accounts.add(new Account(rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5)));
                        progress.progress("accounts read", accounts.size(), total);
                    }
                }
            }
            total = count(c, "coordination_edges", runId);
            List<CoordinationEdge> edges = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT source, target, network_id, weight, co_retweet, co_link, co_hashtag, co_tweet, co_similar_text
                    FROM coordination_edges WHERE run_id = ? ORDER BY source, target""")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<CoordinationKind, Integer> co = new EnumMap<>(CoordinationKind.class);
                        CoordinationKind[] kinds = {CoordinationKind.CO_RETWEET, CoordinationKind.CO_LINK,
                                CoordinationKind.CO_HASHTAG, CoordinationKind.CO_TWEET, CoordinationKind.CO_SIMILAR_TEXT};
                        for (int i = 0; i < kinds.length; i++) {
                            int n = rs.getInt(5 + i);
                            if (n > 0) {
                                co.put(kinds[i], n);
                            }
                        }
                        edges.add(new CoordinationEdge(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), co));
                        progress.progress("links read", edges.size(), total);
                    }
                }
            }
            return new StoredRun(runId, accounts, edges);
        });
    }

    /** How many rows of {@code table} (a name from this class, never user text) belong to the run. */
    private static long count(Connection c, String table, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static List<String> runs(Connection c) throws SQLException {
        List<String> runs = new ArrayList<>();
        if (!ExchangeSchema.tableExists(c, "coordination_runs")) {
            return runs;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id FROM coordination_runs ORDER BY started_at, run_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                runs.add(rs.getString(1));
            }
        }
        return runs;
    }
}
