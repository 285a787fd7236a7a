package org.vigil.app.watch;

import org.vigil.ingest.feeds.FetchSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The watch's settings, each declared once with its default and a doc line; the sources file's
 * {@code settings:} section sets them by their dotted key. Keys starting {@code coordination.} go to
 * the coordination engine as they are.
 */
public final class WatchSettings {
    /** One setting: its dotted key, default and what it does. */
    public record Key(String name, String defaultValue, String description) {
    }

    public static final List<Key> KEYS = List.of(
            new Key("watch.every", "15m", "Time between the starts of two polls (e.g. 90s, 15m, 1h)."),
            new Key("watch.max.pages", "500", "Most article pages fetched in one poll; the rest wait for the next one."),
            new Key("fetch.user.agent", FetchSettings.USER_AGENT, "The User-Agent of every request; keep it naming Vigil."),
            new Key("fetch.timeout", "20s", "Connect timeout, and the most one whole answer may take."),
            new Key("fetch.max.bytes", "5242880", "Largest answer read; a larger one fails (5 MiB)."),
            new Key("fetch.max.redirects", "5", "Redirects followed before a fetch fails."),
            new Key("fetch.host.interval", "2s", "Least time between two requests to one host."),
            new Key("fetch.retries", "2", "Further tries of a failed fetch within one poll."),
            new Key("fetch.retry.backoff", "2s", "Wait before the first retry, doubled before each next one."),
            new Key("alerts.balance.shift", "0.3", "Raise balance-shift when a cell's (favours - opposes) / articles moves this far."),
            new Key("alerts.balance.min.articles", "3", "Articles a cell needs before its balance can shift."),
            new Key("alerts.network.growth", "0.25", "Raise network-grew when a network gains this share of its accounts."),
            new Key("alerts.network.overlap", "0.5", "Share of an earlier network's accounts a network must hold to be the same one."),
            new Key("alerts.evidence", "3", "Sentences and links quoted per alert."),
            new Key("webhook.retries", "3", "Further tries of a failed webhook delivery."),
            new Key("webhook.backoff", "1s", "Wait before the first webhook retry, doubled before each next one."),
            new Key("webhook.timeout", "10s", "Most one webhook delivery may take."));

    private final Map<String, String> values;
    private final Map<String, String> coordination;

    private WatchSettings(Map<String, String> values, Map<String, String> coordination) {
        this.values = values;
        this.coordination = coordination;
    }

    public static WatchSettings defaults() {
        return of(Map.of(), "defaults");
    }

    /**
     * Settings from dotted keys; {@code where} names the file in error messages.
     *
     * @throws IllegalArgumentException for an unknown key or a value that does not parse, naming both
     */
    public static WatchSettings of(Map<String, String> given, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Key k : KEYS) {
            values.put(k.name(), k.defaultValue());
        }
        Map<String, String> coordination = new TreeMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getKey().startsWith("coordination.")) {
                coordination.put(e.getKey(), e.getValue());
            } else if (!values.containsKey(e.getKey())) {
                throw new IllegalArgumentException(where + ": unknown setting '" + e.getKey() + "'; known settings: "
                        + String.join(", ", KEYS.stream().map(Key::name).toList()) + " and coordination.*");
            } else {
                values.put(e.getKey(), e.getValue());
            }
        }
        WatchSettings s = new WatchSettings(values, coordination);
        try {
            s.fetch(); // checks every fetch.* value
            s.every();
            s.maxPages();
            s.balanceShift();
            s.balanceMinArticles();
            s.networkGrowth();
            s.networkOverlap();
            s.evidence();
            s.webhookRetries();
            s.webhookBackoff();
            s.webhookTimeout();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        return s;
    }

    /** The same settings with {@code key} set to {@code value}. */
    public WatchSettings with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(values);
        m.putAll(coordination);
        m.put(key, value);
        return of(m, "setting " + key);
    }

    public FetchSettings fetch() {
        return new FetchSettings(values.get("fetch.user.agent"), duration("fetch.timeout"), integer("fetch.max.bytes", 1024, Long.MAX_VALUE),
                (int) integer("fetch.max.redirects", 0, 20), duration("fetch.host.interval"), (int) integer("fetch.retries", 0, 10),
                duration("fetch.retry.backoff"));
    }

    public Duration every() {
        Duration d = duration("watch.every");
        if (d.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("watch.every must be at least 10s, got '" + values.get("watch.every") + "'");
        }
        return d;
    }

    public int maxPages() {
        return (int) integer("watch.max.pages", 1, 1_000_000);
    }

    public double balanceShift() {
        return fraction("alerts.balance.shift", 2.0);
    }

    public long balanceMinArticles() {
        return integer("alerts.balance.min.articles", 1, 1_000_000);
    }

    public double networkGrowth() {
        return fraction("alerts.network.growth", 100.0);
    }

    public double networkOverlap() {
        return fraction("alerts.network.overlap", 1.0);
    }

    public int evidence() {
        return (int) integer("alerts.evidence", 0, 50);
    }

    public int webhookRetries() {
        return (int) integer("webhook.retries", 0, 10);
    }

    public Duration webhookBackoff() {
        return duration("webhook.backoff");
    }

    public Duration webhookTimeout() {
        return duration("webhook.timeout");
    }

    /** The {@code coordination.*} keys, for the coordination engine. */
    public Map<String, String> coordination() {
        return coordination;
    }

    private long integer(String key, long min, long max) {
        String v = values.get(key).trim();
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number" + (max == Long.MAX_VALUE ? " of at least " + min
                    : " from " + min + " to " + max) + ", got '" + v + "'");
        }
    }

    private double fraction(String key, double max) {
        String v = values.get(key).trim();
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0 && d <= max)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number from 0 to " + max + ", got '" + v + "'");
        }
    }

    private Duration duration(String key) {
        return parseDuration(key, values.get(key));
    }

    /** {@code 250ms}, {@code 90s}, {@code 90} (seconds), {@code 15m}, {@code 1h}. */
    static Duration parseDuration(String key, String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(nonNegative(s.substring(0, s.length() - 2)));
            } else if (s.endsWith("s")) {
                return Duration.ofSeconds(nonNegative(s.substring(0, s.length() - 1)));
            } else if (s.endsWith("m")) {
                return Duration.ofMinutes(nonNegative(s.substring(0, s.length() - 1)));
            } else if (s.endsWith("h")) {
                return Duration.ofHours(nonNegative(s.substring(0, s.length() - 1)));
            }
            return Duration.ofSeconds(nonNegative(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 250ms, 90s, 15m or 1h, got '" + text + "'");
        }
    }

    private static long nonNegative(String s) {
        long v = Long.parseLong(s.trim());
        if (v < 0) {
            throw new NumberFormatException();
        }
        return v;
    }
}
