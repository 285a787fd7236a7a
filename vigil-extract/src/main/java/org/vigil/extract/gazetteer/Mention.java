package org.vigil.extract.gazetteer;

/**
 * A gazetteer hit in a sentence: characters {@code start..end} of the sentence, the text seen, and
 * what it resolves to ({@code value}: a country code for an actor, a target for a candidate).
 * {@code kind} is the actor kind ({@code state}, {@code leader}, {@code media}, ...) or {@code candidate}.
 */
public record Mention(int start, int end, String text, String value, String kind) {
    public boolean isPerson() {
        return kind.equals("leader") || kind.equals("official");
    }

    /** Actors whose own words make a claim a statement: people, ministries and state media. */
    public boolean speaksForState() {
        return isPerson() || kind.equals("media") || kind.equals("agency");
    }
}
