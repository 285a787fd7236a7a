package org.vigil.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Row ids derived from content, so that re-ingesting an article gives its claims and evidence the
 * same ids as before and links from the dashboard keep working. 63 bits of SHA-256: positive,
 * fits a BIGINT, and a collision among even a billion rows has odds of about 1 in 10^10.
 */
final class StableIds {
    private StableIds() {
    }

    static long of(Object... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        for (Object p : parts) {
            byte[] bytes = String.valueOf(p).getBytes(StandardCharsets.UTF_8);
            // the length prefix keeps ("ab","c") and ("a","bc") apart
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            sha.update(bytes);
        }
        byte[] d = sha.digest();
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v & Long.MAX_VALUE;
    }
}
