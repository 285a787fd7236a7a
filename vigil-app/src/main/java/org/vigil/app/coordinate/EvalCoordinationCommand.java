package org.vigil.app.coordinate;

import org.vigil.app.Main;
import org.vigil.ingest.posts.PostFormat;
import org.vigil.ingest.posts.PostReaders;
import org.vigil.model.VigilException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code vigil eval-coordination --truth TRUTH.csv --result DIR}: scores what {@code vigil coordinate}
 * wrote in {@code DIR} against planted truth (precision, recall, network purity; IRA accounts linked on
 * hybrid sets) or against side labels (side purity, same-side links, coverage). See
 * {@link CoordinationEvaluation} for how each figure is counted. Exit 0, or 1 when some truth rows were bad
 * or some flagged accounts are missing from the truth, 2 on a usage error.
 */
@Command(name = "eval-coordination", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score a coordination result against known answers: planted groups (role column) or side labels "
                + "such as the IRA account_category, which the detector never reads.")
public final class EvalCoordinationCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--truth", required = true, paramLabel = "TRUTH.csv",
            description = "account_id,group_id,role (gen_synth.py, make_hybrid.py) or an id column with a label column.")
    Path truth;

    @Option(names = "--result", paramLabel = "DIR", description = "The --output folder of vigil coordinate (accounts.csv, edges.csv).")
    Path result;

    @Option(names = "--accounts", paramLabel = "FILE", description = "An accounts file (account_id,network_id,...) instead of --result.")
    Path accountsFile;

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "Score sides by this column of the truth file (default: account_category when there is no role column).")
    String labelColumn;

    @Option(names = "--input", arity = "1..*", paramLabel = "FILE",
            description = "The posts the run read: coverage is then counted over the labelled accounts that posted.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "F", description = "Format of --input (default: detected).")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path accountsCsv = accountsFile != null ? accountsFile : result == null ? null : result.resolve("accounts.csv");
        if (accountsCsv == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --result DIR (vigil coordinate's output) or --accounts FILE");
        }
        for (Path p : new Path[] {truth, accountsCsv}) {
            if (!Files.isRegularFile(p)) {
                throw new CommandLine.ParameterException(spec.commandLine(), p + ": no such file; check the path");
            }
        }
        Path edgesCsv = result == null ? null : result.resolve("edges.csv");
        List<String> problems = new ArrayList<>();
        try {
            CoordinationEvaluation.Truth t = CoordinationEvaluation.truth(truth, labelColumn, problems::add);
            Set<String> active = null;
            if (!inputs.isEmpty()) {
                active = new HashSet<>();
                PostFormat f = format == null ? null : PostFormat.fromName(format);
                for (Path in : inputs) {
                    Set<String> a = active;
                    PostReaders.read(in, f, p -> a.add(p.accountId()), p -> { });
                }
            }
            Map<String, String> figures = CoordinationEvaluation.score(t, CoordinationEvaluation.accounts(accountsCsv),
                    edgesCsv != null && Files.isRegularFile(edgesCsv) ? CoordinationEvaluation.edges(edgesCsv) : null, active);
            problems.forEach(p -> err.println("vigil eval-coordination: " + p));
            long unknown = Long.parseLong(figures.get("not_in_truth"));
            if (unknown > 0) {
                err.println("vigil eval-coordination: " + unknown + " flagged account(s) are not in " + truth
                        + "; check that the truth file belongs to the input");
            }
            StringBuilder line = new StringBuilder(t.planted() ? "planted:" : "sides:");
            figures.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            out.println(line);
            out.flush();
            return problems.isEmpty() && unknown == 0 ? Main.OK : Main.SOME_INPUT_BAD;
        } catch (IOException e) {
            throw new VigilException("cannot read " + e.getMessage() + "; check the file", e);
        } catch (IllegalArgumentException | VigilException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
