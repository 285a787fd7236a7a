package org.vigil.ingest.posts;

import java.util.ArrayList;
import java.util.List;

/** Splits the list-valued cells of post exports (urls, hashtags) and finds hashtags in text. */
final class Tokens {
    private Tokens() {
    }

    /** Space- or tab-separated values; an empty or blank cell gives an empty list, never [""]. */
    static List<String> spaceSeparated(String cell) {
        if (cell == null || cell.isEmpty()) {
            return List.of();
        }
        int n = cell.length();
        int first = cell.indexOf(' ');
        if (first < 0 && cell.indexOf('\t') < 0) {
            return List.of(cell);
        }
        List<String> out = new ArrayList<>(4);
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(cell.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && !isSpace(cell.charAt(i))) {
                i++;
            }
            if (i > s) {
                out.add(cell.substring(s, i));
            }
        }
        return immutable(out);
    }

    /**
     * The list as the immutable list a {@code Post} keeps ({@code List.copyOf} then returns it as it is):
     * one or two values, the common case, need no array at all.
     */
    private static List<String> immutable(List<String> out) {
        return switch (out.size()) {
            case 0 -> List.of();
            case 1 -> List.of(out.get(0));
            case 2 -> List.of(out.get(0), out.get(1));
            default -> List.copyOf(out);
        };
    }

    /**
     * A Python-style list cell as the information-operations archives write it: {@code [a, b]},
     * {@code ['http://x', 'http://y']} or {@code []}. Without brackets, commas and spaces separate.
     */
    static List<String> bracketList(String cell) {
        if (cell == null) {
            return List.of();
        }
        String s = cell.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        for (String part : s.split("[,\\s]+")) {
            String v = part.strip();
            if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
                v = v.substring(1, v.length() - 1).strip();
            }
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Hashtags written in the text, with their '#', in order: a '#' not glued to a preceding word
     * character, followed by letters, digits or underscores. For formats without a hashtag column.
     */
    static List<String> hashtagsIn(String text) {
        if (text == null) {
            return List.of();
        }
        int hash = text.indexOf('#');
        if (hash < 0) {
            return List.of();
        }
        List<String> out = null;
        int n = text.length();
        while (hash >= 0) {
            int e = hash + 1;
            while (e < n && isTagChar(text.charAt(e))) {
                e++;
            }
            boolean startsWord = hash == 0 || !(isTagChar(text.charAt(hash - 1)) || text.charAt(hash - 1) == '&');
            if (e > hash + 1 && startsWord) {
                if (out == null) {
                    out = new ArrayList<>(3);
                }
                out.add(text.substring(hash, e));
            }
            hash = text.indexOf('#', e);
        }
        return out == null ? List.of() : immutable(out);
    }

    private static boolean isTagChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
