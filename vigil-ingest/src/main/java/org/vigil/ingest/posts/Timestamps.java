package org.vigil.ingest.posts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses the time of a post into epoch seconds (UTC): integer or decimal epoch seconds, or
 * ISO-8601 in the shapes exports use ({@code 2024-10-01T12:00:00Z},
 * {@code 2021-03-01T12:34:56.000Z}, {@code 2016-10-31 17:22}, with or without an offset; no
 * offset means UTC). Hand-written for the common shapes because {@code java.time} parsing
 * costs more than the rest of a CSV row; fractions of a second are dropped.
 */
final class Timestamps {
    private Timestamps() {
    }

    /** @param where how to name the value in a message, e.g. {@code column 'timestamp'} */
    static long parse(String value, String where) throws BadRow {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty()) {
            throw new BadRow(where + " is empty; every post needs a time");
        }
        char c0 = s.charAt(0);
        if ((c0 >= '0' && c0 <= '9' || c0 == '-') && isEpoch(s)) {
            return epoch(s, where);
        }
        long t = iso(s);
        if (t != Long.MIN_VALUE) {
            return t;
        }
        return fallback(s, where);
    }

    /**
     * The value of bytes [from, to) when they are one to twelve ASCII digits, the shape most exports
     * write and one that {@link #parse} reads as exactly this number; -1 for anything else, which the
     * caller then hands to {@link #parse}. Saves making a string only to read a number from it.
     */
    static long plainEpochSeconds(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 1 || n > 12) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static boolean isEpoch(String s) {
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
            } else if ((c < '0' || c > '9') && !(c == '-' && i == 0)) {
                return false;
            }
        }
        return dots <= 1 && s.length() > (s.charAt(0) == '-' ? 1 : 0);
    }

    private static long epoch(String s, String where) throws BadRow {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        int digits = whole.length() - (whole.startsWith("-") ? 1 : 0);
        if (digits >= 13) {
            throw new BadRow(where + " has '" + s + "', which looks like epoch milliseconds;"
                    + " Vigil expects epoch seconds or ISO-8601");
        }
        if (digits == 0) {
            throw new BadRow(unparseable(s, where));
        }
        long t = Long.parseLong(whole);
        return t < 0 && dot >= 0 && hasNonZeroFraction(s, dot) ? t - 1 : t;
    }

    private static boolean hasNonZeroFraction(String s, int dot) {
        for (int i = dot + 1; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }

    /** yyyy-MM-dd[( |T)HH:mm[:ss[.fff]]][Z|±HH[:]mm|±HH| UTC]; Long.MIN_VALUE when the shape differs. */
    private static long iso(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return Long.MIN_VALUE;
        }
        long seconds = 0;
        int p = 10;
        if (p < n && (s.charAt(p) == 'T' || s.charAt(p) == ' ') && p + 6 <= n && s.charAt(p + 3) == ':') {
            int hour = digits(s, p + 1, 2);
            int minute = digits(s, p + 4, 2);
            if (hour < 0 || minute < 0 || hour > 23 || minute > 59) {
                return Long.MIN_VALUE;
            }
            seconds = hour * 3600L + minute * 60L;
            p += 6;
            if (p < n && s.charAt(p) == ':') {
                int second = p + 3 <= n ? digits(s, p + 1, 2) : -1;
                if (second < 0 || second > 60) {
                    return Long.MIN_VALUE;
                }
                seconds += second;
                p += 3;
                if (p < n && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
                    p++;
                    int f = p;
                    while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                        p++;
                    }
                    if (p == f) {
                        return Long.MIN_VALUE;
                    }
                }
            }
        }
        long offset = offsetSeconds(s, p);
        if (offset == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay() * 86_400L + seconds - offset;
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static long offsetSeconds(String s, int p) {
        int n = s.length();
        if (p < n && s.charAt(p) == ' ') {
            p++;
        }
        if (p == n) {
            return 0;
        }
        String zone = s.substring(p);
        if (zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return 0;
        }
        char sign = zone.charAt(0);
        if (sign != '+' && sign != '-') {
            return Long.MIN_VALUE;
        }
        String hm = zone.substring(1).replace(":", "");
        int hours;
        int minutes = 0;
        if (hm.length() == 2) {
            hours = digits(hm, 0, 2);
        } else if (hm.length() == 4) {
            hours = digits(hm, 0, 2);
            minutes = digits(hm, 2, 2);
        } else {
            return Long.MIN_VALUE;
        }
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return Long.MIN_VALUE;
        }
        long off = hours * 3600L + minutes * 60L;
        return sign == '-' ? -off : off;
    }

    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static long fallback(String s, String where) throws BadRow {
        try {
            return OffsetDateTime.parse(s).toEpochSecond();
        } catch (DateTimeParseException e) {
            // not an offset date-time; try without an offset below
        }
        try {
            return LocalDateTime.parse(s).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadRow(unparseable(s, where));
        }
    }

    private static String unparseable(String s, String where) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        String shown = cut.replace("\r", "\\r").replace("\n", "\\n"); // a message is one line, whatever the value holds
        return where + " has '" + shown + "', which is neither epoch seconds nor an ISO-8601 time"
                + " such as 2024-10-01T12:00:00Z; fix the value";
    }
}
