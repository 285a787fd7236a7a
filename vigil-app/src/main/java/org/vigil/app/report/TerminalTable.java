package org.vigil.app.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns aligned for a terminal. Each column has a width cap, so the whole table stays inside a
 * known width whatever the data; longer cells are cut with {@code ...}. Cells are article text,
 * which may hold control characters (an ANSI escape in a scraped page would recolour or clear the
 * reader's terminal), so every control character is printed as a space.
 */
final class TerminalTable {
    static final String CUT = "...";
    private static final String GAP = "  ";

    record Column(String header, int maxWidth, boolean rightAligned) {
    }

    private record Row(List<String> cells, String detail) {
    }

    private final List<Column> columns;
    private final List<Row> rows = new ArrayList<>();

    TerminalTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    static Column left(String header, int maxWidth) {
        return new Column(header, maxWidth, false);
    }

    static Column right(String header, int maxWidth) {
        return new Column(header, maxWidth, true);
    }

    /** Adds a row; {@code detail}, when not null, is printed on its own indented line below it. */
    void add(List<String> cells, String detail) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.size());
        }
        List<String> clean = new ArrayList<>(cells.size());
        for (String c : cells) {
            clean.add(clean(c));
        }
        rows.add(new Row(clean, detail == null ? null : clean(detail)));
    }

    void print(PrintWriter out, int detailIndent, int maxLineWidth) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            int w = columns.get(i).header().length();
            for (Row r : rows) {
                w = Math.max(w, r.cells().get(i).length());
            }
            widths[i] = Math.min(w, columns.get(i).maxWidth());
        }
        List<String> header = new ArrayList<>();
        for (Column c : columns) {
            header.add(c.header());
        }
        out.println(line(header, widths));
        for (Row r : rows) {
            out.println(line(r.cells(), widths));
            if (r.detail() != null) {
                out.println(" ".repeat(detailIndent) + fit(r.detail(), maxLineWidth - detailIndent));
            }
        }
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                b.append(GAP);
            }
            String cell = fit(cells.get(i), widths[i]);
            String pad = " ".repeat(widths[i] - cell.length());
            b.append(columns.get(i).rightAligned() ? pad + cell : cell + pad);
        }
        return b.toString().stripTrailing();
    }

    /** {@code s} cut to {@code width} characters, ending in {@code ...} when something was cut. */
    static String fit(String s, int width) {
        if (s.length() <= width) {
            return s;
        }
        if (width <= CUT.length()) {
            return s.substring(0, width);
        }
        int end = width - CUT.length();
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + CUT;
    }

    static String clean(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || c == '\u2028' || c == '\u2029') {
                if (!space && b.length() > 0) {
                    b.append(' ');
                }
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        return b.toString().stripTrailing();
    }
}
