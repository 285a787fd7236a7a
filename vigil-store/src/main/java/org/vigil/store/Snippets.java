package org.vigil.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Picks the passage of a text that best shows why it matched and marks the matched words. The
 * tokens come from the same analyzer as the index, so what is highlighted is exactly what matched
 * (lucene-highlighter would do the same but is not a dependency of this module).
 */
final class Snippets {
    private static final String ELLIPSIS = "...";

    private Snippets() {
    }

    /** A matched token in the original text. */
    record Match(int start, int end, String term) {
    }

    static List<Match> matches(Analyzer analyzer, String text, Set<String> terms) {
        List<Match> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(FullTextIndex.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (terms.contains(t)) {
                    out.add(new Match(offset.startOffset(), offset.endOffset(), t));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
        }
        return out;
    }

    static int distinctTerms(List<Match> matches) {
        Set<String> seen = new HashSet<>();
        for (Match m : matches) {
            seen.add(m.term());
        }
        return seen.size();
    }

    /**
     * The window of about {@code size} characters holding the most distinct query terms (then the
     * most matches), cut at word boundaries; the start of the text when nothing matched.
     */
    static Snippet best(String text, List<Match> matches, int size) {
        if (text.isEmpty()) {
            return new Snippet("", List.of());
        }
        int bestStart = 0;
        int bestDistinct = -1;
        int bestCount = -1;
        for (int i = 0; i < matches.size(); i++) {
            int limit = matches.get(i).start() + size;
            Set<String> distinct = new HashSet<>();
            int count = 0;
            for (int j = i; j < matches.size() && matches.get(j).end() <= limit; j++) {
                distinct.add(matches.get(j).term());
                count++;
            }
            if (distinct.size() > bestDistinct || (distinct.size() == bestDistinct && count > bestCount)) {
                bestDistinct = distinct.size();
                bestCount = count;
                bestStart = matches.get(i).start();
            }
        }
        // a little context before the first match reads better than starting on the matched word
        int start = Math.max(0, bestStart - Math.min(size / 5, 60));
        if (start + size > text.length()) {
            // near the end: spend the unused room on context before the match
            start = Math.max(0, text.length() - size);
        }
        if (start > 0) {
            int space = indexOfSpace(text, start, bestStart);
            start = space < 0 ? start : space + 1;
        }
        int end = Math.min(text.length(), start + size);
        if (end < text.length()) {
            int space = lastIndexOfSpace(text, start, end);
            if (space > start) {
                end = space;
            }
        }
        return render(text, start, end, matches);
    }

    private static Snippet render(String text, int start, int end, List<Match> matches) {
        StringBuilder out = new StringBuilder(end - start + 8);
        int[] at = new int[end - start + 1];
        if (start > 0) {
            out.append(ELLIPSIS);
        }
        boolean pendingSpace = false;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c);
            if (blank) {
                pendingSpace = out.length() > 0;
                at[k - start] = out.length();
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            at[k - start] = out.length();
            out.append(c);
        }
        at[end - start] = out.length();
        List<Snippet.Span> spans = new ArrayList<>();
        for (Match m : matches) {
            if (m.start() >= start && m.end() <= end && m.end() > m.start()) {
                spans.add(new Snippet.Span(at[m.start() - start], at[m.end() - 1 - start] + 1));
            }
        }
        if (end < text.length()) {
            out.append(ELLIPSIS);
        }
        return new Snippet(out.toString(), spans);
    }

    private static int indexOfSpace(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOfSpace(String s, int from, int to) {
        for (int i = to; i > from; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
