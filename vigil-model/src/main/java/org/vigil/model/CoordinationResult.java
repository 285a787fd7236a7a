package org.vigil.model;

import java.util.List;
import java.util.Map;

/**
 * What one coordination run found: accounts placed in networks, the networks with their evidence,
 * the significant edges, and the run's figures ({@code stats}: counts and per-stage milliseconds,
 * keyed by dotted names such as {@code shares.co-link} or {@code millis.detect.co-retweet}).
 */
public record CoordinationResult(List<Account> accounts, List<CoordinatedNetwork> networks,
                                 List<CoordinationEdge> edges, Map<String, Long> stats) {
    public CoordinationResult {
        accounts = List.copyOf(accounts);
        networks = List.copyOf(networks);
        edges = List.copyOf(edges);
        stats = Map.copyOf(stats);
    }
}
