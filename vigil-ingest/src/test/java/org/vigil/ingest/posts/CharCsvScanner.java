package org.vigil.ingest.posts;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * The CSV scanner as it was before it read bytes (issue 11, second pass): it scans the decoded text
 * in a char buffer. Kept unchanged as the oracle for {@link CsvScannerOracleTest}: the byte scanner must
 * find the same records, fields, defects, raw text and line numbers on any input.
 */
final class CharCsvScanner implements Closeable {
    static final int DEFAULT_MAX_RECORD_LINES = 1_000;
    static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

    private final Reader in;
    private final int maxRecordLines;
    private final int maxRecordChars;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private long nextLine = 1;
    private int expectedColumns;

    private long line;
    private int rawStart;
    private int rawEnd;
    private String rawOverride;
    private String defect;
    private int fieldCount;
    private int[] fieldStart = new int[32];
    private int[] fieldEnd = new int[32];
    private boolean[] fieldEscaped = new boolean[32];

    CharCsvScanner(Reader in) {
        this(in, DEFAULT_MAX_RECORD_LINES, DEFAULT_MAX_RECORD_CHARS);
    }

    CharCsvScanner(Reader in, int maxRecordLines, int maxRecordChars) {
        this.in = in;
        this.maxRecordLines = maxRecordLines;
        this.maxRecordChars = maxRecordChars;
    }

    /** From now on a record with another number of fields is a defect (0: any number). */
    void expectColumns(int n) {
        expectedColumns = n;
    }

    /** 1-based line on which the current record starts. */
    long line() {
        return line;
    }

    /** 1-based line on which the next record will start. */
    long nextLineNumber() {
        return nextLine;
    }

    /** Why the current record is bad, or null when it is well-formed. */
    String defect() {
        return defect;
    }

    int fieldCount() {
        return fieldCount;
    }

    /** Field {@code i} of the current record, unquoted; "" when the record has no such field. */
    String field(int i) {
        if (i < 0 || i >= fieldCount) {
            return "";
        }
        int s = fieldStart[i];
        int e = fieldEnd[i];
        if (!fieldEscaped[i]) {
            return s == e ? "" : new String(buf, s, e - s);
        }
        StringBuilder sb = new StringBuilder(e - s);
        for (int k = s; k < e; k++) {
            char c = buf[k];
            sb.append(c);
            if (c == '"') {
                k++; // the second quote of a doubled pair
            }
        }
        return sb.toString();
    }

    /**
     * True when field {@code i} is absent or holds only white space or space characters such as
     * U+00A0. The test covers what {@link String#strip()} removes, so a cell that is not blank
     * here is never empty once stripped (a lone carriage return in a cell was once kept as an
     * empty account id).
     */
    boolean isBlank(int i) {
        if (i < 0 || i >= fieldCount) {
            return true;
        }
        for (int k = fieldStart[i]; k < fieldEnd[i]; k++) {
            if (!Character.isWhitespace(buf[k]) && !Character.isSpaceChar(buf[k])) {
                return false;
            }
        }
        return true;
    }

    /** The current record as it stood in the file (only its first line after a quoting defect), capped for very long records. */
    String raw() {
        if (rawOverride != null) {
            return rawOverride;
        }
        int len = Math.min(rawEnd - rawStart, Tally.RAW_LIMIT);
        String s = new String(buf, rawStart, len);
        return len < rawEnd - rawStart ? s + "…" : s;
    }

    /** Moves to the next record, skipping blank lines; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            if (pos >= limit && fill(pos) < 0) {
                return false;
            }
            if (nextLine == 1 && pos == 0 && buf[0] == '\uFEFF') {
                pos++; // byte-order mark
                continue;
            }
            if (scanRecord()) {
                return true;
            }
        }
    }

    /** Scans one record starting at pos; false when it was a blank line. */
    private boolean scanRecord() throws IOException {
        rawOverride = null;
        defect = null;
        line = nextLine;
        int s = pos;
        int i = s;
        int firstNewline = -1;
        int controlAt = -1;
        int lines = 1;
        boolean inQuote = false;
        boolean overflow = false;
        int end;
        char[] b = buf;
        int lim = limit;
        while (true) {
            if (i >= lim) {
                int shift = s;
                boolean more = fill(s) >= 0;
                s -= shift;
                i -= shift;
                if (firstNewline >= 0) {
                    firstNewline -= shift;
                }
                if (controlAt >= 0) {
                    controlAt -= shift;
                }
                b = buf;
                lim = limit;
                if (!more) {
                    end = i;
                    break;
                }
            }
            char c = b[i];
            if (c == '"') {
                inQuote = !inQuote;
            } else if (c == '\n') {
                if (!inQuote) {
                    end = i;
                    break;
                }
                if (firstNewline < 0) {
                    firstNewline = i;
                }
                if (++lines > maxRecordLines) {
                    overflow = true;
                    end = i;
                    break;
                }
            } else if (c < 0x20 && c != '\t' && c != '\r') {
                // C0 controls only: DEL does turn up inside genuine tweets and harms nothing
                if (controlAt < 0) {
                    controlAt = i;
                }
            }
            i++;
            if (i - s > maxRecordChars) {
                overflow = true;
                end = i;
                break;
            }
        }
        boolean atEof = end >= limit && eof;

        if (overflow || (inQuote && atEof)) {
            String why = overflow && firstNewline < 0
                    ? "line is longer than " + maxRecordChars + " characters; split the record or check that the file is CSV"
                    : overflow
                    ? "unterminated quoted field: no closing quote within " + maxRecordLines + " lines or "
                        + maxRecordChars + " characters; close the quote (inner quotes are written \"\")"
                    : "unterminated quoted field: the file ends inside quotes; close the quote (inner quotes are written \"\")";
            if (firstNewline >= 0) {
                quarantineFirstLine(s, firstNewline, why);
            } else if (overflow) {
                defect = why;
                rawStart = s;
                rawEnd = end;
                rawOverride = raw();
                skipRestOfLine(end);
            } else {
                defect = why;
                rawStart = s;
                rawEnd = trimCr(s, end);
                pos = end;
                nextLine = line + 1;
            }
            return true;
        }

        int recEnd = trimCr(s, end);
        pos = atEof ? end : end + 1;
        nextLine = line + lines;
        rawStart = s;
        rawEnd = recEnd;
        if (isBlankLine(s, recEnd)) {
            return false;
        }

        String broken = splitFields(s, recEnd);
        if (broken == null && expectedColumns > 0 && fieldCount != expectedColumns) {
            broken = "expected " + expectedColumns + " columns as in the header but found " + fieldCount
                    + "; quote fields that contain commas";
        }
        if (broken != null) {
            if (lines > 1) {
                // The quotes may have paired across lines and swallowed good rows: report the line where
                // it started and read the following lines again on their own.
                quarantineFirstLine(s, firstNewline, broken + " (in a quoted field that spans lines)");
            } else {
                defect = broken;
            }
            return true;
        }
        if (controlAt >= 0) {
            defect = "control character U+" + String.format("%04X", (int) buf[controlAt]) + " in column "
                    + (fieldOf(controlAt) + 1) + "; remove it or re-export the file as UTF-8 text";
        }
        return true;
    }

    private void quarantineFirstLine(int s, int newline, String why) {
        defect = why;
        rawStart = s;
        rawEnd = trimCr(s, newline);
        pos = newline + 1;
        nextLine = line + 1;
    }

    /** Splits [s, e) into fields; returns why the quoting is broken, or null. */
    private String splitFields(int s, int e) {
        char[] b = buf;
        int n = 0;
        int p = s;
        while (true) {
            if (n == fieldStart.length) {
                growFields();
            }
            if (p < e && b[p] == '"') {
                int q = p + 1;
                boolean escaped = false;
                while (true) {
                    while (q < e && b[q] != '"') {
                        q++;
                    }
                    if (q >= e) {
                        fieldCount = n;
                        return "unterminated quoted field in column " + (n + 1);
                    }
                    if (q + 1 < e && b[q + 1] == '"') {
                        escaped = true;
                        q += 2;
                        continue;
                    }
                    break;
                }
                fieldStart[n] = p + 1;
                fieldEnd[n] = q;
                fieldEscaped[n] = escaped;
                n++;
                p = q + 1;
                if (p == e) {
                    break;
                }
                if (b[p] != ',') {
                    fieldCount = n;
                    return "text after the closing quote of column " + n + "; inner quotes must be doubled (\"\")";
                }
                p++;
            } else {
                int q = p;
                while (q < e) {
                    char c = b[q];
                    if (c == ',') {
                        break;
                    }
                    if (c == '"') {
                        fieldCount = n;
                        return "stray quote in unquoted column " + (n + 1) + "; quote the field and double inner quotes (\"\")";
                    }
                    q++;
                }
                fieldStart[n] = p;
                fieldEnd[n] = q;
                fieldEscaped[n] = false;
                n++;
                if (q >= e) {
                    break;
                }
                p = q + 1;
            }
        }
        fieldCount = n;
        return null;
    }

    private int fieldOf(int at) {
        for (int k = 0; k < fieldCount; k++) {
            if (at < fieldEnd[k] + 1) {
                return k;
            }
        }
        return Math.max(0, fieldCount - 1);
    }

    private void growFields() {
        int n = fieldStart.length * 2;
        fieldStart = java.util.Arrays.copyOf(fieldStart, n);
        fieldEnd = java.util.Arrays.copyOf(fieldEnd, n);
        fieldEscaped = java.util.Arrays.copyOf(fieldEscaped, n);
    }

    private int trimCr(int s, int e) {
        return e > s && buf[e - 1] == '\r' ? e - 1 : e;
    }

    private boolean isBlankLine(int s, int e) {
        for (int k = s; k < e; k++) {
            if (buf[k] != ' ' && buf[k] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Discards input up to and including the next newline after {@code from}. */
    private void skipRestOfLine(int from) throws IOException {
        int i = from;
        while (true) {
            while (i < limit && buf[i] != '\n') {
                i++;
            }
            if (i < limit) {
                pos = i + 1;
                break;
            }
            if (fill(limit) < 0) {
                pos = limit;
                break;
            }
            i = 0;
        }
        nextLine = line + 1;
    }

    /**
     * Keeps buf[keepFrom, limit), moves it to the front (always, so callers can shift their
     * indices by keepFrom), and reads more after it, growing the buffer when the kept part fills
     * it. Returns the number of chars read, or -1 at the end of the input.
     */
    private int fill(int keepFrom) throws IOException {
        int kept = limit - keepFrom;
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, kept);
        } else if (kept == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        pos -= keepFrom;
        rawStart -= keepFrom;
        rawEnd -= keepFrom;
        limit = kept;
        if (eof) {
            return -1;
        }
        int n = in.read(buf, limit, buf.length - limit);
        while (n == 0) {
            n = in.read(buf, limit, buf.length - limit);
        }
        if (n < 0) {
            eof = true;
            return -1;
        }
        limit += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
