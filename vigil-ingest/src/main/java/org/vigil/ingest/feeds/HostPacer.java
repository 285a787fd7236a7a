package org.vigil.ingest.feeds;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Keeps requests to one host at least an interval apart, so a watch never hammers a site. */
final class HostPacer {
    private final long intervalNanos;
    private final Map<String, Long> next = new HashMap<>();

    HostPacer(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Waits until {@code host} may be asked again, and books the slot. */
    void await(String host) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long at = Math.max(now, next.getOrDefault(host, now));
            next.put(host, at + intervalNanos);
            wait = at - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
