package org.vigil.app.serve;

import org.vigil.output.CoordinationOutputs;
import org.vigil.exchange.CuratedIntel;
import org.vigil.exchange.StixExporter;
import org.vigil.exchange.StoredRun;
import org.vigil.exchange.TableExport;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;
import org.vigil.store.query.NetworkQueries;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The exports the dashboard offers for what a page shows (a STIX bundle, one table as CSV or
 * Parquet, a run as GEXF) and the curated intelligence imported with {@code vigil import stix}.
 * Exports are built in memory or a temporary file per request: they are for a page's worth of
 * findings; 'vigil export' is the tool for a whole large store.
 */
final class ExchangeApi {
    private static final String TABLE_PATTERN = "[a-z0-9_]+";
    private final VigilStore store;

    ExchangeApi(VigilStore store) {
        this.store = store;
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("/api/intel", "exchange", "Curated intelligence",
                        "Reports, threat actors, intrusion sets, campaigns and attack patterns imported from other producers' STIX bundles, newest first, with who published them.",
                        List.of(Param.choice("type", null, CuratedIntel.TYPES, "Only objects of this STIX type."), Param.limit(50)),
                        a -> Json.obj().with("items", CuratedIntel.list(store, a.text("type"), a.limit()))),
                new Endpoint("/api/export/stix", "exchange", "STIX 2.1 bundle",
                        "The store's findings as one STIX 2.1 bundle (as 'vigil export stix'), sent as a file.",
                        List.of(Param.date("since", "Only articles published on or after this date."),
                                new Param("actor", "query", Param.Type.STRING, false, null, 2L, 2L, List.of(), NewsApi.HOLDER_PATTERN,
                                        "Only the findings about this foreign state (ISO code, e.g. RU).")),
                        a -> stix(a.date("since"), a.text("actor"))),
                new Endpoint("/api/export/table", "exchange", "One table as CSV or Parquet",
                        "One table of the store (as 'vigil export csv|parquet' writes every table), sent as a file.",
                        List.of(new Param("table", "query", Param.Type.STRING, false, "claims", 1L, 64L, List.of(), TABLE_PATTERN,
                                        "The table, e.g. claims, incidents, coordination_accounts."),
                                Param.choice("format", "csv", List.of("csv", "parquet"), "csv or parquet.")),
                        a -> table(a.text("table"), a.text("format"))),
                new Endpoint("/api/export/gexf", "exchange", "A coordination run as GEXF",
                        "The accounts and significant links of a stored run as GEXF 1.3 (as 'vigil export gexf'), sent as a file.",
                        List.of(new Param("run", "query", Param.Type.STRING, false, null, 1L, 200L, List.of(), NetworkApi.RUN_PATTERN,
                                "The coordination run (see /api/runs); default: the newest.")),
                        a -> gexf(a.text("run"))));
    }

    private Download stix(java.time.LocalDate since, String actor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new StixExporter(store).export(new StixExporter.Filter(since, actor == null ? null : actor.toUpperCase(Locale.ROOT)), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Download("application/stix+json;version=2.1", "vigil-bundle.json", out.toByteArray());
    }

    private Download table(String table, String format) {
        if (!TableExport.tables(store).contains(table)) {
            throw ApiProblem.badRequest("table", "no table '" + table + "' in the store");
        }
        TableExport.Format f = TableExport.format(format);
        return viaTempFile("." + f.extension(), file -> TableExport.exportTable(store, f, table, file),
                f == TableExport.Format.CSV ? "text/csv; charset=utf-8" : "application/vnd.apache.parquet", table + "." + f.extension());
    }

    private Download gexf(String asked) {
        String run = asked != null ? asked : new NetworkQueries(store).latestRunId()
                .orElseThrow(() -> ApiProblem.notFound("this store holds no coordination run"));
        StoredRun r;
        try {
            r = StoredRun.load(store, run);
        } catch (VigilException e) {
            throw ApiProblem.badRequest("run", e.getMessage());
        }
        return viaTempFile(".gexf", file -> {
            try {
                CoordinationOutputs.writeGexf(file, r.accounts(), r.edges());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "application/gexf+xml", "run-" + run.replaceAll("[^A-Za-z0-9._-]", "_") + ".gexf");
    }

    private interface FileWriting {
        void write(Path file);
    }

    private static Download viaTempFile(String suffix, FileWriting writing, String contentType, String name) {
        Path file = null;
        try {
            file = Files.createTempFile("vigil-export-", suffix);
            Files.delete(file); // COPY writes the file itself
            writing.write(file);
            return new Download(contentType, name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans its folder
                }
            }
        }
    }
}
