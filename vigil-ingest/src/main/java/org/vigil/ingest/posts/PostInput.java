package org.vigil.ingest.posts;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.vigil.model.VigilException;

/**
 * A post file opened as UTF-8 text, gunzipped when it starts with the gzip magic bytes: read as decoded
 * text ({@link #reader()}, for JSON lines and format detection) or as its bytes ({@link #bytes()}, for the
 * CSV scanner, which decodes only the fields it is asked for).
 *
 * <p>A gzip file cut short (a failed download) still yields every line that could be
 * decompressed: the stream ends at the last complete line, and {@link #truncation()} says why it
 * ended so the reader can report it with the cut-off fragment. Without this the exception thrown
 * at the cut would also lose the text already decompressed into the decoder's buffers.
 *
 * <p>Old Mac exports end lines with a lone CR: when the first 65,536 characters hold CRs but no LF,
 * every CR is read as a line end, by either way of reading.
 */
final class PostInput {
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final GzipTail gzip;
    private Reader reader;
    private InputStream bytes;

    private PostInput(InputStream in, GzipTail gzip) {
        this.in = in;
        this.gzip = gzip;
    }

    /**
     * Opens the file. Malformed UTF-8 becomes U+FFFD rather than an error: exports of tweets
     * routinely carry a few broken bytes, and one should not cost the whole file.
     */
    static PostInput open(Path file) {
        if (file == null) {
            throw new VigilException("The parameter 'file' must not be null.");
        }
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            GzipTail tail = null;
            if (b1 == 0x1f && b2 == 0x8b) {
                tail = new GzipTail(new GZIPInputStream(in, BUFFER));
                in = tail;
            }
            return new PostInput(in, tail);
        } catch (IOException e) {
            closeQuietly(in);
            throw unreadable(file, e);
        }
    }

    /** The text, decoded; read either this or {@link #bytes()}, not both. */
    Reader reader() {
        if (bytes != null) {
            throw new IllegalStateException("the input is already read as bytes");
        }
        if (reader == null) {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            reader = new CrLineEnds(new InputStreamReader(in, decoder));
        }
        return reader;
    }

    /**
     * The text as UTF-8 bytes, undecoded, with the same line ends as {@link #reader()} gives (lone CRs as
     * LF in a file that uses them); read either this or {@link #reader()}, not both.
     */
    InputStream bytes() {
        if (reader != null) {
            throw new IllegalStateException("the input is already read as text");
        }
        if (bytes == null) {
            bytes = new CrLineEndBytes(in);
        }
        return bytes;
    }

    /** Why the gzip data ended before its end (after the whole reader was read), or null when it did not. */
    String truncation() {
        return gzip == null ? null : gzip.truncation;
    }

    /** The decompressed text after the last complete line when the gzip data was cut short ("" when none). */
    String fragment() {
        return gzip == null || gzip.fragment == null ? "" : gzip.fragment;
    }

    /** The reason recorded for a gzip file cut short; {@code unit} is "row" or "line". */
    static String cutShort(PostInput input, String unit) {
        return "the gzip data ends abruptly here (" + input.truncation() + "): every complete " + unit
                + " before this one was read" + (input.fragment().isEmpty() ? "" : " and the cut-off " + unit + " was dropped")
                + "; fetch or compress the file again";
    }

    static VigilException unreadable(Path file, IOException e) {
        return new VigilException(file + ": cannot read posts (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + "); check that the file exists, is readable and is not truncated", e);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing with the open error, which is the one worth reporting
            }
        }
    }

    /**
     * Passes decompressed bytes on only up to the last newline seen, holding the rest back until
     * more arrives; when the compressed data ends early the held-back partial line is kept as the
     * fragment instead of being passed on as if it were a whole record.
     */
    static final class GzipTail extends InputStream {
        /** A line longer than this is passed on unfinished: the readers cap records far below it. */
        private static final int MAX_HOLD = 4 << 20;
        private final InputStream in;
        private byte[] buf = new byte[BUFFER];
        private int start;
        private int end;
        private int ready;
        private boolean done;
        String truncation;
        String fragment;

        GzipTail(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (ready == 0) {
                if (done) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, ready);
            System.arraycopy(buf, start, b, off, n);
            start += n;
            ready -= n;
            return n;
        }

        private void fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                if (buf.length >= MAX_HOLD) {
                    ready = end;
                    return;
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n;
            try {
                n = in.read(buf, end, buf.length - end);
            } catch (EOFException | ZipException e) {
                truncation = e.getClass().getSimpleName() + ": " + e.getMessage();
                int keep = Math.min(end, Tally.RAW_LIMIT);
                fragment = new String(buf, 0, keep, StandardCharsets.UTF_8);
                end = 0;
                done = true;
                return;
            }
            if (n < 0) {
                ready = end;
                done = true;
                return;
            }
            int from = end;
            end += n;
            for (int i = end - 1; i >= from; i--) {
                if (buf[i] == '\n') {
                    ready = i + 1;
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * {@link CrLineEnds} for bytes: lone-CR line ends become LF when the first {@code BUFFER} characters
     * of the text (not bytes: the same test as on the decoded text) hold a CR and no LF. A CR or LF byte
     * is never part of a multi-byte character, so it is replaced where it stands.
     */
    static final class CrLineEndBytes extends InputStream {
        /** Bytes that surely hold the first BUFFER characters: one character takes at most 3 bytes. */
        private static final int HEAD = 3 * BUFFER + 8;
        private final InputStream in;
        private byte[] head = new byte[HEAD];
        private int headPos;
        private int headEnd = -1;
        private boolean crOnly;

        CrLineEndBytes(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (headEnd < 0) {
                sniff();
            }
            if (len == 0) {
                return 0;
            }
            int n;
            if (headPos < headEnd) {
                n = Math.min(len, headEnd - headPos);
                System.arraycopy(head, headPos, b, off, n);
                headPos += n;
            } else {
                head = null;
                n = in.read(b, off, len);
            }
            if (crOnly && n > 0) {
                for (int i = off; i < off + n; i++) {
                    if (b[i] == '\r') {
                        b[i] = '\n';
                    }
                }
            }
            return n;
        }

        private void sniff() throws IOException {
            int n = 0;
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            headEnd = n;
            boolean cr = false;
            for (int i = 0; i < n && !cr; i++) {
                cr = head[i] == '\r';
            }
            if (cr) {
                // decoded to see where the first BUFFER characters end; any cut character lies beyond them
                String text = new String(head, 0, n, StandardCharsets.UTF_8);
                int chars = Math.min(BUFFER, text.length());
                boolean lf = false;
                cr = false;
                for (int i = 0; i < chars; i++) {
                    cr |= text.charAt(i) == '\r';
                    lf |= text.charAt(i) == '\n';
                }
                crOnly = cr && !lf;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Reads lone-CR line ends as LF when the start of the text shows that the file uses them. */
    static final class CrLineEnds extends Reader {
        private final Reader in;
        private char[] head = new char[BUFFER];
        private int headPos;
        private int headEnd = -1;
        private boolean crOnly;

        CrLineEnds(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] b, int off, int len) throws IOException {
            if (headEnd < 0) {
                sniff();
            }
            int n;
            if (headPos < headEnd) {
                n = Math.min(len, headEnd - headPos);
                System.arraycopy(head, headPos, b, off, n);
                headPos += n;
            } else {
                head = null;
                n = in.read(b, off, len);
            }
            if (crOnly && n > 0) {
                for (int i = off; i < off + n; i++) {
                    if (b[i] == '\r') {
                        b[i] = '\n';
                    }
                }
            }
            return n;
        }

        private void sniff() throws IOException {
            int n = 0;
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            headEnd = n;
            boolean cr = false;
            boolean lf = false;
            for (int i = 0; i < n; i++) {
                cr |= head[i] == '\r';
                lf |= head[i] == '\n';
            }
            crOnly = cr && !lf;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
