package org.vigil.ingest.posts;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A strict RFC 4180 CSV record scanner over UTF-8 bytes, in its own byte buffer, so a field becomes a
 * {@code String} only when a mapper asks for it, and a field of ASCII bytes becomes one by a copy.
 *
 * <p>Every byte that splits a record (quote, comma, CR, LF) is ASCII and in UTF-8 never part of a
 * multi-byte character, so the scan finds the same records and fields in bytes as it would in the
 * decoded text; a field is decoded on its own (invalid bytes become U+FFFD) and gives the same string.
 * Limits and positions that are counted in characters ({@link #maxRecordChars}, the cut of
 * {@link #raw()}) are counted in characters here too: exactly, by decoding, on the rare record that is
 * longer in bytes than the limit and holds non-ASCII bytes.
 *
 * <p>Bad records are reported, never thrown and never allowed to swallow good ones. A record
 * whose quotes do not balance within {@link #maxRecordLines} lines or {@link #maxRecordChars}
 * characters, or whose quoting is broken or column count wrong after it spanned several lines,
 * is reported by its <em>first physical line only</em>, and scanning resumes on the next line:
 * an unterminated quote then costs one line, not the rest of the file. A well-formed record that
 * is bad for another reason (a C0 control character other than tab, CR and LF; a wrong column
 * count on a single line) is reported whole. A lone CR is kept as data; CR LF ends a line (files
 * that end every line with a lone CR are turned into LF ones by {@link PostInput} first).
 */
final class CsvScanner implements Closeable {
    static final int DEFAULT_MAX_RECORD_LINES = 1_000;
    static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;
    private static final int BUFFER = 1 << 18;
    /** Eight bytes at a time, to pass over runs of bytes that need no look one by one. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final int maxRecordLines;
    private final int maxRecordChars;
    /** Bytes past which a record surely holds more than maxRecordChars characters (a character takes at most 3 bytes). */
    private final long maxRecordBytes;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    private long nextLine = 1;
    private int expectedColumns;

    private long line;
    private int rawStart;
    private int rawEnd;
    private String rawOverride;
    private String defect;
    private boolean ascii;
    private int fieldCount;
    private int[] fieldStart = new int[32];
    private int[] fieldEnd = new int[32];
    private boolean[] fieldEscaped = new boolean[32];
    private byte[] unquoted = new byte[256];
    /** Characters in [start of the record, countedTo), for a record longer in bytes than the limit. */
    private int countedTo;
    private long countedChars;

    CsvScanner(InputStream in) {
        this(in, DEFAULT_MAX_RECORD_LINES, DEFAULT_MAX_RECORD_CHARS);
    }

    CsvScanner(InputStream in, int maxRecordLines, int maxRecordChars) {
        this.in = in;
        this.maxRecordLines = maxRecordLines;
        this.maxRecordChars = maxRecordChars;
        this.maxRecordBytes = 3L * maxRecordChars + 6;
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
        if (s == e) {
            return "";
        }
        if (!fieldEscaped[i]) {
            return ascii ? latin1(buf, s, e - s) : new String(buf, s, e - s, UTF_8);
        }
        if (unquoted.length < e - s) {
            unquoted = new byte[Math.max(e - s, unquoted.length * 2)];
        }
        byte[] u = unquoted;
        int n = 0;
        for (int k = s; k < e; k++) {
            byte c = buf[k];
            u[n++] = c;
            if (c == '"') {
                k++; // the second quote of a doubled pair
            }
        }
        return ascii ? latin1(u, 0, n) : new String(u, 0, n, UTF_8);
    }

    /**
     * ASCII bytes as a string. The deprecated constructor is the one that only copies the bytes: the
     * charset ones branch over every charset in a method too long for the JIT to inline.
     */
    @SuppressWarnings("deprecation")
    private static String latin1(byte[] b, int from, int len) {
        return new String(b, 0, from, len);
    }

    /**
     * Field {@code i} as epoch seconds, read from the bytes when it is a plain run of digits (most
     * exports), else as {@link Timestamps#parse} reads its text; the same value and the same errors.
     */
    long time(int i, String where) throws BadRow {
        if (i >= 0 && i < fieldCount && !fieldEscaped[i]) {
            long t = Timestamps.plainEpochSeconds(buf, fieldStart[i], fieldEnd[i]);
            if (t >= 0) {
                return t;
            }
        }
        return Timestamps.parse(field(i), where);
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
            byte c = buf[k];
            if (c < 0) {
                return isBlank(field(i)); // a space character beyond ASCII, such as U+00A0, or none
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** The current record as it stood in the file (only its first line after a quoting defect), capped for very long records. */
    String raw() {
        return rawOverride != null ? rawOverride : capped(rawStart, rawEnd, Tally.RAW_LIMIT + 1);
    }

    /** The first {@code most} characters of bytes [from, to), cut to {@link Tally#RAW_LIMIT} with a "…" when longer. */
    private String capped(int from, int to, int most) {
        // enough bytes for `most` characters, whatever they are; a character cut at the end lies beyond them
        int len = (int) Math.min(to - from, 3L * most + 6);
        String s = new String(buf, from, len, UTF_8);
        if (s.length() > most) {
            s = s.substring(0, most);
        }
        return s.length() > Tally.RAW_LIMIT ? s.substring(0, Tally.RAW_LIMIT) + "…" : s;
    }

    /** Moves to the next record, skipping blank lines; false at the end of the input. */
    boolean next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        while (true) {
            if (pos >= limit && fill(pos) < 0) {
                return false;
            }
            if (scanRecord()) {
                return true;
            }
        }
    }

    private void skipByteOrderMark() throws IOException {
        while (limit < BOM.length && !eof) {
            fill(0);
        }
        if (limit >= BOM.length && buf[0] == BOM[0] && buf[1] == BOM[1] && buf[2] == BOM[2]) {
            pos = BOM.length;
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
        boolean high = false;
        countedTo = s;
        countedChars = 0;
        int end;
        byte[] b = buf;
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
                    // the end of the input: the record's characters decide whether it was too long
                    overflow = high && i - s > maxRecordChars && charsBefore(i, true) > maxRecordChars;
                    break;
                }
            }
            if (i <= lim - 8 && isPlain((long) WORDS.get(b, i))) {
                i += 8; // none of the eight can end the record, toggle a quote or be a control or non-ASCII byte
                if (i - s > maxRecordChars && (!high || i - s > maxRecordBytes)) {
                    overflow = true;
                    end = i;
                    break;
                }
                continue;
            }
            int c = b[i];
            if (c == '"') {
                inQuote = !inQuote;
            } else if (c == '\n') {
                if (high && i - s > maxRecordChars && charsBefore(i, false) > maxRecordChars) {
                    // the character limit fell before this line break (once a line break is kept, any later
                    // overflow quarantines the first line alike, so the checks can wait for line breaks)
                    overflow = true;
                    end = i;
                    break;
                }
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
            } else if (c < 0x20) {
                if (c < 0) {
                    high = true;
                } else if (c != '\t' && c != '\r') {
                    // C0 controls only: DEL does turn up inside genuine tweets and harms nothing
                    if (controlAt < 0) {
                        controlAt = i;
                    }
                }
            }
            i++;
            // bytes count characters exactly while all are ASCII; otherwise line breaks and the end decide above
            if (i - s > maxRecordChars && (!high || i - s > maxRecordBytes)) {
                overflow = true;
                end = i;
                break;
            }
        }
        ascii = !high;
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
                rawOverride = capped(s, end, (int) Math.min(maxRecordChars + 1L, Tally.RAW_LIMIT + 1L));
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

    /**
     * Characters in the current record before {@code at}, which holds a line break or is the end of the
     * input: decoded in pieces that end at line breaks, so each piece decodes as it does within the file.
     */
    private long charsBefore(int at, boolean endOfInput) {
        int to = endOfInput ? at : at + 1;
        if (to > countedTo) {
            countedChars += new String(buf, countedTo, to - countedTo, UTF_8).length();
            countedTo = to;
        }
        return endOfInput ? countedChars : countedChars - 1;
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
        byte[] b = buf;
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
                while (q <= e - 8 && hasNoCommaOrQuote((long) WORDS.get(b, q))) {
                    q += 8;
                }
                while (q < e) {
                    byte c = b[q];
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

    /** True when none of the eight bytes in {@code w} is a quote, a C0 control (LF among them) or above ASCII. */
    private static boolean isPlain(long w) {
        long quote = w ^ 0x2222222222222222L;
        return ((w | ((w - 0x2020202020202020L) & ~w) | ((quote - 0x0101010101010101L) & ~quote)) & 0x8080808080808080L) == 0;
    }

    /** True when none of the eight bytes in {@code w} is a comma or a quote. */
    private static boolean hasNoCommaOrQuote(long w) {
        long comma = w ^ 0x2C2C2C2C2C2C2C2CL;
        long quote = w ^ 0x2222222222222222L;
        return ((((comma - 0x0101010101010101L) & ~comma) | ((quote - 0x0101010101010101L) & ~quote)) & 0x8080808080808080L) == 0;
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
        fieldStart = Arrays.copyOf(fieldStart, n);
        fieldEnd = Arrays.copyOf(fieldEnd, n);
        fieldEscaped = Arrays.copyOf(fieldEscaped, n);
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
     * it. Returns the number of bytes read, or -1 at the end of the input.
     */
    private int fill(int keepFrom) throws IOException {
        int kept = limit - keepFrom;
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, kept);
        } else if (kept == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        pos -= keepFrom;
        rawStart -= keepFrom;
        rawEnd -= keepFrom;
        countedTo -= keepFrom;
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
