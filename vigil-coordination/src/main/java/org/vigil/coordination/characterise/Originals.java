package org.vigil.coordination.characterise;

/** Who wrote a re-shared post and what it said, by its co-retweet key; null when not known. */
public interface Originals {
    String author(long retweetKey);

    String text(long retweetKey);
}
