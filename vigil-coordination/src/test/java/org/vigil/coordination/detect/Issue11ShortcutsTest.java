package org.vigil.coordination.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.coordination.internal.Hashing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 made tokenising and URL normalisation cheaper (hashing words from a char array, skipping the link
 * test for words that cannot start one, passing links already in normal form through). The results must not
 * move: on seeded random texts and links built from the characters that matter to the rules, the shortcuts
 * agree with the plain definitions.
 */
class Issue11ShortcutsTest {
    private static final String[] PIECES = {
            "a", "B", "vote", "NOW", "w1", "Http", "https://t.co/x", "HTTP://WWW.Ex.com/A", "www.site.org", "wWw.", "h", "W",
            "#Tag", "#", "@name", "@", "RT @someone:", "rt @x:", "_", "9", "é", "É", "ß", "İ", "ı", "ſ", "ﬁ", "Ｈｔｔｐ", "ｗｗｗ.",
            "\u0301", "😀", "𝐀", "Σ", "ς", "—", "!", ",", ".", ":", "'", "\"", "(", ")", "\t", " ", "  ", "\u00a0", "\u2003", "\n",
            "K", "\u212a", "\ud83d", "\ude00"};

    private static final String[] URL_PIECES = {
            "https://", "http://", "HTTPS://", "www.", "WWW.", "news14.example", "t.co", "Ex.COM", "a-b", "host.", "/", "/a/14",
            "/A", "?", "?x=1", "&utm_source=y", "#frag", ":80", ":443", ":8080", "@", "user@", ".", ",", ")", "]", "'", "\"",
            ">", "<", "(", "…", " ", "\t", "\u007f", "é", "_", "~", "%20", "=", ";", ":", "!", "phash:1", "://"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void wordHashesAreThoseOfTheLowerCasedWordAsAString(long seed) {
        Random r = new Random(seed);
        TextTokens t = new TextTokens();
        for (int n = 0; n < 20_000; n++) {
            String text = join(r, PIECES, 1 + r.nextInt(14), r.nextBoolean() ? " " : "");
            t.tokenize(text);
            Reference ref = Reference.of(text);
            long[] got = java.util.Arrays.copyOf(t.hashes(), t.count());
            assertThat(got).as("token hashes of '%s'", text).containsExactly(ref.hashes());
            assertThat(t.hashtags()).as("hashtags of '%s'", text).containsExactlyElementsOf(ref.tags);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void linksAlreadyInNormalFormComeBackAsTheFullRulesWouldGiveThem(long seed) {
        Random r = new Random(seed);
        int passedThrough = 0;
        for (int n = 0; n < 50_000; n++) {
            String raw = join(r, URL_PIECES, 1 + r.nextInt(6), "");
            if (r.nextInt(3) == 0) {
                raw = "https://" + join(r, new String[]{"a", "news", "t", "co", "x9", "-"}, 1 + r.nextInt(3), "")
                        + (r.nextBoolean() ? ".example" : "") + join(r, new String[]{"/a", "/14", "/B", "/x_y", "/%7E"}, r.nextInt(3), "");
            }
            String fully = UrlNormalizer.normalizeFully(raw);
            assertThat(UrlNormalizer.normalize(raw)).as("normalize('%s')", raw).isEqualTo(fully);
            if (UrlNormalizer.alreadyNormal(raw)) {
                passedThrough++;
                assertThat(fully).as("'%s' is in normal form", raw).isEqualTo(raw);
            }
        }
        assertThat(passedThrough).as("the shortcut was exercised").isGreaterThan(1_000);
    }

    private static String join(Random r, String[] pieces, int count, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    /** The tokenising rules written the plain way: a StringBuilder per word, hashed as a CharSequence. */
    private record Reference(List<Long> hashList, List<String> tags) {
        long[] hashes() {
            return hashList.stream().mapToLong(Long::longValue).toArray();
        }

        static Reference of(String text) {
            List<Long> hashes = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            String s = text;
            if (s.chars().anyMatch(c -> c >= 0x80)) {
                s = Normalizer.normalize(s, Normalizer.Form.NFKC);
            }
            int n = s.length();
            int i = retweetPrefixEnd(s);
            StringBuilder word = new StringBuilder();
            while (i < n) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                if (s.regionMatches(true, i, "http://", 0, 7) || s.regionMatches(true, i, "https://", 0, 8)
                        || s.regionMatches(true, i, "www.", 0, 4)) {
                    while (i < n && !Character.isWhitespace(s.charAt(i))) {
                        i++;
                    }
                    continue;
                }
                word.setLength(0);
                char prefix = 0;
                if ((c == '#' || c == '@') && i + 1 < n && wordChar(s, i + 1)) {
                    prefix = c;
                    word.append(c);
                    i++;
                }
                while (i < n && wordChar(s, i)) {
                    int cp = s.codePointAt(i);
                    word.appendCodePoint(Character.toLowerCase(cp));
                    i += Character.charCount(cp);
                }
                if (word.length() > (prefix == 0 ? 0 : 1)) {
                    hashes.add(Hashing.hash(word));
                    if (prefix == '#') {
                        tags.add(word.substring(1));
                    }
                } else if (word.length() == 0) {
                    i++;
                }
            }
            return new Reference(hashes, tags);
        }

        private static boolean wordChar(String s, int i) {
            int cp = s.codePointAt(i);
            if (cp < 0x80) {
                return cp == '_' || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
            }
            return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
        }

        private static int retweetPrefixEnd(String s) {
            int i = 0;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i + 3 < s.length() && "Rr".indexOf(s.charAt(i)) >= 0 && "Tt".indexOf(s.charAt(i + 1)) >= 0
                    && s.charAt(i + 2) == ' ' && s.charAt(i + 3) == '@') {
                int j = i + 4;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != ':') {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == ':') {
                    return j + 1;
                }
            }
            return 0;
        }
    }
}
