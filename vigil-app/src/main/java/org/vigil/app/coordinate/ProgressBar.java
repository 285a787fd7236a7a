package org.vigil.app.coordinate;

import org.vigil.coordination.ProgressListener;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second, shown only on a terminal (or
 * when forced) and only once a run has taken more than a second, so short runs and logs stay clean.
 */
final class ProgressBar implements ProgressListener {
    private final PrintWriter err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public synchronized void progress(String stage, long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - started < 1_000_000_000L || now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        drawn = true;
        StringBuilder b = new StringBuilder("\r");
        if (total > 0) {
            int width = 30;
            int filled = (int) Math.min(width, width * done / total);
            b.append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ");
            b.append(String.format("%3d%% ", Math.min(100, 100 * done / total)));
        }
        b.append(stage);
        if (done > 0 && total == 0) {
            b.append(' ').append(String.format("%,d", done));
        }
        b.append(String.format("  %.1fs", (now - started) / 1e9));
        String line = b.toString();
        err.print(line.length() > 100 ? line.substring(0, 100) : line + " ".repeat(100 - line.length()));
        err.flush();
    }

    /** Clears the bar so the summary starts on a clean line. */
    synchronized void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }
}
