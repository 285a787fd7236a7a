package org.vigil.store.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A coordinated network as stored by a coordination run: its size, score, active period, how much
 * of its activity amplifies state media (and which outlets), co-actions per kind
 * ({@code co-retweet} ... {@code co-similar-text}) and its candidate leans, strongest first.
 */
public record NetworkRow(String runId, int networkId, int size, double score, double density, Instant firstActive,
                         Instant lastActive, int posts, double stateMediaShare, List<String> stateMediaOutlets,
                         Map<String, Integer> coActions, List<LeanRow> leans) {
    public NetworkRow {
        stateMediaOutlets = List.copyOf(stateMediaOutlets);
        coActions = Map.copyOf(coActions);
        leans = List.copyOf(leans);
    }
}
