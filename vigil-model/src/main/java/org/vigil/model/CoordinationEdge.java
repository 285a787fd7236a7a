package org.vigil.model;

import java.util.Map;

/**
 * A significant link between two accounts: they acted on the same objects within the time window
 * more often than their activity explains. {@code significance} is -log10 of the chance of at least
 * this many co-actions under the null model; {@code coActions} counts co-actions per kind.
 * {@code networkId} is the network both ends belong to, or -1 when the edge crosses networks.
 */
public record CoordinationEdge(String source, String target, int networkId, double significance,
                               Map<CoordinationKind, Integer> coActions) {
    public CoordinationEdge {
        coActions = Map.copyOf(coActions);
    }

    /** All co-actions of the pair, over every kind. */
    public int totalCoActions() {
        int n = 0;
        for (int c : coActions.values()) {
            n += c;
        }
        return n;
    }
}
