package org.vigil.app.report;

import java.io.PrintWriter;
import java.util.List;

/**
 * RFC 4180 output: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes
 * doubled. Text fields that a spreadsheet would run as a formula (starting with {@code = + - @},
 * tab or CR) get a leading {@code '}, because evidence sentences are written by strangers.
 */
final class Csv {
    private Csv() {
    }

    static void row(PrintWriter out, List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(fields.get(i)));
        }
        out.print(b);
        out.print("\r\n");
    }

    /** A number or date: never guarded, since {@code -1} must stay a number. */
    static String value(Object o) {
        return o == null ? "" : o.toString();
    }

    /** Free text from the store: guarded against formula injection. */
    static String text(String s) {
        if (s == null || s.isEmpty()) {
            return s == null ? "" : s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    private static String quote(String s) {
        boolean needs = false;
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
