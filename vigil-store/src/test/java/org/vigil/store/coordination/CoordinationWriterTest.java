package org.vigil.store.coordination;

import org.junit.jupiter.api.Test;
import org.vigil.model.Account;
import org.vigil.model.CandidateLean;
import org.vigil.model.CoordinatedNetwork;
import org.vigil.model.CoordinationEdge;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.NetworkEvidence;
import org.vigil.model.SharedObject;
import org.vigil.model.Stance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CoordinationWriterTest {
    private static final String HOSTILE = "'); DROP TABLE coordination_runs; -- \"quoted\" <b>&amp;</b> \u0000";

    private static CoordinationResult result() {
        SharedObject link = new SharedObject(CoordinationKind.CO_LINK, "https://rt.com/a?x=1'", 5, 9, 1_700_000_000L, 1_700_000_500L, "RT");
        SharedObject text = new SharedObject(CoordinationKind.CO_TWEET, HOSTILE, 3, 3, 1_700_000_100L, 1_700_000_130L, "");
        NetworkEvidence ev = new NetworkEvidence(List.of(link), List.of(), List.of(), List.of(text), List.of());
        CoordinatedNetwork n = new CoordinatedNetwork(1, List.of("a", HOSTILE), 0.9, 1.0, 1_700_000_000L, 1_700_000_500L, 40,
                Map.of(CoordinationKind.CO_LINK, 12), ev, 0.25, List.of("RT"),
                List.of(new CandidateLean("clinton", Stance.OPPOSES, 7, 0.175, List.of("#crookedhillary"))));
        return new CoordinationResult(
                List.of(new Account("a", 1, 0.8, 20, 1), new Account(HOSTILE, 1, 0.7, 20, 1)), List.of(n),
                List.of(new CoordinationEdge("a", HOSTILE, 1, 12.5, Map.of(CoordinationKind.CO_LINK, 12))),
                Map.of("posts", 100L));
    }

    private static CoordinationRun run(String id) {
        return new CoordinationRun(id, Instant.parse("2024-10-01T00:00:00Z"), List.of("posts.csv"), "vigil",
                Map.of("coordination.window.seconds", "60"), 100, 2);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aResultIsStoredInItsOwnTablesAndReadsBackUnchanged() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            new CoordinationWriter(c).write(run("r1"), result());
            assertThat(count(c, "SELECT count(*) FROM coordination_runs")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM coordination_accounts WHERE run_id = 'r1'")).isEqualTo(2);
            assertThat(count(c, "SELECT count(*) FROM coordination_edges")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM coordination_evidence")).isEqualTo(2);
            assertThat(count(c, "SELECT count(*) FROM coordination_leans")).isEqualTo(1);
            assertThat(count(c, "SELECT co_link FROM coordination_networks")).isEqualTo(12);
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT value, first_seen FROM coordination_evidence WHERE evidence = 'text'")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo(HOSTILE);
                assertThat(r.getObject(2).toString()).startsWith("2023-11-14");
            }
        }
    }

    @Test
    void writingARunAgainReplacesItsRowsAndKeepsOtherRuns() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            CoordinationWriter w = new CoordinationWriter(c);
            w.write(run("r1"), result());
            w.write(run("r2"), result());
            w.write(run("r1"), result());
            assertThat(count(c, "SELECT count(*) FROM coordination_runs")).isEqualTo(2);
            assertThat(count(c, "SELECT count(*) FROM coordination_accounts")).isEqualTo(4);
            assertThat(count(c, "SELECT count(*) FROM coordination_accounts WHERE run_id = 'r1'")).isEqualTo(2);
        }
    }

    @Test
    void creatingTheTablesTwiceIsHarmless() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            new CoordinationWriter(c).createTables();
            new CoordinationWriter(c).createTables();
            assertThat(count(c, "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'coordination_%'")).isEqualTo(6);
        }
    }
}
