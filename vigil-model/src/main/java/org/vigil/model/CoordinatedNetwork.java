package org.vigil.model;

import java.util.List;
import java.util.Map;

/**
 * A group of accounts that act in concert. {@code score} in [0,1] combines how dense its significant
 * links are with how strong they are; {@code firstActive}/{@code lastActive} bound its co-actions
 * (epoch seconds); {@code stateMediaShare} is the share of its posts that amplify a listed state-media
 * outlet; {@code leans} are candidate leans from hashtags and a word list.
 */
public record CoordinatedNetwork(int networkId, List<String> accounts, double score, double density,
                                 long firstActive, long lastActive, int posts,
                                 Map<CoordinationKind, Integer> coActions, NetworkEvidence evidence,
                                 double stateMediaShare, List<String> stateMediaOutlets,
                                 List<CandidateLean> leans) {
    public CoordinatedNetwork {
        accounts = List.copyOf(accounts);
        coActions = Map.copyOf(coActions);
        stateMediaOutlets = List.copyOf(stateMediaOutlets);
        leans = List.copyOf(leans);
    }

    public int size() {
        return accounts.size();
    }
}
