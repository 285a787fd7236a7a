package org.vigil.store;

import java.util.List;

/**
 * A short passage of stored text with the spans that matched a query. The text is the stored text,
 * verbatim apart from runs of whitespace collapsed to one space; it is never escaped here, because
 * only the caller knows its output. {@link #html()} is the safe form for a web page.
 */
public record Snippet(String text, List<Span> highlights) {

    /** A matched span, as offsets into {@link #text()}; {@code end} is exclusive. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("span offsets must satisfy 0 <= start <= end, got " + start + ".." + end);
            }
        }
    }

    public Snippet {
        highlights = List.copyOf(highlights);
        for (Span s : highlights) {
            if (s.end() > text.length()) {
                throw new IllegalArgumentException("span " + s + " ends after the snippet text (" + text.length() + " chars)");
            }
        }
    }

    /** The text with every highlight wrapped in {@code open}/{@code close}, e.g. {@code [[}/{@code ]]} for a terminal. */
    public String marked(String open, String close) {
        return render(open, close, false);
    }

    /** The text HTML-escaped, highlights wrapped in {@code <mark>}: article text is hostile, so this is the only form to put in a page. */
    public String html() {
        return render("<mark>", "</mark>", true);
    }

    private String render(String open, String close, boolean escape) {
        StringBuilder out = new StringBuilder(text.length() + highlights.size() * (open.length() + close.length()));
        int at = 0;
        for (Span s : highlights) {
            append(out, text, at, s.start(), escape);
            out.append(open);
            append(out, text, s.start(), s.end(), escape);
            out.append(close);
            at = s.end();
        }
        append(out, text, at, text.length(), escape);
        return out.toString();
    }

    private static void append(StringBuilder out, String s, int from, int to, boolean escape) {
        if (!escape) {
            out.append(s, from, to);
            return;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
