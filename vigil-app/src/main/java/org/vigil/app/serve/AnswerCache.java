package org.vigil.app.serve;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * JSON answers kept by question. The server opens its store read-only and nothing else can write
 * it meanwhile (the store's file lock), so an answer once computed stays right until the server
 * stops: each distinct query costs its SQL once, and repeats cost a map lookup. Bounded by total
 * bytes, least recently used first out; an answer larger than a sixteenth of the budget is not
 * kept (paging through it is cheaper than evicting everything else for it).
 */
final class AnswerCache {
    /** System property: the budget in bytes (0 keeps nothing, for measuring the server without it). */
    static final String BYTES_KEY = "vigil.serve.cache.bytes";
    /** Default budget: room for thousands of typical answers, small beside the server's heap. */
    static final long DEFAULT_BYTES = 64L << 20;

    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> answers = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    AnswerCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("The parameter 'maxBytes' must not be negative, got " + maxBytes + ".");
        }
        this.maxBytes = maxBytes;
    }

    /** The answer to {@code key}, computed by {@code compute} when not kept; a failing computation keeps nothing. */
    byte[] get(String key, Supplier<byte[]> compute) {
        synchronized (this) {
            byte[] kept = answers.get(key);
            if (kept != null) {
                hits++;
                return kept;
            }
            misses++;
        }
        // computed outside the lock: two first requests for one key may both compute it, which is harmless
        byte[] answer = compute.get();
        if (answer.length <= maxBytes / 16) {
            synchronized (this) {
                byte[] old = answers.put(key, answer);
                bytes += answer.length - (old == null ? 0 : old.length);
                Iterator<Map.Entry<String, byte[]>> oldest = answers.entrySet().iterator();
                while (bytes > maxBytes && oldest.hasNext()) {
                    bytes -= oldest.next().getValue().length;
                    oldest.remove();
                }
            }
        }
        return answer;
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    synchronized int size() {
        return answers.size();
    }

    synchronized long bytes() {
        return bytes;
    }
}
