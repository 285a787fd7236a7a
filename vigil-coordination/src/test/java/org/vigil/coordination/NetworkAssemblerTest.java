package org.vigil.coordination;

import org.junit.jupiter.api.Test;
import org.vigil.coordination.score.PairSignificance;

import java.util.HashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkAssemblerTest {
    private static PairSignificance.Edge edge(int a, int b) {
        return new PairSignificance.Edge(a, b, 20, new int[5]);
    }

    @Test
    void aChainOfStrongLinksIsNoNetworkButAGroupLinkedAllRoundIs() {
        // 0-1-2-3-4 a chain, 5-6-7-8 a clique, 9 hanging off the clique by one link; all one community each
        List<PairSignificance.Edge> edges = List.of(edge(0, 1), edge(1, 2), edge(2, 3), edge(3, 4),
                edge(5, 6), edge(5, 7), edge(5, 8), edge(6, 7), edge(6, 8), edge(7, 8), edge(8, 9));
        int[] community = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, -1};
        int[] core = NetworkAssembler.core(community, edges, 2, new HashMap<>());
        assertThat(core).containsExactly(-1, -1, -1, -1, -1, 1, 1, 1, 1, -1, -1);
    }

    @Test
    void aCoreOfOneKeepsEveryLinkedAccount() {
        int[] community = {0, 0, 0};
        assertThat(NetworkAssembler.core(community, List.of(edge(0, 1), edge(1, 2)), 1, new HashMap<>())).containsExactly(0, 0, 0);
    }
}
