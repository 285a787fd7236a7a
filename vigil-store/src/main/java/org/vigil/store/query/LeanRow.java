package org.vigil.store.query;

import java.util.List;

/**
 * Which way a network leans on a candidate: {@code lean} is {@code push} or {@code attack}, from
 * hashtags and a word list; {@code posts} carry a cue for it, {@code share} of the network's posts.
 */
public record LeanRow(String candidate, String lean, int posts, double share, List<String> cues) {
    public LeanRow {
        cues = List.copyOf(cues);
    }
}
