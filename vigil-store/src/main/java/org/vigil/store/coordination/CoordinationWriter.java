package org.vigil.store.coordination;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.vigil.model.Account;
import org.vigil.model.CandidateLean;
import org.vigil.model.CoordinatedNetwork;
import org.vigil.model.CoordinationEdge;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.SharedObject;
import org.vigil.model.Stance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes coordination results into tables of their own: {@code coordination_runs},
 * {@code coordination_networks}, {@code coordination_accounts}, {@code coordination_edges},
 * {@code coordination_evidence} and {@code coordination_leans}, all keyed by {@code run_id}.
 * Writing a run again replaces its rows, so a retried write is harmless. Rows go in through DuckDB's
 * appender (bulk, no SQL text); the few other statements are parameterised.
 */
public final class CoordinationWriter {
    /** The tables, created when missing; also usable as a store migration. */
    public static final List<String> SCHEMA = List.of(
            """
            CREATE TABLE IF NOT EXISTS coordination_runs (
              run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, method VARCHAR, inputs VARCHAR,
              settings VARCHAR, posts BIGINT, quarantined BIGINT, networks INTEGER, accounts INTEGER,
              edges INTEGER, stats VARCHAR)""",
            """
            CREATE TABLE IF NOT EXISTS coordination_networks (
              run_id VARCHAR, network_id INTEGER, size INTEGER, score DOUBLE, density DOUBLE,
              first_active TIMESTAMP, last_active TIMESTAMP, posts INTEGER, state_media_share DOUBLE,
              state_media_outlets VARCHAR, co_retweet INTEGER, co_link INTEGER, co_hashtag INTEGER,
              co_tweet INTEGER, co_similar_text INTEGER)""",
            """
            CREATE TABLE IF NOT EXISTS coordination_accounts (
              run_id VARCHAR, account_id VARCHAR, network_id INTEGER, score DOUBLE, posts INTEGER, partners INTEGER)""",
            """
            CREATE TABLE IF NOT EXISTS coordination_edges (
              run_id VARCHAR, source VARCHAR, target VARCHAR, network_id INTEGER, weight DOUBLE,
              co_retweet INTEGER, co_link INTEGER, co_hashtag INTEGER, co_tweet INTEGER, co_similar_text INTEGER)""",
            """
            CREATE TABLE IF NOT EXISTS coordination_evidence (
              run_id VARCHAR, network_id INTEGER, evidence VARCHAR, rank INTEGER, value VARCHAR,
              accounts INTEGER, shares INTEGER, first_seen TIMESTAMP, last_seen TIMESTAMP, detail VARCHAR)""",
            """
            CREATE TABLE IF NOT EXISTS coordination_leans (
              run_id VARCHAR, network_id INTEGER, candidate VARCHAR, lean VARCHAR, posts INTEGER,
              share DOUBLE, cues VARCHAR)""");

    private static final List<String> TABLES = List.of("coordination_networks", "coordination_accounts",
            "coordination_edges", "coordination_evidence", "coordination_leans", "coordination_runs");

    private final Connection connection;

    public CoordinationWriter(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "The parameter 'connection' must not be null.");
    }

    /** Creates the tables that do not exist yet. */
    public void createTables() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        }
    }

    /** Creates the tables if needed and stores {@code result} under {@code run.runId()}, replacing any earlier copy. */
    public void write(CoordinationRun run, CoordinationResult result) throws SQLException {
        createTables();
        for (String table : TABLES) {
            try (PreparedStatement p = connection.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                p.setString(1, run.runId());
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO coordination_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, run.runId());
            p.setObject(2, time(run.startedAt()));
            p.setString(3, run.method());
            p.setString(4, String.join("\n", run.inputs()));
            p.setString(5, lines(run.settings()));
            p.setLong(6, run.posts());
            p.setLong(7, run.quarantined());
            p.setInt(8, result.networks().size());
            p.setInt(9, result.accounts().size());
            p.setInt(10, result.edges().size());
            p.setString(11, lines(result.stats()));
            p.executeUpdate();
        }
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "coordination_networks")) {
            for (CoordinatedNetwork n : result.networks()) {
                a.beginRow().append(run.runId()).append(n.networkId()).append(n.size()).append(n.score()).append(n.density())
                        .append(time(n.firstActive())).append(time(n.lastActive())).append(n.posts())
                        .append(n.stateMediaShare()).append(String.join(", ", n.stateMediaOutlets()));
                for (CoordinationKind k : CoordinationKind.values()) {
                    a.append(n.coActions().getOrDefault(k, 0));
                }
                a.endRow();
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "coordination_accounts")) {
            for (Account x : result.accounts()) {
                a.beginRow().append(run.runId()).append(x.accountId()).append(x.networkId()).append(x.score())
                        .append(x.posts()).append(x.partners()).endRow();
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "coordination_edges")) {
            for (CoordinationEdge e : result.edges()) {
                a.beginRow().append(run.runId()).append(e.source()).append(e.target()).append(e.networkId()).append(e.significance());
                for (CoordinationKind k : CoordinationKind.values()) {
                    a.append(e.coActions().getOrDefault(k, 0));
                }
                a.endRow();
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "coordination_evidence")) {
            for (CoordinatedNetwork n : result.networks()) {
                evidence(a, run.runId(), n.networkId(), "link", n.evidence().links());
                evidence(a, run.runId(), n.networkId(), "domain", n.evidence().domains());
                evidence(a, run.runId(), n.networkId(), "hashtag", n.evidence().hashtags());
                evidence(a, run.runId(), n.networkId(), "text", n.evidence().texts());
                evidence(a, run.runId(), n.networkId(), "reshared_post", n.evidence().reshared());
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "coordination_leans")) {
            for (CoordinatedNetwork n : result.networks()) {
                for (CandidateLean l : n.leans()) {
                    a.beginRow().append(run.runId()).append(n.networkId()).append(l.candidate())
                            .append(l.lean() == Stance.FAVORS ? "push" : "attack").append(l.posts()).append(l.share())
                            .append(String.join(" ", l.cues())).endRow();
                }
            }
        }
    }

    private static void evidence(DuckDBAppender a, String runId, int network, String kind, List<SharedObject> objects)
            throws SQLException {
        int rank = 1;
        for (SharedObject o : objects) {
            a.beginRow().append(runId).append(network).append(kind).append(rank++).append(o.value()).append(o.accounts())
                    .append(o.shares()).append(time(o.firstSeen())).append(time(o.lastSeen())).append(o.detail()).endRow();
        }
    }

    private static LocalDateTime time(long epochSeconds) {
        return LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
    }

    private static LocalDateTime time(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String lines(Map<String, ?> m) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, ?> e : new TreeMap<>(m).entrySet()) {
            b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return b.toString();
    }
}
