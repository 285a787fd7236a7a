package org.vigil.exchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.VigilStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableExportTest {
    @TempDir
    Path dir;

    private static final List<String> TABLES = List.of("articles", "claims", "coordination_accounts", "coordination_edges",
            "coordination_evidence", "coordination_leans", "coordination_networks", "coordination_runs", "evidence", "incidents",
            "quarantine", "runs", "schema_migrations", "sources", "store_meta");

    private static long count(VigilStore store, String sql, String file) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (file != null) {
                    ps.setString(1, file);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void everyTableGoesToParquetAndReadsBackRowForRow() throws Exception {
        Path out = dir.resolve("parquet out");
        try (VigilStore store = ExchangeFixtures.store(dir)) {
            List<TableExport.Written> written = TableExport.export(store, TableExport.Format.PARQUET, out);
            assertThat(written).extracting(TableExport.Written::table).containsExactlyElementsOf(TABLES);
            for (TableExport.Written w : written) {
                assertThat(w.file()).isEqualTo(out.toAbsolutePath().resolve(w.table() + ".parquet"));
                long rows = count(store, "SELECT count(*) FROM \"" + w.table() + "\"", null);
                assertThat(w.rows()).as(w.table()).isEqualTo(rows);
                assertThat(count(store, "SELECT count(*) FROM read_parquet(?)", w.file().toString())).as(w.table()).isEqualTo(rows);
                // the same values, column for column and with their types: nothing in one that is not in the other
                assertThat(count(store, "SELECT count(*) FROM (SELECT * FROM \"" + w.table() + "\" EXCEPT ALL SELECT * FROM read_parquet(?))",
                        w.file().toString())).as(w.table()).isZero();
                assertThat(count(store, "SELECT count(*) FROM (SELECT * FROM read_parquet(?) EXCEPT ALL SELECT * FROM \"" + w.table() + "\")",
                        w.file().toString())).as(w.table()).isZero();
            }
            assertThat(count(store, "SELECT count(*) FROM read_parquet(?) WHERE hedged AND holder = 'RU'",
                    out.resolve("claims.parquet").toString())).isEqualTo(1);
        }
    }

    @Test
    void everyTableGoesToCsvWithAHeaderAndQuotedValues() throws Exception {
        Path out = dir.resolve("csv");
        try (VigilStore store = ExchangeFixtures.store(dir)) {
            List<TableExport.Written> written = TableExport.export(store, TableExport.Format.CSV, out);
            assertThat(written).extracting(TableExport.Written::table).containsExactlyElementsOf(TABLES);
            assertThat(count(store, "SELECT count(*) FROM read_csv(?, header = true)", out.resolve("claims.csv").toString())).isEqualTo(3);
        }
        List<String> accounts = Files.readAllLines(out.resolve("coordination_accounts.csv"));
        assertThat(accounts).containsExactly("run_id,account_id,network_id,score,posts,partners",
                "run-1,acct_a,0,0.9,20,2", "run-1,acct_b,0,0.8,12,1", "run-1,\"acct \"\"c\"\" <&>\",0,0.7,10,1");
    }

    @Test
    void aFolderNameWithAQuoteIsStillOneLiteral() throws Exception {
        Path out = dir.resolve("it's here");
        try (VigilStore store = ExchangeFixtures.store(dir)) {
            TableExport.export(store, TableExport.Format.CSV, out);
        }
        assertThat(out.resolve("articles.csv")).exists();
    }

    @Test
    void anUnknownFormatNamesTheTwoThereAre() {
        assertThatThrownBy(() -> TableExport.format("xlsx")).hasMessage("unknown export format 'xlsx': use csv or parquet");
    }
}
