package org.vigil.coordination.community;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LouvainTest {
    private static int[] run(int n, List<int[]> edges, double weight) {
        int[] a = new int[edges.size()];
        int[] b = new int[edges.size()];
        double[] w = new double[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            a[i] = edges.get(i)[0];
            b[i] = edges.get(i)[1];
            w[i] = edges.get(i).length > 2 ? edges.get(i)[2] : weight;
        }
        return Louvain.communities(n, a, b, w, 1.0, 7);
    }

    private static void clique(List<int[]> edges, int from, int to) {
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < to; j++) {
                edges.add(new int[]{i, j});
            }
        }
    }

    @Test
    void twoCliquesJoinedByOneEdgeAreTwoCommunities() {
        List<int[]> edges = new ArrayList<>();
        clique(edges, 0, 10);
        clique(edges, 10, 20);
        edges.add(new int[]{9, 10});
        int[] c = run(20, edges, 1);
        for (int i = 1; i < 10; i++) {
            assertThat(c[i]).isEqualTo(c[0]);
            assertThat(c[10 + i]).isEqualTo(c[10]);
        }
        assertThat(c[0]).isNotEqualTo(c[10]);
    }

    @Test
    void aRingOfManySmallCliquesIsNotMergedIntoFewCommunities() {
        List<int[]> edges = new ArrayList<>();
        int k = 30;
        for (int q = 0; q < k; q++) {
            clique(edges, q * 5, q * 5 + 5);
            edges.add(new int[]{q * 5 + 4, ((q + 1) % k) * 5});
        }
        int[] c = run(k * 5, edges, 1);
        assertThat(java.util.Arrays.stream(c).distinct().count()).isGreaterThanOrEqualTo(k / 2);
        for (int q = 0; q < k; q++) {
            for (int i = 1; i < 5; i++) {
                assertThat(c[q * 5 + i]).isEqualTo(c[q * 5 + 1]);
            }
        }
    }

    @Test
    void disconnectedPartsNeverShareACommunity() {
        List<int[]> edges = new ArrayList<>();
        clique(edges, 0, 3);
        clique(edges, 3, 6);
        int[] c = run(7, edges, 1);
        assertThat(c[0]).isNotEqualTo(c[3]);
        assertThat(c[6]).isNotEqualTo(c[0]).isNotEqualTo(c[3]);
    }

    @Test
    void theSameSeedGivesTheSameCommunities() {
        List<int[]> edges = new ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            edges.add(new int[]{r.nextInt(100), r.nextInt(100), 1 + r.nextInt(5)});
        }
        edges.removeIf(e -> e[0] == e[1]);
        assertThat(run(100, edges, 1)).isEqualTo(run(100, edges, 1));
    }

    @Test
    void splittingKeepsConnectedPartsTogether() {
        int[] c = Louvain.splitDisconnected(4, new int[]{0, 2}, new int[]{1, 3}, new int[]{0, 0, 0, 0});
        assertThat(c[0]).isEqualTo(c[1]);
        assertThat(c[2]).isEqualTo(c[3]);
        assertThat(c[0]).isNotEqualTo(c[2]);
    }
}
