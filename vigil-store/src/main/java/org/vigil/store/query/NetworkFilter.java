package org.vigil.store.query;

import java.util.List;

/**
 * Which networks to list. {@code minSize} and {@code minScore} are lower bounds; {@code outlets}
 * keeps networks that amplify any of these state-media outlets (empty: no condition);
 * {@code candidate} keeps networks with a lean on that candidate, and {@code lean} ({@code push}
 * or {@code attack}) narrows it. Nulls mean "any".
 */
public record NetworkFilter(Integer minSize, Double minScore, List<String> outlets, String candidate, String lean,
                            NetworkSort sort) {
    public NetworkFilter {
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
        sort = sort == null ? NetworkSort.SCORE : sort;
        if (lean != null && !lean.equals("push") && !lean.equals("attack")) {
            throw new IllegalArgumentException("The parameter 'lean' must be push or attack, got '" + lean + "'.");
        }
    }

    public static NetworkFilter all() {
        return new NetworkFilter(null, null, List.of(), null, null, NetworkSort.SCORE);
    }
}
