package org.vigil.app.progress;

import org.vigil.coordination.ProgressListener;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second, shown only on a terminal (or
 * when forced) and only once a run has taken more than a second, so short runs and logs stay clean.
 * With a known total it shows done / total, the rate and the time left; commands print their
 * one-line summary either way.
 */
public final class ProgressBar implements ProgressListener {
    /** The values of {@code --progress}. */
    public static final List<String> MODES = List.of("auto", "always", "never");

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long started;
    private String stage;
    private long stageStarted;
    private long lastDraw;
    private boolean drawn;

    public ProgressBar(PrintWriter err, boolean enabled) {
        this(err, enabled, System::nanoTime);
    }

    /** A bar that reads the time, in nanoseconds, from {@code clock}: tests pass one that runs fast. */
    public ProgressBar(PrintWriter err, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.stageStarted = started;
    }

    /**
     * The bar for a {@code --progress} value: {@code auto} draws on a terminal only.
     *
     * @throws IllegalArgumentException for any other value, with a message for the user
     */
    public static ProgressBar forMode(String mode, PrintWriter err) {
        return forMode(mode, err, System::nanoTime);
    }

    /** As {@link #forMode(String, PrintWriter)}, reading the time from {@code clock}. */
    public static ProgressBar forMode(String mode, PrintWriter err, LongSupplier clock) {
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("--progress must be auto, always or never, got '" + mode + "'");
        }
        return new ProgressBar(err, mode.equals("always") || (mode.equals("auto") && System.console() != null), clock);
    }

    @Override
    public synchronized void progress(String stage, long done, long total) {
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        if (!stage.equals(this.stage)) {
            this.stage = stage; // rate and time left are per stage: extraction is far slower than fetching
            stageStarted = now;
        }
        if (now - started < 1_000_000_000L || now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        drawn = true;
        err.print(line(stage, done, total, (now - stageStarted) / 1e9));
        err.flush();
    }

    /** The bar as drawn {@code seconds} into its stage: 100 characters after a carriage return. */
    static String line(String stage, long done, long total, double seconds) {
        StringBuilder b = new StringBuilder("\r");
        if (total > 0) {
            int width = 30;
            int filled = (int) Math.min(width, width * done / total);
            b.append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ");
            b.append(String.format(Locale.ROOT, "%,d/%,d ", done, total));
        }
        b.append(stage);
        if (done > 0 && total == 0) {
            b.append(' ').append(String.format(Locale.ROOT, "%,d", done));
        }
        double rate = seconds > 0 ? done / seconds : 0;
        b.append(String.format(Locale.ROOT, "  %.1f/s  %.1fs", rate, seconds));
        if (total > 0 && done > 0 && done < total) {
            b.append(String.format(Locale.ROOT, ", %.0fs left", (total - done) / rate));
        }
        String line = b.toString();
        return line.length() > 101 ? line.substring(0, 101) : line + " ".repeat(101 - line.length());
    }

    /** Clears the bar so the summary starts on a clean line; a second call prints nothing. */
    public synchronized void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
