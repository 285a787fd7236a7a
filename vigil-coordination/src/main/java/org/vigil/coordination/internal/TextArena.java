package org.vigil.coordination.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Many short texts kept as bytes in large chunks rather than as one {@code String} each: a run keeps the
 * text of every distinct post it may cite as evidence (hundreds of thousands), and as objects they are what
 * the garbage collector copies and scans again and again while the input is read. A text whose characters
 * all fit in one byte is kept one byte per character, any other two bytes per character (UTF-16), so every
 * string comes back exactly as it was given, unpaired surrogates included. Not thread-safe.
 */
public final class TextArena {
    private static final int CHUNK = 1 << 20;
    private static final int HEADER = 5; // length (4 bytes), then 0 for one byte per character or 1 for two
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current;
    private int pos;
    private long bytes;

    /** Stores {@code s}; returns the handle to {@link #get} it with (never negative). */
    public long add(String s) {
        int n = s.length();
        boolean oneByte = true;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) > 0xFF) {
                oneByte = false;
                break;
            }
        }
        int need = HEADER + (oneByte ? n : 2 * n);
        if (current == null || pos + need > current.length) {
            current = new byte[Math.max(CHUNK, need)];
            chunks.add(current);
            pos = 0;
        }
        long handle = ((long) (chunks.size() - 1) << 32) | pos;
        byte[] b = current;
        int p = pos;
        b[p] = (byte) (n >>> 24);
        b[p + 1] = (byte) (n >>> 16);
        b[p + 2] = (byte) (n >>> 8);
        b[p + 3] = (byte) n;
        b[p + 4] = (byte) (oneByte ? 0 : 1);
        p += HEADER;
        if (oneByte) {
            for (int i = 0; i < n; i++) {
                b[p++] = (byte) s.charAt(i);
            }
        } else {
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                b[p++] = (byte) (c >>> 8);
                b[p++] = (byte) c;
            }
        }
        pos = p;
        bytes += need;
        return handle;
    }

    /** The text stored under {@code handle}. */
    public String get(long handle) {
        byte[] b = chunks.get((int) (handle >>> 32));
        int p = (int) handle;
        int n = (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
        p += HEADER;
        if (b[p - 1] == 0) {
            return new String(b, p, n, StandardCharsets.ISO_8859_1);
        }
        char[] c = new char[n];
        for (int i = 0; i < n; i++, p += 2) {
            c[i] = (char) ((b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF));
        }
        return new String(c);
    }

    /** Bytes used by the texts stored so far (headers included). */
    public long bytes() {
        return bytes;
    }
}
