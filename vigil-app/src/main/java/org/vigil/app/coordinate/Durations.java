package org.vigil.app.coordinate;

import java.util.Locale;

/** Parses the window option: {@code 60}, {@code 60s}, {@code 2m}, {@code 1h} (whole seconds). */
final class Durations {
    private Durations() {
    }

    static long seconds(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("ms")) {
            throw new IllegalArgumentException("the window is counted in whole seconds; got '" + text + "', use e.g. 60s");
        } else if (s.endsWith("s")) {
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("m")) {
            unit = 60;
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("h")) {
            unit = 3600;
            s = s.substring(0, s.length() - 1);
        }
        try {
            long v = Long.parseLong(s.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(v, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("cannot read the window '" + text + "'; use seconds, e.g. 60s, 90, 2m or 1h");
        }
    }
}
