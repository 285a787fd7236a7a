package org.vigil.coordination.detect;

import java.util.Locale;
import java.util.Set;

/**
 * Makes two spellings of the same link compare equal: scheme and host lower-cased, {@code http}
 * folded into {@code https}, a leading {@code www.} and default ports dropped, tracking parameters
 * ({@code utm_*}, {@code fbclid}, {@code gclid} and kin) removed, the fragment and a trailing slash
 * removed. Path and remaining query keep their case and order: servers may treat them as significant.
 */
public final class UrlNormalizer {
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
            "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url", "_ga", "_gl", "cmpid", "smid",
            "utm");

    private UrlNormalizer() {
    }

    /**
     * The normalised URL; an opaque object id (no scheme, no spaces, such as the anonymised link ids
     * of CooRTweet's data sets) as it is; null when {@code raw} is blank, another scheme
     * ({@code mailto:}, {@code javascript:}) or text with spaces.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        if (alreadyNormal(raw)) {
            return raw; // most links in exports already are: checking costs one pass, normalising a dozen copies
        }
        return normalizeFully(raw);
    }

    /** {@link #normalize} without the shortcut for links already in normal form; the tests hold the two equal. */
    static String normalizeFully(String raw) {
        String s = trimPunctuation(raw.strip());
        if (s.isEmpty() || hasSpaceOrControl(s)) {
            return null; // found by fuzzing: a link with a tab or control character inside was passed on as it was
        }
        int schemeEnd = s.indexOf("://");
        String rest;
        if (schemeEnd > 0) {
            String scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            rest = s.substring(schemeEnd + 3);
        } else if (s.regionMatches(true, 0, "www.", 0, 4)) {
            rest = s;
        } else {
            // an opaque object id (CooRTweet's url_id, an image hash "phash:539"): shared as it is
            return isOpaqueId(s) ? s : null;
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int hostEnd = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?') {
                hostEnd = i;
                break;
            }
        }
        String host = rest.substring(0, hostEnd).toLowerCase(Locale.ROOT);
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1);
        }
        if (host.endsWith(":80") || host.endsWith(":443")) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.isEmpty()) {
            return null;
        }
        String pathAndQuery = rest.substring(hostEnd);
        String path = pathAndQuery;
        String query = "";
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            path = pathAndQuery.substring(0, q);
            query = cleanQuery(pathAndQuery.substring(q + 1));
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder out = new StringBuilder(8 + host.length() + path.length() + query.length());
        out.append("https://").append(host).append(path);
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /** The host of a normalised URL without {@code www.}, or "" when there is none (an opaque id). */
    public static String domain(String normalizedUrl) {
        if (!normalizedUrl.contains("://") && !normalizedUrl.regionMatches(true, 0, "www.", 0, 4)) {
            return "";
        }
        int start = normalizedUrl.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int end = normalizedUrl.length();
        for (int i = start; i < normalizedUrl.length(); i++) {
            char c = normalizedUrl.charAt(i);
            if (c == '/' || c == '?' || c == ':') {
                end = i;
                break;
            }
        }
        String host = normalizedUrl.substring(start, end).toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /**
     * True when {@link #normalize} would return {@code s} unchanged by the rules above: {@code https://}, a
     * host of lower-case ASCII without {@code www.}, port, user or a trailing dot, no query, fragment,
     * trailing slash or trailing punctuation, and no space or control character anywhere.
     */
    static boolean alreadyNormal(String s) {
        int n = s.length();
        if (n <= 8 || !s.startsWith("https://") || s.startsWith("www.", 8)) {
            return false;
        }
        int i = 8;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '/') {
                break;
            }
            boolean hostChar = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
            if (!hostChar) {
                return false;
            }
        }
        if (i == 8 || s.charAt(i - 1) == '.') {
            return false; // no host, or a trailing dot that normalising drops
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '?' || c == '#') {
                return false;
            }
        }
        char last = s.charAt(n - 1);
        return last != '/' && last != '.' && last != ',' && last != ';' && last != ':' && last != '!' && last != ')'
                && last != ']' && last != '"' && last != '\'' && last != '>';
    }

    private static boolean hasSpaceOrControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOpaqueId(String s) {
        if (s.length() > 256 || s.contains("://")) {
            return false; // found by fuzzing: "://" passed as an id, which domain() then read as a link
        }
        int colon = s.indexOf(':');
        if (colon > 0 && !s.startsWith("phash:") && !s.startsWith("domain:")) {
            return false; // mailto:, javascript:, tel: ... are not shared objects
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String cleanQuery(String query) {
        if (query.isEmpty()) {
            return query;
        }
        StringBuilder kept = new StringBuilder(query.length());
        for (String param : query.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = (eq >= 0 ? param.substring(0, eq) : param).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append('&');
            }
            kept.append(param);
        }
        return kept.toString();
    }

    private static String trimPunctuation(String s) {
        int end = s.length();
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == ')' || c == ']' || c == '"'
                    || c == '\'' || c == '\u2026' || c == '>') {
                end--;
            } else {
                break;
            }
        }
        int start = 0;
        while (start < end && (s.charAt(start) == '(' || s.charAt(start) == '<' || s.charAt(start) == '"')) {
            start++;
        }
        return s.substring(start, end);
    }
}
