package org.vigil.extract.nlp;

import java.util.ArrayList;
import java.util.List;

/** A dependency-parsed sentence with small helpers for walking the tree. */
public record ParsedSentence(String text, List<Token> tokens) {
    public ParsedSentence {
        tokens = List.copyOf(tokens);
    }

    /** The token covering character {@code offset} of the sentence, or null. */
    public Token tokenAt(int offset) {
        for (Token t : tokens) {
            if (offset >= t.begin() && offset < t.end()) {
                return t;
            }
        }
        return null;
    }

    public List<Token> children(Token t) {
        List<Token> out = new ArrayList<>();
        for (Token c : tokens) {
            if (c.head() == t.index()) {
                out.add(c);
            }
        }
        return out;
    }

    public Token head(Token t) {
        return t.head() < 0 ? null : tokens.get(t.head());
    }

    /** True when {@code t} or a governor up to {@code depth} levels up carries a negation (not, n't, never, no). */
    public boolean negated(Token t, int depth) {
        Token cur = t;
        for (int d = 0; cur != null && d <= depth; d++) {
            for (Token c : children(cur)) {
                String w = c.word().toLowerCase(java.util.Locale.ROOT);
                boolean negWord = w.equals("not") || w.equals("n't") || w.equals("never") || w.equals("no")
                        || w.equals("’t") || w.equals("nt");
                if (negWord && (c.relation().startsWith("advmod") || c.relation().equals("neg") || c.relation().equals("det"))) {
                    return true;
                }
            }
            // negation reaches a clause's complement (don't want X to win), not across a new subject
            if (cur.relation().equals("xcomp") || cur.relation().equals("ccomp") || cur.relation().equals("acl")
                    || cur.relation().equals("aux") || cur.relation().equals("mark")) {
                cur = head(cur);
            } else {
                break;
            }
        }
        return false;
    }
}
