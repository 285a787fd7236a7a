package org.vigil.extract.nlp;

/**
 * One token of a parsed sentence. {@code begin..end} are character offsets in the sentence;
 * {@code head} is the index of the governing token in the sentence's token list, -1 for the root;
 * {@code relation} is the Universal Dependencies relation to the head.
 */
public record Token(int index, String word, String lemma, String tag, int begin, int end, int head, String relation) {
}
