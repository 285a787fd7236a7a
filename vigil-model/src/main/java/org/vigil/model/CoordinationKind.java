package org.vigil.model;

import java.util.Locale;

/**
 * The five co-actions Vigil looks for: two accounts re-sharing the same post, linking the same
 * (normalised) URL, using the same hashtag, posting the same normalised text, or posting
 * near-duplicate text, each within a short time window of each other.
 */
public enum CoordinationKind {
    CO_RETWEET("co-retweet"),
    CO_LINK("co-link"),
    CO_HASHTAG("co-hashtag"),
    CO_TWEET("co-tweet"),
    CO_SIMILAR_TEXT("co-similar-text");

    private final String key;

    CoordinationKind(String key) {
        this.key = key;
    }

    /** The name used on the command line, in output files and in the store ({@code co-retweet}). */
    public String key() {
        return key;
    }

    /** Parses {@link #key()} or the enum name, case-insensitively. */
    public static CoordinationKind fromKey(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (CoordinationKind kind : values()) {
            if (kind.key.equals(k) || kind.key.replace("-", "").equals(k.replace("-", ""))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown co-action kind '" + s + "'; use one of co-retweet, co-link, co-hashtag, co-tweet, co-similar-text");
    }
}
