package org.vigil.ingest.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the byte scanner makes of the cases that are easy to get wrong in bytes; exact expectations. */
class CsvScannerTest {

    @Test
    void quotedFieldsLoseTheirQuotesAndDoubledQuotesBecomeOne() throws IOException {
        List<List<String>> rows = rows(utf8("\"a \"\"b\"\" c\",x\n\"\"\"\",\"\",\"é \"\"€\"\"\"\n\"one, two\",\"line\nbreak\"\n"), 1 << 16);

        assertThat(rows).containsExactly(
                List.of("a \"b\" c", "x"),
                List.of("\"", "", "é \"€\""),
                List.of("one, two", "line\nbreak"));
    }

    @Test
    void crLfEndsALineWhileALoneCrStaysInTheField() throws IOException {
        CsvScanner row = scanner(utf8("a,b\r\nc,d\re\r\n\r\nf,g"), 1 << 16);

        assertThat(row.next()).isTrue();
        assertThat(row.raw()).isEqualTo("a,b");
        assertThat(row.field(1)).isEqualTo("b");
        assertThat(row.next()).isTrue();
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.field(1)).isEqualTo("d\re");
        assertThat(row.next()).isTrue();
        assertThat(row.line()).isEqualTo(4);
        assertThat(row.field(0)).isEqualTo("f");
        assertThat(row.next()).isFalse();
    }

    @Test
    void multiByteCharactersSplitAcrossReadsComeOutWhole() throws IOException {
        byte[] bytes = utf8("é€😀,x\n\"😀\"\"é\",€\n");
        for (int chunk = 1; chunk <= 4; chunk++) {
            assertThat(rows(bytes, chunk)).as("read %d bytes at a time", chunk).containsExactly(
                    List.of("é€😀", "x"),
                    List.of("😀\"é", "€"));
        }
    }

    @Test
    void charactersStraddlingTheEndOfTheBufferComeOutWhole() throws IOException {
        StringBuilder text = new StringBuilder();
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; text.length() < 3 << 18; i++) {
            String cell = "€".repeat(1 + i % 7) + "😀".repeat(i % 3) + "é";
            text.append(i).append(',').append(cell).append('\n');
            expected.add(List.of(Integer.toString(i), cell));
        }
        assertThat(rows(utf8(text.toString()), 1 << 20)).isEqualTo(expected);
        assertThat(rows(utf8(text.toString()), 4093)).isEqualTo(expected);
    }

    @Test
    void invalidUtf8BytesBecomeReplacementCharactersAsTheJdkDecoderMakesThem() throws IOException {
        byte[] bytes = bytes(
                'a', 0xFF, 'b', ',', // a byte that starts nothing
                0xE2, 0x82, ',', // a three-byte character cut after two
                0xF0, 0x9F, 0x98, ',', // a four-byte character cut after three
                0xC0, 0xAF, ',', // an overlong encoding of '/'
                0xED, 0xA0, 0x80, '\n'); // an encoded surrogate
        CsvScanner row = scanner(bytes, 2);

        assertThat(row.next()).isTrue();
        assertThat(row.defect()).isNull();
        assertThat(fields(row)).containsExactly("a\uFFFDb", "\uFFFD", "\uFFFD", "\uFFFD\uFFFD", "\uFFFD");
        assertThat(row.raw()).isEqualTo("a\uFFFDb,\uFFFD,\uFFFD,\uFFFD\uFFFD,\uFFFD");
    }

    @Test
    void aByteOrderMarkIsSkippedAtTheStartOnlyEvenWhenItArrivesByteByByte() throws IOException {
        byte[] bytes = utf8("\uFEFFid,x\n\uFEFFa,b\n");
        for (int chunk : new int[] {1, 2, 1 << 16}) {
            assertThat(rows(bytes, chunk)).containsExactly(List.of("id", "x"), List.of("\uFEFFa", "b"));
        }
        assertThat(rows(bytes(0xEF, 0xBB), 1)).containsExactly(List.of("\uFFFD"));
    }

    @Test
    void cellsOfSpaceCharactersBeyondAsciiAreBlankAndLettersBeyondItAreNot() throws IOException {
        CsvScanner row = scanner(utf8("\u00a0,\u2003 \t,é,\"\",  ,\u00a0x\n"), 1 << 16);

        assertThat(row.next()).isTrue();
        assertThat(List.of(row.isBlank(0), row.isBlank(1), row.isBlank(2), row.isBlank(3), row.isBlank(4), row.isBlank(5), row.isBlank(6)))
                .containsExactly(true, true, false, true, true, false, true);
    }

    @Test
    void aTimeOfPlainDigitsIsReadFromTheBytesAndAnythingElseAsBefore() throws IOException, BadRow {
        CsvScanner row = scanner(utf8("1727740809,\"1727740809\", 1727740809 ,2024-10-01T00:00:00Z,0001727740809,1727740809000,-5,é\n"), 3);

        assertThat(row.next()).isTrue();
        assertThat(row.time(0, "t")).isEqualTo(1727740809L);
        assertThat(row.time(1, "t")).isEqualTo(1727740809L);
        assertThat(row.time(2, "t")).isEqualTo(1727740809L);
        assertThat(row.time(3, "t")).isEqualTo(1727740800L);
        assertThatThrownBy(() -> row.time(4, "column 'ts'")).hasMessageContaining("looks like epoch milliseconds");
        assertThatThrownBy(() -> row.time(5, "column 'ts'")).hasMessageContaining("looks like epoch milliseconds");
        assertThat(row.time(6, "t")).isEqualTo(-5L);
        assertThatThrownBy(() -> row.time(7, "column 'ts'")).hasMessage("column 'ts' has 'é', which is neither epoch"
                + " seconds nor an ISO-8601 time such as 2024-10-01T12:00:00Z; fix the value");
        assertThatThrownBy(() -> row.time(8, "column 'ts'")).hasMessage("column 'ts' is empty; every post needs a time");
    }

    @Test
    void aLongLineOfMultiByteCharactersIsCutInCharactersNotBytes() throws IOException {
        String cell = "€".repeat(CsvScanner.DEFAULT_MAX_RECORD_CHARS - 100);
        CsvScanner row = scanner(utf8("1," + cell + "\n2,after\n"), 1 << 16);

        assertThat(row.next()).isTrue();
        assertThat(row.defect()).isNull();
        assertThat(row.field(1)).isEqualTo(cell);
        assertThat(row.next()).isTrue();
        assertThat(row.field(1)).isEqualTo("after");

        CsvScanner longer = scanner(utf8("1," + cell + "€".repeat(200) + "\n2,after\n"), 1 << 16);
        assertThat(longer.next()).isTrue();
        assertThat(longer.defect()).startsWith("line is longer than 1048576 characters");
        assertThat(longer.raw()).isEqualTo("1," + "€".repeat(Tally.RAW_LIMIT - 2) + "…");
        assertThat(longer.next()).isTrue();
        assertThat(longer.line()).isEqualTo(2);
        assertThat(longer.field(1)).isEqualTo("after");
    }

    private static List<String> fields(CsvScanner row) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.fieldCount(); i++) {
            out.add(row.field(i));
        }
        return out;
    }

    private static List<List<String>> rows(byte[] bytes, int chunk) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvScanner row = scanner(bytes, chunk)) {
            while (row.next()) {
                assertThat(row.defect()).isNull();
                out.add(fields(row));
            }
        }
        return out;
    }

    private static CsvScanner scanner(byte[] bytes, int chunk) {
        InputStream in = new CsvScannerOracleTest.Chunked(new ByteArrayInputStream(bytes), chunk);
        return new CsvScanner(in);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v : values) {
            out.write(v);
        }
        return out.toByteArray();
    }
}
