package org.vigil.app.report;

import org.vigil.output.Csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vigil.store.MatrixRow;
import org.vigil.store.TimelineRow;

/**
 * Prints the who-wants-whom matrix and the incident timeline in any {@link ReportFormat}; used by
 * {@code vigil report} and by any command that ends with a report ({@code vigil demo}).
 *
 * <p>Formats: {@code table} fits {@value #WIDTH} columns (evidence is cut to fit; the full text is in
 * JSON and CSV). {@code json} is one object whose keys are the sections printed ({@code matrix},
 * {@code timeline}), dates as ISO strings or null, shares as numbers from 0 to 1. {@code csv} is one
 * RFC 4180 table per section, each with its header row; two sections are separated by one empty
 * line, so a program that wants one table should print one section.
 */
public final class ReportPrinter {
    /** The widest line a table prints. */
    public static final int WIDTH = 100;

    static final List<String> MATRIX_CSV_HEADER = List.of("holder", "target", "favors", "opposes", "none",
            "share_hedged", "share_disputed", "independent_sources", "first", "last");
    static final List<String> TIMELINE_CSV_HEADER = List.of("date", "year", "actor", "technique", "disarm_id",
            "target", "status", "doc", "evidence");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int EVIDENCE_INDENT = 6;

    private ReportPrinter() {
    }

    /** Prints the matrix alone; as a table, without a title line, so the caller can put its own. */
    public static void printMatrix(PrintStream out, List<MatrixRow> rows, ReportFormat format) {
        withWriter(out, w -> printMatrix(w, rows, format));
    }

    /** Prints the timeline alone; as a table, without a title line, so the caller can put its own. */
    public static void printTimeline(PrintStream out, List<TimelineRow> rows, ReportFormat format) {
        withWriter(out, w -> printTimeline(w, rows, format));
    }

    /** As {@link #printMatrix(PrintStream, List, ReportFormat)}, with the format by name: table, json or csv. */
    public static void printMatrix(PrintStream out, List<MatrixRow> rows, String format) {
        printMatrix(out, rows, ReportFormat.parse(format));
    }

    /** As {@link #printTimeline(PrintStream, List, ReportFormat)}, with the format by name: table, json or csv. */
    public static void printTimeline(PrintStream out, List<TimelineRow> rows, String format) {
        printTimeline(out, rows, ReportFormat.parse(format));
    }

    public static void printMatrix(PrintWriter out, List<MatrixRow> rows, ReportFormat format) {
        print(out, rows, null, format, false);
    }

    public static void printTimeline(PrintWriter out, List<TimelineRow> rows, ReportFormat format) {
        print(out, null, rows, format, false);
    }

    /** Prints both sections as one document (one JSON object), tables with titles; a null list leaves its section out. */
    public static void print(PrintStream out, List<MatrixRow> matrix, List<TimelineRow> timeline, ReportFormat format) {
        withWriter(out, w -> print(w, matrix, timeline, format));
    }

    /** Prints both sections as one document (one JSON object), tables with titles; a null list leaves its section out. */
    public static void print(PrintWriter out, List<MatrixRow> matrix, List<TimelineRow> timeline, ReportFormat format) {
        print(out, matrix, timeline, format, true);
    }

    private static void withWriter(PrintStream out, java.util.function.Consumer<PrintWriter> body) {
        PrintWriter w = new PrintWriter(out);
        body.accept(w);
        w.flush();
    }

    private static void print(PrintWriter out, List<MatrixRow> matrix, List<TimelineRow> timeline, ReportFormat format,
                              boolean titled) {
        switch (format) {
            case TABLE -> {
                if (matrix != null) {
                    matrixTable(out, matrix, titled);
                }
                if (matrix != null && timeline != null) {
                    out.println();
                }
                if (timeline != null) {
                    timelineTable(out, timeline, titled);
                }
            }
            case JSON -> json(out, matrix, timeline);
            case CSV -> {
                if (matrix != null) {
                    matrixCsv(out, matrix);
                }
                if (matrix != null && timeline != null) {
                    out.print("\r\n");
                }
                if (timeline != null) {
                    timelineCsv(out, timeline);
                }
            }
        }
        out.flush();
    }

    private static void matrixTable(PrintWriter out, List<MatrixRow> rows, boolean titled) {
        if (rows.isEmpty()) {
            out.println(titled ? "Who wants whom: no claims match." : "No claims match.");
            return;
        }
        if (titled) {
            out.println("Who wants whom: " + rows.size() + (rows.size() == 1 ? " pair" : " pairs")
                    + " (counts are articles; shares are of those articles)");
        }
        TerminalTable t = new TerminalTable(List.of(
                TerminalTable.left("HOLDER", 6), TerminalTable.left("CANDIDATE", 16),
                TerminalTable.right("FAVORS", 6), TerminalTable.right("OPPOSES", 7), TerminalTable.right("NONE", 4),
                TerminalTable.right("HEDGED", 6), TerminalTable.right("DISPUTED", 8), TerminalTable.right("SOURCES", 7),
                TerminalTable.left("FIRST", 10), TerminalTable.left("LAST", 10)));
        boolean anyNone = false;
        for (MatrixRow r : rows) {
            anyNone |= "*".equals(r.target());
            t.add(Arrays.asList(r.holder(), r.target(), Long.toString(r.favors()), Long.toString(r.opposes()),
                    Long.toString(r.none()), percent(r.shareHedged()), percent(r.shareDisputed()),
                    Long.toString(r.independentSources()), date(r.first()), date(r.last())), null);
        }
        t.print(out, 0, WIDTH);
        if (anyNone) {
            out.println("CANDIDATE * = no clear preference between the candidates.");
        }
    }

    private static void timelineTable(PrintWriter out, List<TimelineRow> rows, boolean titled) {
        if (rows.isEmpty()) {
            out.println(titled ? "Incident timeline: no incidents match." : "No incidents match.");
            return;
        }
        if (titled) {
            out.println("Incident timeline: " + rows.size() + (rows.size() == 1 ? " incident" : " incidents")
                    + " (YEAR it happened, REPORTED = article date)");
        }
        TerminalTable t = new TerminalTable(List.of(
                TerminalTable.left("YEAR", 4), TerminalTable.left("REPORTED", 10), TerminalTable.left("ACTOR", 5),
                TerminalTable.left("TECHNIQUE", 20), TerminalTable.left("DISARM", 10), TerminalTable.left("TARGET", 23),
                TerminalTable.left("STATUS", 10)));
        for (TimelineRow r : rows) {
            String detail = TerminalTable.clean(r.doc())
                    + (r.evidence() == null ? "" : ": \"" + TerminalTable.clean(r.evidence()) + "\"");
            t.add(Arrays.asList(r.year() == null ? "-" : r.year().toString(), date(r.date()), r.actor(), r.technique(),
                    r.disarmId(), r.target(), r.status()), detail);
        }
        t.print(out, EVIDENCE_INDENT, WIDTH);
    }

    private static void matrixCsv(PrintWriter out, List<MatrixRow> rows) {
        Csv.row(out, MATRIX_CSV_HEADER);
        for (MatrixRow r : rows) {
            Csv.row(out, Arrays.asList(Csv.text(r.holder()), Csv.text(r.target()), Csv.value(r.favors()), Csv.value(r.opposes()),
                    Csv.value(r.none()), share(r.shareHedged()), share(r.shareDisputed()),
                    Csv.value(r.independentSources()), Csv.value(r.first()), Csv.value(r.last())));
        }
    }

    private static void timelineCsv(PrintWriter out, List<TimelineRow> rows) {
        Csv.row(out, TIMELINE_CSV_HEADER);
        for (TimelineRow r : rows) {
            Csv.row(out, Arrays.asList(Csv.value(r.date()), Csv.value(r.year()), Csv.text(r.actor()), Csv.text(r.technique()),
                    Csv.text(r.disarmId()), Csv.text(r.target()), Csv.text(r.status()), Csv.text(r.doc()),
                    Csv.text(r.evidence())));
        }
    }

    private static void json(PrintWriter out, List<MatrixRow> matrix, List<TimelineRow> timeline) {
        ObjectNode root = JSON.createObjectNode();
        if (matrix != null) {
            ArrayNode a = root.putArray("matrix");
            for (MatrixRow r : matrix) {
                ObjectNode o = a.addObject();
                o.put("holder", r.holder());
                o.put("target", r.target());
                o.put("favors", r.favors());
                o.put("opposes", r.opposes());
                o.put("none", r.none());
                o.put("shareHedged", r.shareHedged());
                o.put("shareDisputed", r.shareDisputed());
                o.put("independentSources", r.independentSources());
                o.put("first", r.first() == null ? null : r.first().toString());
                o.put("last", r.last() == null ? null : r.last().toString());
            }
        }
        if (timeline != null) {
            ArrayNode a = root.putArray("timeline");
            for (TimelineRow r : timeline) {
                ObjectNode o = a.addObject();
                o.put("date", r.date() == null ? null : r.date().toString());
                o.put("year", r.year());
                o.put("actor", r.actor());
                o.put("technique", r.technique());
                o.put("disarmId", r.disarmId());
                o.put("target", r.target());
                o.put("status", r.status());
                o.put("doc", r.doc());
                o.put("evidence", r.evidence());
            }
        }
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String share(double share) {
        return String.format(Locale.ROOT, "%.4f", share);
    }

    private static String date(LocalDate d) {
        return d == null ? "-" : d.toString();
    }
}
