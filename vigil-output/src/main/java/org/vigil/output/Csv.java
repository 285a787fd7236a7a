package org.vigil.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The one CSV writer of every file Vigil writes (report, {@code accounts.csv}, {@code edges.csv},
 * {@code quarantine.csv}): RFC 4180, CRLF line ends, fields quoted when they hold a comma, quote,
 * CR or LF, quotes doubled. Text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) gets a leading {@code '}: the text of posts, articles and bad records is
 * written by strangers.
 */
public final class Csv {
    private Csv() {
    }

    /** Writes one record; cells are written as given, so pass text through {@link #text} and numbers through {@link #value}. */
    public static void row(Writer out, List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(fields.get(i)));
        }
        b.append("\r\n");
        try {
            out.write(b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number or date: never guarded, since {@code -1} must stay a number. */
    public static String value(Object o) {
        return o == null ? "" : o.toString();
    }

    /** Free text (ids, names, messages, raw records): guarded against formula injection. */
    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
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
