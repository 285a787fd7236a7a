package org.vigil.app.exchange;

import org.vigil.exchange.StixImporter;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code vigil import stix FILE}: curated intelligence from a STIX 2.1 bundle into a store. */
@Command(name = "import", description = "Read curated intelligence into a store.",
        subcommands = ImportCommand.Stix.class)
public final class ImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to import: stix (see 'vigil import --help')");
    }

    @Command(name = "stix", sortOptions = false,
            description = {"Import a STIX 2.1 bundle (Vigil's own, or another producer's such as DISARM's, ATT&CK's or an "
                    + "OpenCTI export) in one transaction. Every object is kept whole; a newer 'modified' replaces an older copy.",
                    "The file is checked first, object by object with bounded memory; a bundle with invalid JSON, unknown types, "
                    + "bad ids or timestamps, or references to objects neither in it nor in the store is refused whole."},
            footer = {"", "Exit status: 0 imported, 2 a bad option, 3 refused (one line per problem; nothing was imported)."})
    static final class Stix implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Parameters(paramLabel = "FILE", description = "The bundle to import.")
        Path file;

        @Option(names = "--db", paramLabel = "PATH", description = "The Vigil store to import into (default: ${DEFAULT-VALUE}).")
        Path db = VigilStore.DEFAULT_PATH;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (VigilStore store = VigilStore.open(db)) {
                StixImporter.Result r = new StixImporter(store).importBundle(file);
                out.println("imported " + file + ": " + r.objects() + " STIX objects, " + r.added() + " new, " + r.replaced()
                        + " newer versions, " + r.unchanged() + " already there (" + ExportCommand.counts(r.byType()) + ")");
                return 0;
            } catch (StixImporter.Refused e) {
                e.problems().forEach(err::println);
                err.println(e.getMessage());
                return ExportCommand.FAILED;
            } catch (VigilException e) {
                err.println(e.getMessage());
                return ExportCommand.FAILED;
            }
        }
    }
}
