package org.vigil.ingest.news;

import java.util.Locale;
import java.util.Set;

/**
 * How deeply a page nests its elements, measured by one linear pass over the markup before it is
 * parsed. Selector matching and Readability walk up the tree from every element, so their time
 * grows with elements times depth: a hostile page of 100,000 nested {@code <div>}s took minutes.
 * Real news pages nest a few dozen deep.
 *
 * <p>Void elements, self-closing tags and elements whose end tag may be left out ({@code p},
 * {@code li}, table cells, ...) are not counted, since a parser closes those by itself; text in
 * {@code script}, {@code style}, {@code textarea}, {@code title} and comments is skipped.
 */
final class HtmlDepth {
    /** Default for {@code ingest.news.html.max.depth}. */
    static final int DEFAULT_MAX = 512;

    private static final Set<String> NOT_NESTING = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
            "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
            "caption", "rb", "rt", "rp", "rtc", "html", "head", "body", "!doctype");
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "noscript");

    private HtmlDepth() {
    }

    /** The deepest nesting met, counting stops once it passes {@code cap} (so the pass stays cheap). */
    static int of(String html, int cap) {
        int depth = 0;
        int max = 0;
        int n = html.length();
        int i = 0;
        while (i < n) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            if (html.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            boolean closing = html.charAt(lt + 1) == '/';
            int s = closing ? lt + 2 : lt + 1;
            int e = s;
            while (e < n && (Character.isLetterOrDigit(html.charAt(e)) || html.charAt(e) == '-' || html.charAt(e) == '!')) {
                e++;
            }
            if (e == s || !Character.isLetter(html.charAt(s)) && html.charAt(s) != '!') {
                i = lt + 1;
                continue;
            }
            String name = html.substring(s, e).toLowerCase(Locale.ROOT);
            int gt = html.indexOf('>', e);
            if (gt < 0) {
                break;
            }
            i = gt + 1;
            if (closing) {
                if (!NOT_NESTING.contains(name) && depth > 0) {
                    depth--;
                }
                continue;
            }
            if (RAW_TEXT.contains(name)) {
                int end = indexOfIgnoreCase(html, "</" + name, i);
                i = end < 0 ? n : end;
                continue;
            }
            if (NOT_NESTING.contains(name) || html.charAt(gt - 1) == '/') {
                continue;
            }
            depth++;
            if (depth > max) {
                max = depth;
                if (max > cap) {
                    return max;
                }
            }
        }
        return max;
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        for (int i = s.indexOf('<', from); i >= 0; i = s.indexOf('<', i + 1)) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }
}
