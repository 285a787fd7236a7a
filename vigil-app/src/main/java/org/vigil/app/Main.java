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
                org.vigil.app.news.TrainCommand.class,
                org.vigil.app.news.IngestCommand.class,
                org.vigil.app.report.ReportCommand.class,
                org.vigil.app.coordinate.CoordinateCommand.class,
                org.vigil.app.coordinate.EvalCoordinationCommand.class,
                org.vigil.app.serve.ServeCommand.class,
                org.vigil.app.exchange.ExportCommand.class, org.vigil.app.exchange.ImportCommand.class,
                org.vigil.app.watch.WatchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit codes shared by every command (see ARCHITECTURE.md and the README's "Bad input"). */
    public static final int OK = 0;
    /** Some input was bad or skipped; the rest was processed and stored, and the summary says what and where. */
    public static final int SOME_INPUT_BAD = 1;
    public static final int USAGE = 2;
    /** A failure stopped the run (nothing half-written): the store, the output folder, the machine. */
    public static final int FAILED = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which command to run, e.g. 'vigil demo' (see 'vigil --help')");
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILED);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(e));
            return FAILED;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("vigil: out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB heap); give the JVM more (VIGIL_JAVA_OPTS=-Xmx8g with ./vigil) or split the input");
            return FAILED;
        } catch (StackOverflowError e) {
            System.err.println("vigil: the input nests too deeply to process (stack overflow); please report the file");
            return FAILED;
        }
    }

    /** A throwable as one terminal-safe line: its message's first line, else its type. */
    public static String oneLine(Throwable e) {
        String m = e.getMessage();
        String first = m == null ? "" : m.lines().findFirst().orElse("").strip();
        String text = first.isEmpty() ? e.getClass().getSimpleName()
                : e instanceof org.vigil.model.VigilException ? first : first + " (" + e.getClass().getSimpleName() + ")";
        return org.vigil.app.output.Terminal.safe(text);
    }
}
