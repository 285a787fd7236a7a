package org.vigil.app.serve;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw query string of a request, decoded strictly: {@code +} is a space, {@code %} must be
 * followed by two hex digits, and the bytes must be UTF-8. Anything else is a 400 that says where,
 * rather than a decoder's exception deep inside the framework (which answered 500).
 */
final class QueryString {
    /** More parameters than any endpoint takes by far; a longer query is refused before it is looked at. */
    static final int MAX_PARAMETERS = 100;

    private QueryString() {
    }

    /** Names in order of first appearance, each with its values in order; empty for a null or empty query. */
    static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        int count = 0;
        int start = 0;
        while (start <= raw.length()) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? raw.length() : amp;
            if (end > start) {
                if (++count > MAX_PARAMETERS) {
                    throw ApiProblem.badRequest("query", "the query has more than " + MAX_PARAMETERS
                            + " parameters; no endpoint takes more than a dozen, see /api/openapi.json");
                }
                int eq = raw.indexOf('=', start);
                String name;
                String value;
                if (eq >= 0 && eq < end) {
                    name = decode(raw, start, eq);
                    value = decode(raw, eq + 1, end);
                } else {
                    name = decode(raw, start, end);
                    value = "";
                }
                out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return out;
    }

    private static String decode(String raw, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%' || c == '+') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return raw.substring(from, to);
        }
        ByteBuffer bytes = ByteBuffer.allocate((to - from) * 3);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c == '%') {
                int hi = i + 2 < to ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw ApiProblem.badRequest("query", "the query has a malformed percent-escape at character " + (i + 1)
                            + " ('" + excerpt(raw, i) + "'): '%' must be followed by two hex digits; write a literal % as %25");
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else {
                // a raw character outside ASCII (clients should escape it, but a browser's address bar may not)
                ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(raw, i, Character.isHighSurrogate(c) && i + 1 < to ? i + 2 : i + 1));
                bytes.put(b);
                if (Character.isHighSurrogate(c) && i + 1 < to) {
                    i++;
                }
            }
        }
        bytes.flip();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return utf8.decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("query", "the query holds percent-escaped bytes that are not UTF-8 near character " + (from + 1)
                    + " ('" + excerpt(raw, from) + "'); encode the text as UTF-8 before escaping it");
        }
    }

    private static String excerpt(String raw, int at) {
        return raw.substring(at, Math.min(raw.length(), at + 12));
    }
}
