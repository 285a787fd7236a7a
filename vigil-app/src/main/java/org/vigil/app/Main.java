package org.vigil.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command line: a thin layer that wires the modules together. */
@Command(name = "vigil", mixinStandardHelpOptions = true, version = "vigil 0.1.0",
        description = "Observatory for foreign interference in elections.",
        subcommands = {
                org.vigil.app.demo.DemoCommand.class,
                org.vigil.app.news.ExtractCommand.class,
                org.vigil.app.news.EvalCommand.class,
                org.vigil.app.news.IngestCommand.class,
                org.vigil.app.report.ReportCommand.class,
                org.vigil.app.coordinate.CoordinateCommand.class,
                org.vigil.app.serve.ServeCommand.class,
                org.vigil.app.watch.WatchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit codes shared by every command (see ARCHITECTURE.md). */
    public static final int OK = 0;
    public static final int SOME_INPUT_BAD = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which command to run, e.g. 'vigil demo' (see 'vigil --help')");
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> USAGE);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("vigil: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return USAGE;
        });
        return cl.execute(args);
    }
}
