package org.vigil.store.query;

import java.util.Map;

/**
 * A significant link between two accounts: {@code weight} is its significance (-log10 of the chance
 * of this many co-actions under the null model), {@code coActions} the counts per kind;
 * {@code networkId} is -1 when the link crosses networks.
 */
public record EdgeRow(String source, String target, int networkId, double weight, Map<String, Integer> coActions) {
    public EdgeRow {
        coActions = Map.copyOf(coActions);
    }
}
