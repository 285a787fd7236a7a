package org.vigil.app.report;

import org.vigil.app.Main;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.model.VigilException;
import org.vigil.store.MatrixRow;
import org.vigil.store.ReportFilter;
import org.vigil.store.TimelineRow;
import org.vigil.store.VigilStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code vigil report}: the who-wants-whom matrix and the incident timeline from a store. */
@Command(name = "report", sortOptions = false,
        description = {
            "Print the who-wants-whom matrix (foreign state x candidate: articles that say it favours or "
                + "opposes them, share hedged, share disputed, independent sources, first and last date) "
                + "and the incident timeline (year, report date, actor, technique, DISARM id, target, "
                + "status, document and evidence).",
            "Counts are articles, not sentences: an article counts once per stance, and the same story "
                + "on several sites is one article whose sites add to the independent sources."},
        footer = {
            "",
            "Formats:",
            "  table  aligned columns within 100 characters; evidence is cut to fit.",
            "  json   one object with a \"matrix\" and/or a \"timeline\" array; dates are",
            "         ISO strings or null, shares are numbers from 0 to 1.",
            "  csv    RFC 4180 with a header row, one table per section. With --what all,",
            "         the matrix table and the timeline table are separated by one empty",
            "         line: use --what matrix or --what timeline for a single table.",
            "         Text cells starting with = + - or @ get a leading ' so that",
            "         spreadsheets do not run them as formulas.",
            "",
            "Exit status: 0 printed, 2 no store or a bad option."})
public final class ReportCommand implements Callable<Integer> {
    /** Which sections to print. */
    public enum Section { MATRIX, TIMELINE, ALL }

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--db", paramLabel = "PATH", description = "The Vigil store to read (default: ${DEFAULT-VALUE}).")
    Path db = VigilStore.DEFAULT_PATH;

    @Option(names = "--format", paramLabel = "FORMAT", converter = ReportFormat.Converter.class,
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    ReportFormat format = ReportFormat.TABLE;

    @Option(names = "--what", paramLabel = "SECTION", converter = SectionConverter.class,
            description = "matrix, timeline or all (default: all).")
    Section what = Section.ALL;

    @Option(names = "--from", paramLabel = "DATE", converter = DateConverter.class,
            description = "Only articles published on or after DATE (YYYY-MM-DD); undated articles are left out.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = DateConverter.class,
            description = "Only articles published on or before DATE (YYYY-MM-DD); undated articles are left out.")
    LocalDate to;

    @Option(names = "--holder", paramLabel = "CODE",
            description = "Only this foreign state (ISO code, e.g. RU); for the timeline, only its incidents.")
    String holder;

    @Option(names = "--candidate", paramLabel = "NAME", description = "Only claims about this candidate (e.g. trump).")
    String candidate;

    @Option(names = "--no-hedged", description = "Leave out claims the article hedges (reportedly, appears, ...).")
    boolean noHedged;

    @Option(names = "--no-disputed", description = "Leave out claims the article also reports denied or disputed.")
    boolean noDisputed;

    public ReportCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(db)) {
            err.println("no Vigil store at " + db + ": run 'vigil ingest news DIR' first");
            return Main.USAGE;
        }
        if (from != null && to != null && from.isAfter(to)) {
            err.println("--from " + from + " is after --to " + to + ": nothing can match; swap the dates");
            return Main.USAGE;
        }
        ReportFilter filter = new ReportFilter(from, to,
                holder == null ? null : holder.trim().toUpperCase(Locale.ROOT),
                candidate == null ? null : candidate.trim().toLowerCase(Locale.ROOT),
                !noHedged, !noDisputed);
        try (VigilStore store = VigilStore.openReadOnly(db)) {
            List<MatrixRow> matrix = what == Section.TIMELINE ? null : store.matrix(filter);
            List<TimelineRow> timeline = what == Section.MATRIX ? null : store.timeline(filter);
            ReportPrinter.print(out, matrix, timeline, format);
            return Main.OK;
        } catch (VigilException e) {
            err.println("vigil report: " + Main.oneLine(e));
            return Main.FAILED;
        }
    }

    static final class SectionConverter implements ITypeConverter<Section> {
        @Override
        public Section convert(String value) {
            for (Section s : Section.values()) {
                if (s.name().equalsIgnoreCase(value.trim())) {
                    return s;
                }
            }
            throw new TypeConversionException("expected matrix, timeline or all, got '" + value + "'");
        }
    }

    /** An ISO date option ("2024-11-05"), shared by every command that filters by date. */
    public static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected a date like 2024-11-05, got '" + value + "'");
            }
        }
    }
}
