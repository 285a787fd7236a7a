package org.vigil.coordination.detect;

import org.vigil.coordination.internal.Hashing;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits a post's text into normalised word tokens, kept as 64-bit hashes: lower-cased (NFKC first
 * when the text is not plain ASCII), links removed, a leading {@code RT @name:} removed, punctuation
 * dropped; {@code #tag} and {@code @name} stay tokens of their own. Reused per thread, not thread-safe.
 */
public final class TextTokens {
    private long[] hashes = new long[64];
    private int count;
    /** The word being read, lower-cased: hashed from here rather than through a StringBuilder's CharSequence. */
    private char[] word = new char[32];
    private final java.util.ArrayList<String> tags = new java.util.ArrayList<>();

    /** Tokenises {@code text}; afterwards {@link #count()} and {@link #hash(int)} describe it. */
    public void tokenize(String text) {
        count = 0;
        tags.clear();
        if (text == null || text.isEmpty()) {
            return;
        }
        String s = text;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                s = Normalizer.normalize(s, Normalizer.Form.NFKC);
                break;
            }
        }
        int n = s.length();
        int i = skipRetweetPrefix(s);
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            // only h, w (either case) or a non-ASCII character can begin a link, so most words skip the three comparisons
            if ((c >= 0x80 || c == 'h' || c == 'H' || c == 'w' || c == 'W') && startsWithLink(s, i)) {
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                continue;
            }
            int len = 0;
            char prefix = 0;
            if ((c == '#' || c == '@') && i + 1 < n && isWordChar(s, i + 1)) {
                prefix = c;
                word[len++] = c;
                i++;
            }
            while (i < n && isWordChar(s, i)) {
                if (len + 2 > word.length) {
                    word = Arrays.copyOf(word, word.length * 2);
                }
                char d = s.charAt(i);
                if (d < 0x80) {
                    word[len++] = d >= 'A' && d <= 'Z' ? (char) (d + ('a' - 'A')) : d;
                    i++;
                } else {
                    int cp = s.codePointAt(i);
                    int lower = Character.toLowerCase(cp);
                    if (Character.isBmpCodePoint(lower)) {
                        word[len++] = (char) lower;
                    } else {
                        word[len++] = Character.highSurrogate(lower);
                        word[len++] = Character.lowSurrogate(lower);
                    }
                    i += Character.charCount(cp);
                }
            }
            if (len > (prefix == 0 ? 0 : 1)) {
                addToken(Hashing.hash(word, 0, len));
                if (prefix == '#') {
                    tags.add(new String(word, 1, len - 1));
                }
            } else if (len == 0) {
                i++; // punctuation or a symbol: not a token
            }
        }
    }

    private void addToken(long h) {
        if (count == hashes.length) {
            hashes = Arrays.copyOf(hashes, count * 2);
        }
        hashes[count++] = h;
    }

    private static boolean isWordChar(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        int cp = s.codePointAt(i);
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static boolean startsWithLink(String s, int i) {
        return s.regionMatches(true, i, "http://", 0, 7) || s.regionMatches(true, i, "https://", 0, 8)
                || s.regionMatches(true, i, "www.", 0, 4);
    }

    /** Skips "RT @name:" at the start, which retweet texts carry and which is not the author's wording. */
    private static int skipRetweetPrefix(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i + 3 < n && (s.charAt(i) == 'R' || s.charAt(i) == 'r') && (s.charAt(i + 1) == 'T' || s.charAt(i + 1) == 't')
                && s.charAt(i + 2) == ' ' && s.charAt(i + 3) == '@') {
            int j = i + 4;
            while (j < n && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != ':') {
                j++;
            }
            if (j < n && s.charAt(j) == ':') {
                return j + 1;
            }
        }
        return 0;
    }

    public int count() {
        return count;
    }

    public long hash(int i) {
        return hashes[i];
    }

    /** The token hashes (valid up to {@link #count()}); shared, not copied. */
    public long[] hashes() {
        return hashes;
    }

    /** Hashtags met in the text, lower-cased, without '#', in order (may repeat). */
    public java.util.List<String> hashtags() {
        return tags;
    }

    /** A key for the whole normalised text: equal token sequences give equal keys. */
    public long sequenceKey() {
        long h = 0x51afd7ed558ccdL;
        for (int i = 0; i < count; i++) {
            h = Hashing.mix(h * 31 + hashes[i]);
        }
        return Hashing.mix(h ^ count);
    }

    /** Lower-cases a hashtag as given by a source ({@code #Tag} or {@code Tag}); null when blank. */
    public static String normalizeHashtag(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        while (t.startsWith("#") || t.startsWith("\uff03")) {
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return null;
        }
        return t.toLowerCase(Locale.ROOT);
    }
}
