package org.vigil.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Search-hit passages from Lucene's unified highlighter, re-analysing stored text with the index's
 * analyser, so a stemmed query ("hack") marks every form it matched ("hacked", "hacking"). The
 * highlighter picks the best-scoring passage; this class only shapes it into a {@link Snippet}:
 * at most {@code size} characters cut at spaces, "..." where text was cut, runs of whitespace and
 * control characters as one space (stored text is hostile and may carry terminal escapes).
 */
final class Highlights {
    private static final String ELLIPSIS = "...";

    /** A sentence that matched: its snippet, how many distinct query terms and matches it holds. */
    record Match(Snippet snippet, int distinctTerms, int matches) {
    }

    /** What the formatter hands back: the chosen passage of the content. */
    private record Chosen(int start, int end, int[] matchStarts, int[] matchEnds, int distinct) {
    }

    private static final PassageFormatter CHOOSE = new PassageFormatter() {
        @Override
        public Object format(Passage[] passages, String content) {
            if (passages.length == 0 || passages[0].getNumMatches() == 0) {
                return null;
            }
            Passage p = passages[0];
            int n = p.getNumMatches();
            Set<String> terms = new HashSet<>();
            for (int i = 0; i < n; i++) {
                terms.add(p.getMatchTerms()[i].utf8ToString());
            }
            return new Chosen(p.getStartOffset(), p.getEndOffset(), java.util.Arrays.copyOf(p.getMatchStarts(), n),
                    java.util.Arrays.copyOf(p.getMatchEnds(), n), terms.size());
        }
    };

    private final Analyzer analyzer;
    private final int size;

    Highlights(Analyzer analyzer, int size) {
        this.analyzer = analyzer;
        this.size = size;
    }

    private UnifiedHighlighter highlighter(boolean whole) {
        return UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withFormatter(CHOOSE)
                .withHighlightPhrasesStrictly(true)
                .withMaxNoHighlightPassages(0)
                .withBreakIterator(() -> whole ? new WholeBreakIterator()
                        : LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), size, 0.5f))
                .build();
    }

    /** The best passage of {@code text} for the {@code field} terms of {@code query}; the opening when nothing matches. */
    Snippet passage(String field, Query query, String text) {
        Chosen c = choose(false, field, query, text);
        if (c == null) {
            return render(text, 0, cutEnd(text, 0, Math.min(text.length(), size)), new int[0], new int[0]);
        }
        int start = c.start();
        int end = c.end();
        if (end - start > size) {
            // a long sentence: a window of size around the matches, as many of them as fit
            int from = c.matchStarts()[0];
            int to = from;
            for (int i = 0; i < c.matchEnds().length && c.matchEnds()[i] - from <= size; i++) {
                to = Math.max(to, c.matchEnds()[i]);
            }
            int slack = Math.max(0, size - (to - from));
            start = Math.max(start, from - slack / 2);
            end = Math.min(end, start + size);
            start = cutStart(text, start, from);
            end = cutEnd(text, Math.max(to, start), end);
        }
        return render(text, start, end, c.matchStarts(), c.matchEnds());
    }

    /** The whole {@code sentence} marked for the {@code field} terms of {@code query}, or null when none matches. */
    Match sentence(String field, Query query, String sentence) {
        Chosen c = choose(true, field, query, sentence);
        if (c == null) {
            return null;
        }
        return new Match(render(sentence, 0, sentence.length(), c.matchStarts(), c.matchEnds()), c.distinct(), c.matchStarts().length);
    }

    private Chosen choose(boolean whole, String field, Query query, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return (Chosen) highlighter(whole).highlightWithoutSearcher(field, query, text, 1);
        } catch (IOException e) {
            throw new UncheckedIOException("highlighting an in-memory string cannot fail", e);
        }
    }

    /** The first space at or after {@code from} (but before {@code limit}), so a passage never starts mid-word. */
    private static int cutStart(String s, int from, int limit) {
        if (from == 0) {
            return 0;
        }
        for (int i = from; i < limit; i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i + 1;
            }
        }
        return from;
    }

    /** The last space at or before {@code to} (but after {@code floor}), so a passage never ends mid-word. */
    private static int cutEnd(String s, int floor, int to) {
        if (to >= s.length()) {
            return s.length();
        }
        for (int i = to; i > floor; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return to;
    }

    private static Snippet render(String text, int start, int end, int[] matchStarts, int[] matchEnds) {
        StringBuilder out = new StringBuilder(end - start + 8);
        int[] at = new int[end - start + 1];
        if (start > 0) {
            out.append(ELLIPSIS);
        }
        boolean pendingSpace = false;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
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
        for (int i = 0; i < matchStarts.length; i++) {
            int s = matchStarts[i];
            int e = matchEnds[i];
            if (s >= start && e <= end && e > s) {
                spans.add(new Snippet.Span(at[s - start], at[e - 1 - start] + 1));
            }
        }
        if (end < text.length()) {
            out.append(ELLIPSIS);
        }
        return new Snippet(out.toString().stripTrailing(), spans);
    }
}
