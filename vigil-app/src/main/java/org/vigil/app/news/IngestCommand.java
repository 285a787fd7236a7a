package org.vigil.app.news;

import picocli.CommandLine.Command;

/** {@code vigil ingest}: the parent of the per-kind ingest commands. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Read input into the Vigil store.",
        subcommands = {IngestNewsCommand.class})
public final class IngestCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to ingest, e.g. 'vigil ingest news DIR'");
    }
}
