package org.vigil.app.exchange;

import org.vigil.output.CoordinationOutputs;
import org.vigil.app.progress.ProgressBar;
import org.vigil.exchange.StixExporter;
import org.vigil.exchange.StoredRun;
import org.vigil.exchange.TableExport;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/** {@code vigil export stix|csv|parquet|gexf}: a store's findings in analysts' formats. */
@Command(name = "export", sortOptions = false,
        description = "Write a store's findings as a STIX 2.1 bundle, its tables as CSV or Parquet, or a stored coordination run as GEXF.",
        subcommands = {ExportCommand.Stix.class, ExportCommand.Csv.class, ExportCommand.Parquet.class, ExportCommand.Gexf.class},
        footer = {"", "Exit status: 0 written, 2 no store or a bad option, 3 the export failed (nothing is left half-written).",
                "See docs/exchange.md for what each format holds."})
public final class ExportCommand implements Runnable {
    static final int FAILED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "say what to export: stix, csv, parquet or gexf (see 'vigil export --help')");
    }

    /** Options every export shares. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--db", paramLabel = "PATH", description = "The Vigil store to read (default: ${DEFAULT-VALUE}).")
        Path db = VigilStore.DEFAULT_PATH;

        @Option(names = "--progress", paramLabel = "WHEN", description = "Progress bar on stderr: auto (on a terminal), always, never (default: auto).")
        String progress = "auto";

        /** The clock the bar reads, in nanoseconds; tests pass a fast one to see the bar of a short export. */
        LongSupplier clock = System::nanoTime;

        private long started;

        /**
         * Writes the export, telling {@code bar} how it advances; calls {@link ProgressBar#done()} before
         * printing its one-line summary to {@code err} (see {@link #summary}).
         */
        abstract int export(VigilStore store, PrintWriter out, PrintWriter err, ProgressBar bar) throws IOException;

        /** The one-line summary: the subcommand's name, what was written and how long it took. */
        String summary(String what) {
            return String.format(Locale.ROOT, "export %s: %s in %.1f s", spec.name(), what, (clock.getAsLong() - started) / 1e9);
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            ProgressBar bar;
            try {
                bar = ProgressBar.forMode(progress, err, clock);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!Files.isRegularFile(db)) {
                err.println("no Vigil store at " + db + ": run 'vigil ingest news DIR' or 'vigil demo' first, or pass --db");
                return 2;
            }
            started = clock.getAsLong();
            try (VigilStore store = VigilStore.openReadOnly(db)) {
                return export(store, spec.commandLine().getOut(), err, bar);
            } catch (VigilException e) {
                bar.done();
                err.println(e.getMessage());
                return FAILED;
            } catch (IOException e) {
                bar.done();
                err.println("could not write the export: " + e.getMessage() + "; check the --output path and free space");
                return FAILED;
            } catch (RuntimeException e) {
                bar.done(); // Main prints the failure: on a clean line
                throw e;
            }
        }
    }

    /** Writes through a temporary file beside {@code target}, moved into place only when complete. */
    @FunctionalInterface
    interface Writing {
        void to(OutputStream out) throws IOException;
    }

    static void atomically(Path target, Writing writing) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writing.to(out);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Command(name = "stix", sortOptions = false,
            description = {"Write the store's findings as one STIX 2.1 bundle: Vigil's identity, a report per article with "
                    + "findings, threat-actors, intrusion-sets, DISARM attack-patterns, campaigns, claim notes and network groupings.",
                    "Ids are UUIDv5 of natural keys, so a re-export updates rather than duplicates in OpenCTI or MISP."})
    static final class Stix extends Base {
        @Option(names = "--output", paramLabel = "FILE", required = true, description = "The bundle to write (e.g. bundle.json).")
        Path output;

        @Option(names = "--since", paramLabel = "DATE", converter = org.vigil.app.report.ReportCommand.DateConverter.class,
                description = "Only articles published on or after DATE (YYYY-MM-DD).")
        LocalDate since;

        @Option(names = "--actor", paramLabel = "CODE", description = "Only the findings about this foreign state (ISO code, e.g. RU).")
        String actor;

        @Override
        int export(VigilStore store, PrintWriter out, PrintWriter err, ProgressBar bar) throws IOException {
            StixExporter.Filter filter;
            try {
                filter = new StixExporter.Filter(since, actor == null ? null : actor.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println("--actor " + actor + ": expected a two-letter country code such as RU");
                return 2;
            }
            StixExporter.Summary[] summary = new StixExporter.Summary[1];
            atomically(output, o -> summary[0] = new StixExporter(store).export(filter, o, bar::progress));
            bar.done();
            err.println(summary("wrote " + output + ": " + summary[0].objects() + " STIX objects (" + counts(summary[0].byType()) + ")"));
            return 0;
        }
    }

    abstract static class Tables extends Base {
        @Option(names = "--output", paramLabel = "DIR", required = true, description = "The folder to write one file per table into.")
        Path output;

        abstract TableExport.Format format();

        @Override
        int export(VigilStore store, PrintWriter out, PrintWriter err, ProgressBar bar) {
            List<TableExport.Written> written = TableExport.export(store, format(), output, bar::progress);
            bar.done();
            long rows = 0;
            for (TableExport.Written w : written) {
                out.println(w.file() + ": " + w.rows() + " rows");
                rows += Math.max(0, w.rows());
            }
            err.println(summary("wrote " + written.size() + " tables, " + rows + " rows to " + output));
            return 0;
        }
    }

    @Command(name = "csv", description = "Write every table of the store as TABLE.csv (RFC 4180, header row, UTF-8) through DuckDB COPY.")
    static final class Csv extends Tables {
        @Override
        TableExport.Format format() {
            return TableExport.Format.CSV;
        }
    }

    @Command(name = "parquet", description = "Write every table of the store as TABLE.parquet (zstd) through DuckDB COPY.")
    static final class Parquet extends Tables {
        @Override
        TableExport.Format format() {
            return TableExport.Format.PARQUET;
        }
    }

    @Command(name = "gexf", description = "Write a stored coordination run as GEXF 1.3 (opens in Gephi): accounts as nodes, significant links as edges.")
    static final class Gexf extends Base {
        @Option(names = "--run", paramLabel = "ID", required = true, description = "The coordination run to write (see the dashboard or 'vigil export csv').")
        String run;

        @Option(names = "--output", paramLabel = "FILE", description = "The file to write (default: ${DEFAULT-VALUE}).")
        Path output = Path.of("network.gexf");

        @Override
        int export(VigilStore store, PrintWriter out, PrintWriter err, ProgressBar bar) throws IOException {
            StoredRun r = StoredRun.load(store, run, bar::progress);
            Path abs = output.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".part");
            try {
                CoordinationOutputs.writeGexf(tmp, r.accounts(), r.edges(), bar);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            bar.done();
            err.println(summary("wrote " + output + ": " + r.accounts().size() + " accounts, " + r.edges().size() + " links of run " + run));
            return 0;
        }
    }

    static String counts(Map<String, Integer> byType) {
        return byType.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
