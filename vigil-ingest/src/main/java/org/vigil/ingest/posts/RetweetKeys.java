package org.vigil.ingest.posts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A stable stand-in for the id of a retweeted tweet when an export leaves it out (the IRA release
 * does): a retweet carries the retweeted tweet's text verbatim, so every retweet of one tweet
 * gets the same key, and co-retweet detection still works.
 */
final class RetweetKeys {
    /** Prefix that tells a derived key apart from a real post id. */
    static final String PREFIX = "text:";
    private static final Pattern RT_PREFIX = Pattern.compile("^RT @\\w{1,50}:\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private RetweetKeys() {
    }

    /**
     * {@code text:} plus the first 16 hex digits of the SHA-256 of the text with any leading
     * {@code RT @user:} removed and runs of white space made one space; null for empty text,
     * which would otherwise make every empty retweet look like one shared object.
     */
    static String fromText(String text) {
        if (text == null) {
            return null;
        }
        String t = RT_PREFIX.matcher(text.strip()).replaceFirst("");
        t = SPACES.matcher(t).replaceAll(" ").strip();
        if (t.isEmpty()) {
            return null;
        }
        byte[] digest = sha256().digest(t.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(digest, 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
