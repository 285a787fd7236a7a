package org.vigil.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static final String SAMPLE = "The mayor’s café said “no comment” — €5 fine.";

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static TextDecoder.Decoded decode(byte[] bytes) {
        return TextDecoder.decode(bytes, false);
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkDecodesTheSame() {
        byte[] plain = SAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);

        assertThat(decode(plain).text()).isEqualTo(SAMPLE);
        assertThat(decode(bom).text()).isEqualTo(SAMPLE);
        assertThat(decode(bom).charset()).isEqualTo("UTF-8");
    }

    @Test
    void utf16WithAByteOrderMarkDecodesInEitherByteOrder() {
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, SAMPLE.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, SAMPLE.getBytes(StandardCharsets.UTF_16BE));

        assertThat(decode(le).text()).isEqualTo(SAMPLE);
        assertThat(decode(be).text()).isEqualTo(SAMPLE);
    }

    @Test
    void windows1252SmartQuotesAndEuroSignDecode() {
        // ’ is 0x92, “ ” are 0x93 0x94, — is 0x97, € is 0x80, é is 0xE9 in Windows-1252.
        byte[] bytes = {'T', 'h', 'e', ' ', 'm', 'a', 'y', 'o', 'r', (byte) 0x92, 's', ' ', 'c', 'a', 'f', (byte) 0xE9,
                ' ', 's', 'a', 'i', 'd', ' ', (byte) 0x93, 'n', 'o', ' ', 'c', 'o', 'm', 'm', 'e', 'n', 't', (byte) 0x94,
                ' ', (byte) 0x97, ' ', (byte) 0x80, '5', ' ', 'f', 'i', 'n', 'e', '.'};

        TextDecoder.Decoded decoded = decode(bytes);

        assertThat(decoded.text()).isEqualTo(SAMPLE);
        assertThat(decoded.charset()).isEqualTo("windows-1252");
    }

    @Test
    void latin1AccentsDecode() {
        byte[] bytes = "Le débat à Zürich, señor.".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(decode(bytes).text()).isEqualTo("Le débat à Zürich, señor.");
    }

    @Test
    void anHtmlPageThatDeclaresItsCharsetIsDecodedWithIt() {
        String page = "<html><head><meta charset=\"koi8-r\"></head><body>Выборы</body></html>";
        byte[] bytes = page.getBytes(java.nio.charset.Charset.forName("KOI8-R"));

        assertThat(decode(bytes).text()).contains("Выборы");
    }

    @Test
    void emptyAndWhitespaceOnlyInputIsEmpty() {
        assertThat(decode(new byte[0]).kind()).isEqualTo(TextDecoder.Decoded.Kind.EMPTY);
        assertThat(decode(" \n\r\n\t".getBytes(StandardCharsets.US_ASCII)).kind()).isEqualTo(TextDecoder.Decoded.Kind.EMPTY);
        assertThat(decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).kind()).isEqualTo(TextDecoder.Decoded.Kind.EMPTY);
    }

    @Test
    void bytesWithNulsOrManyControlCodesAreBinary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] controls = new byte[200];
        Arrays.fill(controls, (byte) 0x02);

        assertThat(decode(png).kind()).isEqualTo(TextDecoder.Decoded.Kind.BINARY);
        assertThat(decode(controls).kind()).isEqualTo(TextDecoder.Decoded.Kind.BINARY);
    }

    @Test
    void aMultiByteCharacterCutByTruncationDoesNotForceAFallbackEncoding() {
        byte[] full = "Zürich café ünïcode €".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(full, full.length - 1); // splits the three-byte €

        TextDecoder.Decoded decoded = TextDecoder.decode(cut, true);

        assertThat(decoded.charset()).isEqualTo("UTF-8");
        assertThat(decoded.text()).isEqualTo("Zürich café ünïcode ");
    }

    @Test
    void invisibleAndNoBreakCharactersAreNormalised() {
        String cleaned = TextDecoder.clean("a\u00A0b\u200Bc\u00ADd\r\ne\u2028f");

        assertThat(cleaned).isEqualTo("a bcd\ne\nf");
    }
}
