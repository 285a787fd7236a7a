package org.vigil.ingest.news;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an article's publication date in the places scrapes keep it: an ISO timestamp in
 * metadata, a dateline such as "Updated - September 21, 2024", or a /2024/09/21/ path in the URL.
 * Every finder returns null rather than guess: a wrong date is worse than none.
 */
final class PublishedDates {

    private static final int MIN_YEAR = 1990;
    private static final int MAX_YEAR = 2100;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"
            + "july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
    private static final Pattern COMPACT_ISO = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:T|$)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?i)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})\\b");
    private static final Pattern SLASHED = Pattern.compile("(?<!\\d)(\\d{1,2})/(\\d{1,2})/(\\d{4})(?!\\d)");
    private static final List<Pattern> URL_PATHS = List.of(
            Pattern.compile("/(\\d{4})/(\\d{1,2})/(\\d{1,2})(?:/|$|[-_.])"),
            Pattern.compile("/(\\d{4})-(\\d{2})-(\\d{2})(?:/|$|[-_.])"),
            Pattern.compile("[/_-](\\d{4})(\\d{2})(\\d{2})(?:/|$|[-_.])"));
    /** /2015/dec/17/ as some papers write it. */
    private static final Pattern URL_MONTH_NAME = Pattern.compile(
            "(?i)/(\\d{4})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(\\d{1,2})(?:/|$)");
    /** A line that announces the publication date rather than a date in the story. */
    private static final Pattern DATELINE = Pattern.compile(
            "(?i)^\\W*(?:(?:last\\s+)?updated|published|posted|first published|date|dated)\\b");

    private PublishedDates() {
    }

    /**
     * A date written as metadata: ISO "2024-09-21" (with or without a time), "20240921",
     * "September 21, 2024", "21 September 2024". Null when the value is none of these.
     */
    static LocalDate parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        Matcher m = ISO.matcher(v);
        if (m.find()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = COMPACT_ISO.matcher(v);
        if (m.find()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        return inProse(v);
    }

    /** The date in a line such as "Updated - September 21, 2024 04:29 pm IST", or null. */
    static LocalDate fromDateline(String line) {
        if (line.length() > 200 || !DATELINE.matcher(line).find()) {
            return null;
        }
        return parse(line);
    }

    /** A date in a short line that is not a sentence, such as a byline "Jane Roe • May 2, 2024". */
    static LocalDate fromBylineLike(String line) {
        return inProse(line);
    }

    /** The date in a URL path such as /2024/09/21/ or /2024-11-06-slug, or null. */
    static LocalDate fromUrl(String url) {
        if (url == null) {
            return null;
        }
        String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+", "");
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        for (Pattern p : URL_PATHS) {
            Matcher m = p.matcher(path);
            if (m.find()) {
                LocalDate d = date(m.group(1), m.group(2), m.group(3));
                if (d != null) {
                    return d;
                }
            }
        }
        Matcher m = URL_MONTH_NAME.matcher(path);
        if (m.find()) {
            return date(m.group(1), String.valueOf(month(m.group(2))), m.group(3));
        }
        return null;
    }

    private static LocalDate inProse(String v) {
        Matcher m = MONTH_DAY_YEAR.matcher(v);
        if (m.find()) {
            return date(m.group(3), String.valueOf(month(m.group(1))), m.group(2));
        }
        m = DAY_MONTH_YEAR.matcher(v);
        if (m.find()) {
            return date(m.group(3), String.valueOf(month(m.group(2))), m.group(1));
        }
        m = SLASHED.matcher(v);
        if (m.find()) {
            // 09/21/2024 is American; 21/09/2024 is not. Only the unambiguous ones are kept.
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (a > 12 && b <= 12) {
                return date(m.group(3), m.group(2), m.group(1));
            }
            if (b > 12 && a <= 12) {
                return date(m.group(3), m.group(1), m.group(2));
            }
        }
        return null;
    }

    private static int month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT).substring(0, 3));
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            if (y < MIN_YEAR || y > MAX_YEAR) {
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
