package org.vigil.model;

/** A sentence quoted verbatim from an article, with its character offsets in the article text. */
public record Evidence(String sentence, int start, int end) {
    public Evidence {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("evidence offsets must satisfy 0 <= start <= end, got " + start + ".." + end);
        }
    }
}
