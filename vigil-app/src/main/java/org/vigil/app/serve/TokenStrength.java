package org.vigil.app.serve;

import java.util.Locale;

/**
 * Whether an access token is hard enough to guess for a server that hands out a whole store. The
 * estimate is the one for a token drawn at random: length times log2 of the alphabet its character
 * classes span (hex digits alone count 16, not 36; both letter cases count the digits too). Since a person may type a pattern instead, a
 * token that is one character repeated, or a shorter unit repeated, or that uses fewer than
 * {@link #MIN_DISTINCT} different characters, is refused whatever its length.
 */
final class TokenStrength {
    static final int MIN_BITS = 128;
    static final int MIN_DISTINCT = 8;
    static final String HOW = "generate one with 'openssl rand -hex 24'";

    private TokenStrength() {
    }

    /** Estimated bits of a random token written with the character classes {@code token} uses. */
    static double bits(String token) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        boolean hexOnly = true;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
            hexOnly &= Character.digit(c, 16) >= 0;
        }
        // both cases present: an alphanumeric alphabet, digits or not (a random base64 token may lack them)
        int alphabet = hexOnly ? 16 : (lower ? 26 : 0) + (upper ? 26 : 0) + (digit || (lower && upper) ? 10 : 0) + (other ? 32 : 0);
        return token.length() * (Math.log(alphabet) / Math.log(2));
    }

    /** Null when {@code token} is strong enough; otherwise the one-line reason and what to do. */
    static String weakness(String token) {
        long distinct = token.chars().distinct().count();
        if (distinct == 1) {
            return "the access token is one character repeated; " + HOW;
        }
        int unit = period(token);
        if (unit < token.length()) {
            return "the access token repeats '" + token.substring(0, Math.min(unit, 8)) + (unit > 8 ? "..." : "") + "' "
                    + token.length() / unit + " times; " + HOW;
        }
        if (distinct < MIN_DISTINCT) {
            return "the access token uses only " + distinct + " different characters (at least " + MIN_DISTINCT + " needed); " + HOW;
        }
        double bits = bits(token);
        if (bits < MIN_BITS) {
            return String.format(Locale.ROOT, "the access token is too easy to guess: about %.0f bits (at least %d needed; "
                    + "a hex token needs 32 characters, a mixed-case one with digits 22); %s", Math.floor(bits), MIN_BITS, HOW);
        }
        return null;
    }

    /** Length of the shortest unit whose repetition gives {@code s} (its length when there is none). */
    private static int period(String s) {
        int n = s.length();
        for (int p = 1; p <= n / 2; p++) {
            if (n % p == 0 && s.regionMatches(0, s, p, n - p)) {
                return p;
            }
        }
        return n;
    }
}
