package org.vigil.store;

import java.net.URI;
import java.util.Locale;

/**
 * What counts as one independent source: the host of the source URL without {@code www.},
 * {@code m.} or {@code amp.} (the same outlet's mobile and AMP pages are not a second witness),
 * or the origin file when the source has no URL. Registrable domains would need the public suffix
 * list, so {@code edition.cnn.com} and {@code cnn.com} still count twice.
 */
final class SourceDomains {
    private SourceDomains() {
    }

    static String of(String url, String origin, String fallback) {
        if (url != null && !url.isBlank()) {
            String host = host(url.trim());
            if (host != null && !host.isEmpty()) {
                return host;
            }
        }
        if (origin != null && !origin.isBlank()) {
            return "file:" + origin.trim();
        }
        return "doc:" + fallback;
    }

    private static String host(String url) {
        String host = null;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            // scraped URLs often carry spaces or unescaped characters; fall through to the manual cut
        }
        if (host == null) {
            String s = url;
            int scheme = s.indexOf("://");
            if (scheme >= 0) {
                s = s.substring(scheme + 3);
            }
            int end = s.length();
            for (char stop : new char[] {'/', '?', '#', ' '}) {
                int i = s.indexOf(stop);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            s = s.substring(0, end);
            int at = s.lastIndexOf('@');
            if (at >= 0) {
                s = s.substring(at + 1);
            }
            int colon = s.indexOf(':');
            host = colon >= 0 ? s.substring(0, colon) : s;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        for (String prefix : new String[] {"www.", "m.", "amp."}) {
            if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
                host = host.substring(prefix.length());
                break;
            }
        }
        return host;
    }
}
