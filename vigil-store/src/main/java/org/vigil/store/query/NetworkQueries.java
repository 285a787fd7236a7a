package org.vigil.store.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vigil.store.VigilStore;

/**
 * Reads what {@code vigil coordinate} stored: runs, networks, members, shared objects, links and
 * accounts. A store that never held a coordination run answers with empty lists, not errors.
 * Every method takes the run to read; {@link #latestRunId()} names the newest.
 */
public final class NetworkQueries {
    /** Co-action columns in the order of the store's tables, with the keys used in outputs. */
    private static final String[][] KINDS = {
            {"co_retweet", "co-retweet"}, {"co_link", "co-link"}, {"co_hashtag", "co-hashtag"},
            {"co_tweet", "co-tweet"}, {"co_similar_text", "co-similar-text"}};
    private static final String KIND_COLUMNS = String.join(", ", Arrays.stream(KINDS).map(k -> k[0]).toList());
    private static final String NETWORK_COLUMNS = "run_id, network_id, size, score, density, "
            + "CAST(epoch(first_active) AS BIGINT), CAST(epoch(last_active) AS BIGINT), posts, state_media_share, "
            + "state_media_outlets, " + KIND_COLUMNS;
    /** Most nodes a graph answer holds: Cytoscape draws a few thousand nodes before a browser struggles. */
    public static final int MAX_GRAPH_NODES = 2000;
    /** Most edges a graph answer holds. */
    public static final int MAX_GRAPH_EDGES = 20_000;

    private final VigilStore store;
    /** Tables seen to exist; Vigil never drops them, so a yes is kept (a no is asked again: a run may be stored later). */
    private final java.util.Set<String> present = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public NetworkQueries(VigilStore store) {
        this.store = Objects.requireNonNull(store, "The parameter 'store' must not be null.");
    }

    /** Every stored coordination run, newest first. */
    public List<CoordinationRunRow> runs() {
        return store.read(c -> {
            if (!exists(c, "coordination_runs")) {
                return List.of();
            }
            return Jdbc.list(c, """
                    SELECT run_id, CAST(epoch(started_at) AS BIGINT), method, inputs, posts, quarantined,
                           networks, accounts, edges
                    FROM coordination_runs ORDER BY started_at DESC NULLS LAST, run_id""",
                    rs -> new CoordinationRunRow(rs.getString(1), Jdbc.instant(rs, 2), rs.getString(3),
                            lines(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)));
        });
    }

    /** The id of the newest run, or empty when the store holds none. */
    public Optional<String> latestRunId() {
        List<CoordinationRunRow> runs = runs();
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0).runId());
    }

    /** Whether {@code runId} names a stored run. */
    public boolean hasRun(String runId) {
        Bounds.notNull(runId, "runId");
        return store.read(c -> exists(c, "coordination_runs")
                && !Jdbc.list(c, "SELECT 1 FROM coordination_runs WHERE run_id = ?", rs -> 1, runId).isEmpty());
    }

    /** One page of the networks of {@code runId} passing {@code filter}, in its order, each with its leans. */
    public Page<NetworkRow> networks(String runId, NetworkFilter filter, int offset, int limit) {
        Bounds.notNull(runId, "runId");
        Bounds.notNull(filter, "filter");
        Bounds.page(offset, limit);
        return store.read(c -> {
            if (!exists(c, "coordination_networks")) {
                return Page.<NetworkRow>empty(offset, limit);
            }
            Where w = networkWhere(runId, filter);
            List<NetworkRow> rows = Jdbc.page(c, "SELECT " + NETWORK_COLUMNS + " FROM coordination_networks n", w,
                    filter.sort().orderBy(), offset, limit, NetworkQueries::network);
            // a first page that is not full already says how many there are
            long total = offset == 0 && rows.size() < limit ? rows.size() : Jdbc.count(c, "FROM coordination_networks n", w);
            return new Page<>(total, offset, limit, withLeans(c, runId, rows));
        });
    }

    private static Where networkWhere(String runId, NetworkFilter f) {
        Where w = new Where().and("run_id = ?", runId)
                .andIf(f.minSize(), "size >= ?")
                .andIf(f.minScore(), "score >= ?");
        if (!f.outlets().isEmpty()) {
            String any = String.join(" OR ", Collections.nCopies(f.outlets().size(),
                    "list_contains(string_split(state_media_outlets, ', '), ?)"));
            w.and(any, f.outlets().toArray());
        }
        if (f.candidate() != null || f.lean() != null) {
            StringBuilder lean = new StringBuilder("EXISTS (SELECT 1 FROM coordination_leans l "
                    + "WHERE l.run_id = n.run_id AND l.network_id = n.network_id");
            List<Object> values = new ArrayList<>();
            if (f.candidate() != null) {
                lean.append(" AND l.candidate = ?");
                values.add(f.candidate());
            }
            if (f.lean() != null) {
                lean.append(" AND l.lean = ?");
                values.add(f.lean());
            }
            w.and(lean.append(')').toString(), values.toArray());
        }
        return w;
    }

    /** One network of {@code runId} with its leans, or empty when the run has no such network. */
    public Optional<NetworkRow> network(String runId, int networkId) {
        Bounds.notNull(runId, "runId");
        return store.read(c -> {
            if (!exists(c, "coordination_networks")) {
                return Optional.<NetworkRow>empty();
            }
            List<NetworkRow> rows = Jdbc.list(c, "SELECT " + NETWORK_COLUMNS
                    + " FROM coordination_networks WHERE run_id = ? AND network_id = ?", NetworkQueries::network, runId, networkId);
            return withLeans(c, runId, rows).stream().findFirst();
        });
    }

    /** The members of a network, firmest first. */
    public Page<AccountRow> members(String runId, int networkId, int offset, int limit) {
        Bounds.notNull(runId, "runId");
        Bounds.page(offset, limit);
        return store.read(c -> {
            if (!exists(c, "coordination_accounts")) {
                return Page.<AccountRow>empty(offset, limit);
            }
            Where w = new Where().and("run_id = ?", runId).and("network_id = ?", networkId);
            long total = Jdbc.count(c, "FROM coordination_accounts", w);
            return new Page<>(total, offset, limit, Jdbc.page(c,
                    "SELECT account_id, network_id, score, posts, partners FROM coordination_accounts", w,
                    "score DESC, account_id", offset, limit, NetworkQueries::account));
        });
    }

    /**
     * The objects a network shared, as evidence: of one {@code kind} (null: all kinds), ordered by
     * kind and rank, or with {@code byTime} by when they were first shared (for an activity timeline).
     */
    public Page<SharedObjectRow> sharedObjects(String runId, int networkId, String kind, boolean byTime, int offset, int limit) {
        Bounds.notNull(runId, "runId");
        Bounds.page(offset, limit);
        if (kind != null && !SharedObjectRow.KINDS.contains(kind)) {
            throw new IllegalArgumentException("The parameter 'kind' must be one of " + String.join(", ", SharedObjectRow.KINDS)
                    + ", got '" + kind + "'.");
        }
        return store.read(c -> {
            if (!exists(c, "coordination_evidence")) {
                return Page.<SharedObjectRow>empty(offset, limit);
            }
            Where w = new Where().and("run_id = ?", runId).and("network_id = ?", networkId).andIf(kind, "evidence = ?");
            long total = Jdbc.count(c, "FROM coordination_evidence", w);
            String order = byTime ? "first_seen NULLS LAST, evidence, rank"
                    : "CASE evidence WHEN 'link' THEN 1 WHEN 'domain' THEN 2 WHEN 'hashtag' THEN 3 WHEN 'text' THEN 4 ELSE 5 END, rank";
            return new Page<>(total, offset, limit, Jdbc.page(c, """
                    SELECT evidence, rank, value, accounts, shares, CAST(epoch(first_seen) AS BIGINT),
                           CAST(epoch(last_seen) AS BIGINT), detail
                    FROM coordination_evidence""", w, order, offset, limit,
                    rs -> new SharedObjectRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            Jdbc.instant(rs, 6), Jdbc.instant(rs, 7), rs.getString(8) == null ? "" : rs.getString(8))));
        });
    }

    /**
     * A drawable graph of one network: its {@code maxNodes} firmest members and, among them, the
     * {@code maxEdges} strongest links.
     */
    public NetworkGraph graph(String runId, int networkId, int maxNodes, int maxEdges) {
        Bounds.notNull(runId, "runId");
        if (maxNodes < 1 || maxNodes > MAX_GRAPH_NODES) {
            throw new IllegalArgumentException("The parameter 'maxNodes' must be between 1 and " + MAX_GRAPH_NODES + ", got " + maxNodes + ".");
        }
        if (maxEdges < 0 || maxEdges > MAX_GRAPH_EDGES) {
            throw new IllegalArgumentException("The parameter 'maxEdges' must be between 0 and " + MAX_GRAPH_EDGES + ", got " + maxEdges + ".");
        }
        return store.read(c -> {
            if (!exists(c, "coordination_accounts") || !exists(c, "coordination_edges")) {
                return new NetworkGraph(List.of(), List.of(), 0, 0);
            }
            Where members = new Where().and("run_id = ?", runId).and("network_id = ?", networkId);
            long totalNodes = Jdbc.count(c, "FROM coordination_accounts", members);
            long totalEdges = Jdbc.count(c, "FROM coordination_edges", members);
            List<AccountRow> nodes = Jdbc.page(c, "SELECT account_id, network_id, score, posts, partners FROM coordination_accounts",
                    members, "score DESC, account_id", 0, maxNodes, NetworkQueries::account);
            List<EdgeRow> edges = maxEdges == 0 ? List.of() : Jdbc.list(c, """
                    WITH top AS (SELECT account_id FROM coordination_accounts WHERE run_id = ? AND network_id = ?
                                 ORDER BY score DESC, account_id LIMIT ?)
                    SELECT source, target, network_id, weight, """ + KIND_COLUMNS + """
                     FROM coordination_edges
                    WHERE run_id = ? AND network_id = ?
                      AND source IN (SELECT account_id FROM top) AND target IN (SELECT account_id FROM top)
                    ORDER BY weight DESC, source, target LIMIT ?""",
                    NetworkQueries::edge, runId, networkId, maxNodes, runId, networkId, maxEdges);
            return new NetworkGraph(nodes, edges, totalNodes, totalEdges);
        });
    }

    /** Accounts placed in networks by {@code runId}: those whose id contains {@code search} (any case), of one network, firmest first. */
    public Page<AccountRow> accounts(String runId, String search, Integer networkId, int offset, int limit) {
        Bounds.notNull(runId, "runId");
        Bounds.page(offset, limit);
        return store.read(c -> {
            if (!exists(c, "coordination_accounts")) {
                return Page.<AccountRow>empty(offset, limit);
            }
            Where w = new Where().and("run_id = ?", runId).andIf(networkId, "network_id = ?");
            if (search != null && !search.isEmpty()) {
                w.and("contains(lower(account_id), lower(?))", search);
            }
            long total = Jdbc.count(c, "FROM coordination_accounts", w);
            return new Page<>(total, offset, limit, Jdbc.page(c,
                    "SELECT account_id, network_id, score, posts, partners FROM coordination_accounts", w,
                    "score DESC, account_id", offset, limit, NetworkQueries::account));
        });
    }

    /** Where {@code runId} placed {@code accountId}, or empty when it is in no network of that run. */
    public Optional<AccountRow> account(String runId, String accountId) {
        Bounds.notNull(runId, "runId");
        Bounds.notNull(accountId, "accountId");
        return store.read(c -> {
            if (!exists(c, "coordination_accounts")) {
                return Optional.<AccountRow>empty();
            }
            return Jdbc.list(c, "SELECT account_id, network_id, score, posts, partners FROM coordination_accounts "
                    + "WHERE run_id = ? AND account_id = ? ORDER BY network_id", NetworkQueries::account, runId, accountId)
                    .stream().findFirst();
        });
    }

    /** The significant links of one account in {@code runId}, strongest first; {@code source} is always the account. */
    public Page<EdgeRow> links(String runId, String accountId, int offset, int limit) {
        Bounds.notNull(runId, "runId");
        Bounds.notNull(accountId, "accountId");
        Bounds.page(offset, limit);
        return store.read(c -> {
            if (!exists(c, "coordination_edges")) {
                return Page.<EdgeRow>empty(offset, limit);
            }
            Where w = new Where().and("run_id = ?", runId).and("source = ? OR target = ?", accountId, accountId);
            long total = Jdbc.count(c, "FROM coordination_edges", w);
            List<EdgeRow> rows = Jdbc.page(c, "SELECT source, target, network_id, weight, " + KIND_COLUMNS
                    + " FROM coordination_edges", w, "weight DESC, source, target", offset, limit, NetworkQueries::edge);
            List<EdgeRow> oriented = new ArrayList<>(rows.size());
            for (EdgeRow e : rows) {
                oriented.add(e.source().equals(accountId) ? e
                        : new EdgeRow(e.target(), e.source(), e.networkId(), e.weight(), e.coActions()));
            }
            return new Page<>(total, offset, limit, oriented);
        });
    }

    private boolean exists(Connection c, String table) throws SQLException {
        if (present.contains(table)) {
            return true;
        }
        boolean yes = Jdbc.tableExists(c, table);
        if (yes) {
            present.add(table);
        }
        return yes;
    }

    private static NetworkRow network(ResultSet rs) throws SQLException {
        String outlets = rs.getString(10);
        return new NetworkRow(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4), rs.getDouble(5),
                Jdbc.instant(rs, 6), Jdbc.instant(rs, 7), rs.getInt(8), rs.getDouble(9),
                outlets == null || outlets.isBlank() ? List.of() : List.of(outlets.split(", ")),
                kinds(rs, 11), List.of());
    }

    private static AccountRow account(ResultSet rs) throws SQLException {
        return new AccountRow(rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5));
    }

    private static EdgeRow edge(ResultSet rs) throws SQLException {
        return new EdgeRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), kinds(rs, 5));
    }

    private static Map<String, Integer> kinds(ResultSet rs, int first) throws SQLException {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < KINDS.length; i++) {
            m.put(KINDS[i][1], rs.getInt(first + i));
        }
        return m;
    }

    /** Adds each network's leans with one query for the whole page. */
    private List<NetworkRow> withLeans(Connection c, String runId, List<NetworkRow> rows) throws SQLException {
        if (rows.isEmpty() || !exists(c, "coordination_leans")) {
            return rows;
        }
        Object[] bound = new Object[rows.size() + 1];
        bound[0] = runId;
        for (int i = 0; i < rows.size(); i++) {
            bound[i + 1] = rows.get(i).networkId();
        }
        record Lean(int networkId, LeanRow row) {
        }
        List<Lean> leans = Jdbc.list(c, "SELECT network_id, candidate, lean, posts, share, cues FROM coordination_leans "
                        + "WHERE run_id = ? AND network_id IN (" + String.join(", ", Collections.nCopies(rows.size(), "?"))
                        + ") ORDER BY network_id, posts DESC, candidate, lean",
                rs -> new Lean(rs.getInt(1), new LeanRow(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getDouble(5),
                        rs.getString(6) == null || rs.getString(6).isBlank() ? List.of() : List.of(rs.getString(6).split(" ")))),
                bound);
        Map<Integer, List<LeanRow>> byNetwork = new HashMap<>();
        for (Lean l : leans) {
            byNetwork.computeIfAbsent(l.networkId(), k -> new ArrayList<>()).add(l.row());
        }
        List<NetworkRow> out = new ArrayList<>(rows.size());
        for (NetworkRow n : rows) {
            out.add(new NetworkRow(n.runId(), n.networkId(), n.size(), n.score(), n.density(), n.firstActive(), n.lastActive(),
                    n.posts(), n.stateMediaShare(), n.stateMediaOutlets(), n.coActions(),
                    byNetwork.getOrDefault(n.networkId(), List.of())));
        }
        return out;
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }
}
