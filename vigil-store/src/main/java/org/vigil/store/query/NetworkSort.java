package org.vigil.store.query;

import java.util.Locale;

/** Orders of the network list; ties are broken by network id so pages never overlap. */
public enum NetworkSort {
    SCORE("score DESC"),
    SIZE("size DESC"),
    STATE_MEDIA("state_media_share DESC"),
    POSTS("posts DESC"),
    FIRST_ACTIVE("first_active ASC NULLS LAST");

    private final String orderBy;

    NetworkSort(String orderBy) {
        this.orderBy = orderBy;
    }

    /** A fixed ORDER BY fragment: the only way a caller's choice reaches the SQL text. */
    String orderBy() {
        return orderBy + ", network_id";
    }

    /** The name used in URLs: {@code score}, {@code size}, {@code state-media}, {@code posts}, {@code first-active}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #key()}; throws with the list of valid keys otherwise. */
    public static NetworkSort fromKey(String key) {
        for (NetworkSort s : values()) {
            if (s.key().equalsIgnoreCase(key.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sort '" + key + "'; use one of score, size, state-media, posts, first-active");
    }
}
