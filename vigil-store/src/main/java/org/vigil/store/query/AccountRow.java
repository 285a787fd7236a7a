package org.vigil.store.query;

/**
 * An account placed in a coordinated network by a run: how firmly it belongs ({@code score} in
 * [0,1]), its posts in the input, and its significant links inside the network.
 */
public record AccountRow(String accountId, int networkId, double score, int posts, int partners) {
}
