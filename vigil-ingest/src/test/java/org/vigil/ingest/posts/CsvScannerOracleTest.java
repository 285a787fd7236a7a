package org.vigil.ingest.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte scanner against the char scanner it replaced ({@link CharCsvScanner}, reading the decoded
 * text as before): on seeded random inputs full of quotes, line breaks, control characters, multi-byte
 * and invalid UTF-8, byte-order marks and lone CRs, fed in chunks of random size, both must report the
 * same records, lines, defects, raw text, fields, blank cells and times.
 */
class CsvScannerOracleTest {
    /** Pieces the random inputs are made of; the strings are written as UTF-8, the byte arrays as they are. */
    private static final Object[] PIECES = {
        "a", "b", "x", "7", "1727740809", "12", " ", "\t", ",", ",", ",", "\"", "\"", "\"\"", "\n", "\n", "\r\n", "\r",
        "\u0000", "\u0007", "\u007f", "é", "€", "😀", "\u00a0", "\u2003", "\ufeff", "#tag", "https://x.example/a",
        "2024-10-01T00:00:00Z", "-1.5", "1727740809000", "00001727740809",
        "the quick brown fox jumps over", "0123456789abcdefghij,klmnopqrstuvwxyz", // runs the scanner passes eight bytes at a time
        new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE2, (byte) 0x82},
        new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xE0, (byte) 0x80}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    };

    /** The pieces from "é" on: characters beyond ASCII, valid or not, among a few ASCII runs. */
    private static final int FROM_NON_ASCII = 21;

    @Test
    void theByteScannerReadsRandomInputsExactlyAsTheCharScannerDid() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 3_000; round++) {
            byte[] input = randomInput(random, 1 + random.nextInt(400));
            int maxLines = 1 + random.nextInt(6);
            int maxChars = random.nextBoolean() ? 4 + random.nextInt(60) : CsvScanner.DEFAULT_MAX_RECORD_CHARS;
            int columns = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5);
            int chunk = 1 + random.nextInt(random.nextBoolean() ? 5 : 4_000);
            assertSameRecords("round " + round, input, maxLines, maxChars, columns, chunk);
        }
    }

    @Test
    void recordsNearTheCharacterLimitCountCharactersNotBytes() throws IOException {
        int max = CsvScanner.DEFAULT_MAX_RECORD_CHARS;
        for (String unit : new String[] {"é", "€", "😀", "x"}) {
            for (int d = -1; d <= 1; d++) {
                // each record puts its line end or its first line break at character max + d
                String[] records = {
                    "1,7," + text(unit, max + d - 15) + ",1727740809\n2,7,after,1727740810\n",
                    "1,7,\"" + text(unit, max + d - 5) + "\n" + text(unit, 10) + "\",1727740809\n2,7,after,1727740810\n",
                    "1,7,\"" + text(unit, max + d - 17) + "\",1727740809",
                    "1,7,\"" + text(unit, max + d - 8) + "\u00ff\u00ff\u00ff\n\n3,7,b,1\n",
                    "1,7,\"" + text(unit, max / 2) + "\nx\",1\n2,7,after,1727740810\n",
                };
                for (String record : records) {
                    byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
                    assertSameRecords(unit + " " + d, bytes, CsvScanner.DEFAULT_MAX_RECORD_LINES, max, 4, 1 << 16);
                    if (unit.equals("€")) {
                        assertSameRecords(unit + " " + d, bytes, 3, max, 4, 777);
                    }
                }
            }
        }
    }

    /** {@code chars} characters of {@code unit}, padded with 'x' where a unit of two chars does not fit. */
    private static String text(String unit, int chars) {
        return unit.repeat(chars / unit.length()) + "x".repeat(chars % unit.length());
    }

    @Test
    void longRecordsWithInvalidBytesCountEachReplacementCharacterOnce() throws IOException {
        Random random = new Random(5);
        int max = 300;
        for (int round = 0; round < 500; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int n = max - 40 + random.nextInt(80);
            for (int i = 0; i < n; i++) {
                Object piece = PIECES[FROM_NON_ASCII + random.nextInt(PIECES.length - FROM_NON_ASCII)];
                write(out, piece);
                if (random.nextInt(60) == 0) {
                    write(out, random.nextBoolean() ? "\n" : "\"");
                }
            }
            write(out, "\n1,2\n");
            assertSameRecords("round " + round, out.toByteArray(), 1 + random.nextInt(8), max, 0, 1 + random.nextInt(900));
        }
    }

    @Test
    void loneCrLineEndsAreToldFromTheFirstCharactersNotTheFirstBytesAsOnTheDecodedText() throws IOException {
        String[] texts = {
            "a\r" + "é".repeat(40_000) + "\nb\r", // the LF is among the first 65,536 characters, not among as many bytes
            "a\r" + "x".repeat(70_000) + "\nb\r", // the LF comes after them: CR-only
            "a\r" + "€".repeat(65_000) + "\nb\r",
            "a\r" + "😀".repeat(32_767) + "\nb\r",
            "a\r" + "😀".repeat(32_766) + "x\nb\r",
            "\r".repeat(65_536) + "\n",
            "\r".repeat(65_535) + "\n",
            "no line end at all",
            "",
        };
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            String expected;
            try (Reader in = decoded(bytes)) {
                StringBuilder sb = new StringBuilder();
                char[] chunk = new char[4096];
                for (int n; (n = in.read(chunk)) > 0; ) {
                    sb.append(chunk, 0, n);
                }
                expected = sb.toString();
            }
            String actual;
            try (InputStream in = new PostInput.CrLineEndBytes(new Chunked(new ByteArrayInputStream(bytes), 1000))) {
                actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(actual).as(text.substring(0, Math.min(10, text.length()))).isEqualTo(expected);
        }
    }

    private static void assertSameRecords(String what, byte[] input, int maxLines, int maxChars, int columns, int chunk)
            throws IOException {
        List<String> expected = new ArrayList<>();
        try (CharCsvScanner old = new CharCsvScanner(decoded(input), maxLines, maxChars)) {
            boolean first = true;
            while (old.next()) {
                expected.add(describe(old.line(), old.nextLineNumber(), old.defect(), old.raw(), old.fieldCount(),
                        old::field, old::isBlank, i -> timeOf(old.field(i))));
                if (first && columns > 0) {
                    old.expectColumns(columns);
                }
                first = false;
            }
        }
        List<String> actual = new ArrayList<>();
        try (CsvScanner row = new CsvScanner(new Chunked(new PostInput.CrLineEndBytes(new ByteArrayInputStream(input)), chunk), maxLines, maxChars)) {
            boolean first = true;
            while (row.next()) {
                actual.add(describe(row.line(), row.nextLineNumber(), row.defect(), row.raw(), row.fieldCount(),
                        row::field, row::isBlank, i -> timeOf(row, i)));
                if (first && columns > 0) {
                    row.expectColumns(columns);
                }
                first = false;
            }
        }
        assertThat(actual).as(what + ": " + new String(input, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    private static String describe(long line, long next, String defect, String raw, int count,
                                   java.util.function.IntFunction<String> field,
                                   java.util.function.IntPredicate blank, java.util.function.IntFunction<String> time) {
        StringBuilder sb = new StringBuilder().append(line).append('-').append(next).append(' ');
        if (defect != null) {
            return sb.append("BAD ").append(defect).append(" RAW ").append(raw).toString();
        }
        sb.append(count).append(" RAW ").append(raw);
        for (int i = -1; i <= count; i++) {
            sb.append(" | ").append(field.apply(i)).append(blank.test(i) ? " (blank)" : "").append(" @ ").append(time.apply(i));
        }
        return sb.toString();
    }

    private static String timeOf(String text) {
        try {
            return Long.toString(Timestamps.parse(text, "t"));
        } catch (BadRow bad) {
            return bad.getMessage();
        }
    }

    private static String timeOf(CsvScanner row, int i) {
        try {
            return Long.toString(row.time(i, "t"));
        } catch (BadRow bad) {
            return bad.getMessage();
        }
    }

    private static Reader decoded(byte[] input) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new PostInput.CrLineEnds(new InputStreamReader(new ByteArrayInputStream(input), decoder));
    }

    static byte[] randomInput(Random random, int pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean crOnly = random.nextInt(10) == 0;
        for (int i = 0; i < pieces; i++) {
            Object piece = PIECES[random.nextInt(PIECES.length)];
            if (crOnly && piece instanceof String s && s.contains("\n")) {
                piece = "\r";
            }
            write(out, piece);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object piece) {
        out.writeBytes(piece instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) piece);
    }

    /** Hands the bytes over at most {@code chunk} at a time, so records and characters straddle reads. */
    static final class Chunked extends InputStream {
        private final InputStream in;
        private final int chunk;

        Chunked(InputStream in, int chunk) {
            this.in = in;
            this.chunk = chunk;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, Math.min(len, chunk));
        }
    }
}
