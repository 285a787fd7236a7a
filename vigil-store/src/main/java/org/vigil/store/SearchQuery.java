package org.vigil.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A search box query, parsed by a deliberately small grammar: words, {@code "quoted phrases"} and
 * {@code -excluded} words, all words required. Nothing the user types is query syntax beyond that,
 * so hostile or malformed input ({@code ' OR 1=1 --}, unbalanced quotes, {@code *:*}) is just
 * words to look for, and never an error. Each word is looked for in the title, the text and the
 * evidence sentences; the title and evidence weigh more, because a match there says more.
 */
record SearchQuery(Query query, Set<String> highlightTerms) {
    static final int MAX_CLAUSES = 32;

    /** Parses {@code text}; an empty {@link Set} of terms (and null query) means nothing to search for. */
    static SearchQuery parse(String text, Analyzer analyzer) {
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        Set<String> positive = new LinkedHashSet<>();
        int clauses = 0;
        for (Part part : split(text)) {
            if (clauses == MAX_CLAUSES) {
                break;
            }
            List<String> tokens = analyze(analyzer, part.text());
            if (tokens.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder anyField = new BooleanQuery.Builder();
            anyField.add(new BoostQuery(fieldQuery(FullTextIndex.TITLE, tokens), 2f), Occur.SHOULD);
            anyField.add(fieldQuery(FullTextIndex.TEXT, tokens), Occur.SHOULD);
            anyField.add(new BoostQuery(fieldQuery(FullTextIndex.EVIDENCE, tokens), 1.5f), Occur.SHOULD);
            top.add(anyField.build(), part.excluded() ? Occur.MUST_NOT : Occur.MUST);
            if (!part.excluded()) {
                positive.addAll(tokens);
            }
            clauses++;
        }
        // a query of exclusions only would match the whole store; treat it as no query
        return positive.isEmpty() ? new SearchQuery(null, Set.of()) : new SearchQuery(top.build(), Set.copyOf(positive));
    }

    private static Query fieldQuery(String field, List<String> tokens) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (String t : tokens) {
            phrase.add(new Term(field, t));
        }
        return phrase.build();
    }

    static List<String> analyze(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(FullTextIndex.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
        }
        return out;
    }

    private record Part(String text, boolean excluded) {
    }

    private static List<Part> split(String text) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean excluded = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                excluded = true;
                i++;
                c = text.charAt(i);
            }
            int end;
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                end = close < 0 ? n : close;
                parts.add(new Part(text.substring(i + 1, end), excluded));
                i = Math.min(n, end + 1);
            } else {
                end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                parts.add(new Part(text.substring(i, end), excluded));
                i = end;
            }
        }
        return parts;
    }
}
