package org.vigil.model;

/**
 * An account placed in a coordinated network. {@code score} in [0,1] says how firmly it belongs
 * (the share of its network it is significantly linked to, times the network's score);
 * {@code posts} counts its posts in the input and {@code partners} its significant links inside the network.
 */
public record Account(String accountId, int networkId, double score, int posts, int partners) {
}
