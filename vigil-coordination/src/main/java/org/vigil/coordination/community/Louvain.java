package org.vigil.coordination.community;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Louvain modularity optimisation (Blondel et al. 2008) on an undirected weighted graph, followed by
 * the guarantee Leiden adds (Traag et al. 2019) in its simplest form: every community found is split
 * into its connected parts, so no reported network is held together only by the aggregation.
 * Deterministic for a given seed: nodes are visited in a seeded random order.
 */
public final class Louvain {
    private Louvain() {
    }

    /**
     * Community of each node {@code 0..n-1}; edges are {@code (a[i], b[i], w[i])} with {@code w > 0}.
     * Communities are numbered 0.. in order of their smallest node. Isolated nodes get their own.
     */
    public static int[] communities(int n, int[] a, int[] b, double[] w, double resolution, long seed) {
        int[] membership = new int[n];
        for (int i = 0; i < n; i++) {
            membership[i] = i;
        }
        Graph g = Graph.of(n, a, b, w);
        SplittableRandom random = new SplittableRandom(seed);
        while (true) {
            int[] local = moveNodes(g, resolution, random);
            int count = renumber(local);
            if (count == g.n) {
                break; // no node joined another: converged
            }
            for (int i = 0; i < n; i++) {
                membership[i] = local[membership[i]];
            }
            g = g.aggregate(local, count);
        }
        return splitDisconnected(n, a, b, membership);
    }

    private static int[] moveNodes(Graph g, double resolution, SplittableRandom random) {
        int n = g.n;
        int[] comm = new int[n];
        double[] tot = new double[n];
        for (int i = 0; i < n; i++) {
            comm[i] = i;
            tot[i] = g.strength[i];
        }
        double twoM = g.totalWeight * 2;
        if (twoM == 0) {
            return comm;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] linkTo = new double[n];
        int[] touched = new int[n];
        boolean moved = true;
        int passes = 0;
        while (moved && passes++ < 100) {
            moved = false;
            for (int node : order) {
                int own = comm[node];
                double k = g.strength[node];
                int nt = 0;
                for (int e = g.start[node]; e < g.start[node + 1]; e++) {
                    int nb = g.target[e];
                    if (nb == node) {
                        continue;
                    }
                    int c = comm[nb];
                    if (linkTo[c] == 0) {
                        touched[nt++] = c;
                    }
                    linkTo[c] += g.weight[e];
                }
                tot[own] -= k;
                int best = own;
                double bestGain = linkTo[own] - resolution * tot[own] * k / twoM;
                for (int x = 0; x < nt; x++) {
                    int c = touched[x];
                    double gain = linkTo[c] - resolution * tot[c] * k / twoM;
                    if (gain > bestGain + 1e-12) {
                        bestGain = gain;
                        best = c;
                    }
                }
                tot[best] += k;
                if (best != own) {
                    comm[node] = best;
                    moved = true;
                }
                for (int x = 0; x < nt; x++) {
                    linkTo[touched[x]] = 0;
                }
                linkTo[own] = 0;
            }
        }
        return comm;
    }

    /** Renumbers labels to 0..count-1 in order of first appearance; returns count. */
    private static int renumber(int[] labels) {
        int[] map = new int[labels.length];
        Arrays.fill(map, -1);
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (map[l] < 0) {
                map[l] = next++;
            }
            labels[i] = map[l];
        }
        return next;
    }

    /** Splits each community into its connected components in the original graph. */
    static int[] splitDisconnected(int n, int[] a, int[] b, int[] membership) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < a.length; e++) {
            if (membership[a[e]] == membership[b[e]]) {
                int ra = find(parent, a[e]);
                int rb = find(parent, b[e]);
                if (ra != rb) {
                    parent[Math.max(ra, rb)] = Math.min(ra, rb);
                }
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = find(parent, i);
        }
        renumber(out);
        return out;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Compressed adjacency with both directions of every edge; self-loops stored once. */
    private static final class Graph {
        final int n;
        final int[] start;
        final int[] target;
        final double[] weight;
        final double[] strength;
        final double totalWeight;

        private Graph(int n, int[] start, int[] target, double[] weight, double[] strength, double totalWeight) {
            this.n = n;
            this.start = start;
            this.target = target;
            this.weight = weight;
            this.strength = strength;
            this.totalWeight = totalWeight;
        }

        static Graph of(int n, int[] a, int[] b, double[] w) {
            int[] deg = new int[n + 1];
            for (int e = 0; e < a.length; e++) {
                deg[a[e]]++;
                if (a[e] != b[e]) {
                    deg[b[e]]++;
                }
            }
            int[] start = new int[n + 1];
            for (int i = 0; i < n; i++) {
                start[i + 1] = start[i] + deg[i];
            }
            int[] fill = Arrays.copyOf(start, n);
            int[] target = new int[start[n]];
            double[] weight = new double[start[n]];
            double[] strength = new double[n];
            double total = 0;
            for (int e = 0; e < a.length; e++) {
                int x = a[e];
                int y = b[e];
                double v = w[e];
                total += v;
                target[fill[x]] = y;
                weight[fill[x]++] = v;
                strength[x] += v;
                if (x != y) {
                    target[fill[y]] = x;
                    weight[fill[y]++] = v;
                    strength[y] += v;
                } else {
                    strength[x] += v; // a self-loop adds to both ends
                }
            }
            return new Graph(n, start, target, weight, strength, total);
        }

        Graph aggregate(int[] comm, int count) {
            java.util.HashMap<Long, Double> merged = new java.util.HashMap<>();
            for (int x = 0; x < n; x++) {
                for (int e = start[x]; e < start[x + 1]; e++) {
                    int y = target[e];
                    if (y < x) {
                        continue; // each undirected edge once (self-loops appear once anyway)
                    }
                    int cx = comm[x];
                    int cy = comm[y];
                    long key = cx <= cy ? ((long) cx << 32) | cy : ((long) cy << 32) | cx;
                    merged.merge(key, weight[e], Double::sum);
                }
            }
            int m = merged.size();
            int[] a = new int[m];
            int[] b = new int[m];
            double[] w = new double[m];
            int i = 0;
            for (var en : merged.entrySet()) {
                a[i] = (int) (en.getKey() >>> 32);
                b[i] = (int) (long) en.getKey();
                w[i++] = en.getValue();
            }
            return of(count, a, b, w);
        }
    }
}
