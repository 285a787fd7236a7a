package org.vigil.extract.nlp;

/** A sentence of an article: its characters {@code start..end} in the article text. */
public record TextSpan(int start, int end, String text) {
}
