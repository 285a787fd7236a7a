package org.vigil.model;

import java.util.List;

/**
 * Which way a network leans on a candidate: {@link Stance#FAVORS} (pushes) or {@link Stance#OPPOSES}
 * (attacks), the number of the network's posts carrying a cue for that lean, and the cues seen most.
 * A candidate lean, not a finding: it comes from hashtags and a word list.
 */
public record CandidateLean(String candidate, Stance lean, int posts, double share, List<String> cues) {
    public CandidateLean {
        cues = List.copyOf(cues);
    }
}
