package org.vigil.ingest.news;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a scraped document into text. Scrapes arrive in whatever encoding the site
 * or the scraper used, so the order is: a byte-order mark wins; then strict UTF-8; then the
 * charset an HTML page declares; then Windows-1252, which decodes every Latin-1 printable byte
 * the same way and also the "smart quotes" that Latin-1 leaves as control codes.
 */
final class TextDecoder {

    /** What the bytes turned out to be. {@code text} is null unless {@code kind} is TEXT. */
    record Decoded(Kind kind, String text, String charset) {
        enum Kind { TEXT, EMPTY, BINARY }
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** git's rule of thumb: a NUL within the first 8000 bytes means binary. */
    private static final int SNIFF_BYTES = 8000;
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.\\-]{2,40})");

    private TextDecoder() {
    }

    /**
     * @param bytes     the document, possibly cut short
     * @param truncated whether {@code bytes} is only the start of a longer document, so a
     *                  multi-byte character split by the cut is not evidence against UTF-8
     */
    static Decoded decode(byte[] bytes, boolean truncated) {
        if (bytes.length == 0) {
            return new Decoded(Decoded.Kind.EMPTY, null, null);
        }
        Charset bomCharset = null;
        int offset = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            bomCharset = StandardCharsets.UTF_8;
            offset = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            bomCharset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            bomCharset = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        int length = bytes.length - offset;
        if (length == 0 || (bomCharset == null && isBlank(bytes))) {
            return new Decoded(Decoded.Kind.EMPTY, null, null);
        }
        if (bomCharset == null) {
            bomCharset = utf16WithoutBom(bytes);
        }
        if (bomCharset == null && looksBinary(bytes)) {
            return new Decoded(Decoded.Kind.BINARY, null, null);
        }
        Charset charset = bomCharset;
        if (charset == null) {
            charset = isUtf8(bytes, truncated) ? StandardCharsets.UTF_8 : declaredOrDefault(bytes);
        }
        String text = new String(bytes, offset, length, charset);
        if (truncated) {
            // The cut may have split the last character in two.
            text = stripTrailing(text, '\uFFFD');
        }
        if (bomCharset != null && controlShare(text) > 0.10) {
            return new Decoded(Decoded.Kind.BINARY, null, null);
        }
        text = clean(text);
        if (text.isBlank()) {
            return new Decoded(Decoded.Kind.EMPTY, null, null);
        }
        return new Decoded(Decoded.Kind.TEXT, text, charset.name());
    }

    /**
     * Normalises what differs between scrapes of the same text but means nothing: line ends,
     * composed versus decomposed accents, no-break and zero-width spaces, soft hyphens.
     */
    static String clean(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u2002', '\u2003', '\t' -> out.append(' ');
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> { }
                case '\u2028', '\u2029', '\u000B', '\u000C', '\u0085' -> out.append('\n');
                default -> {
                    if (c >= 0x20 || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * UTF-16 saved without a byte-order mark: Latin text then has a NUL in every other byte, which
     * would otherwise read as binary. Big-endian puts the NULs first in each pair.
     */
    private static Charset utf16WithoutBom(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
        if (n < 4) {
            return null;
        }
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < n; i += 2) {
            evenZero += bytes[i] == 0 ? 1 : 0;
            oddZero += bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (evenZero >= pairs * 0.6 && oddZero <= pairs * 0.02) {
            return StandardCharsets.UTF_16BE;
        }
        if (oddZero >= pairs * 0.6 && evenZero <= pairs * 0.02) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF_BYTES);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                controls++;
            }
        }
        return controls > n * 0.10;
    }

    private static double controlShare(String text) {
        int n = Math.min(text.length(), SNIFF_BYTES);
        if (n == 0) {
            return 0;
        }
        int controls = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                controls++;
            }
        }
        return (double) controls / n;
    }

    private static boolean isUtf8(byte[] bytes, boolean truncated) {
        int end = bytes.length;
        if (truncated) {
            end = endOfLastCompleteUtf8Sequence(bytes);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Backs off over a multi-byte sequence that the end of the buffer cut short. */
    private static int endOfLastCompleteUtf8Sequence(byte[] bytes) {
        int end = bytes.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = bytes[end - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // continuation byte: keep looking for the lead byte
            }
            if (b >= 0xC0) {
                int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                if (need > back) {
                    return end - back;
                }
            }
            break;
        }
        return end;
    }

    private static Charset declaredOrDefault(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            // Browsers read pages that claim Latin-1 or ASCII as Windows-1252; so do we.
            if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii")
                    || name.equals("ascii") || name.startsWith("utf")) {
                return WINDOWS_1252;
            }
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return WINDOWS_1252;
            }
        }
        return WINDOWS_1252;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    private static String stripTrailing(String s, char c) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(0, end);
    }
}
