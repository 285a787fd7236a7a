package org.vigil.coordination;

import org.vigil.coordination.characterise.NetworkCharacteriser;
import org.vigil.coordination.detect.AccountBook;
import org.vigil.coordination.score.PairSignificance;
import org.vigil.model.Account;
import org.vigil.model.CoordinatedNetwork;
import org.vigil.model.CoordinationEdge;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns communities of the account graph into networks and scores them.
 * <ul>
 * <li>A network's density is its share of possible internal links that are significant; its cohesion is
 * the share of its members' significant link weight that stays inside. Score = sqrt(density) x cohesion:
 * 1 for a clique that links to nobody else.</li>
 * <li>An account's score is its own cohesion (link weight inside / all its link weight) times the square
 * root of the share of its network it is linked to.</li>
 * </ul>
 * Networks are numbered from 1, largest first.
 */
final class NetworkAssembler {
    private NetworkAssembler() {
    }

    static CoordinationResult assemble(AccountBook x, List<PairSignificance.Edge> edges, int[] community, int minSize,
                                       int minPartners,
                                       java.util.function.Function<int[], List<NetworkCharacteriser.Characterisation>> describe,
                                       Map<String, Long> stats) {
        int accounts = x.size();
        community = core(community, edges, minPartners, stats);
        int maxCommunity = -1;
        for (int c : community) {
            maxCommunity = Math.max(maxCommunity, c);
        }
        int[] size = new int[maxCommunity + 1];
        for (int c : community) {
            if (c >= 0) {
                size[c]++;
            }
        }
        // a pair that passed the exclusivity test is a network of its own: two accounts posting the same
        // texts, links and re-shares that almost nobody else touches, in step, again and again
        boolean[] exclusivePair = new boolean[maxCommunity + 1];
        for (PairSignificance.Edge e : edges) {
            if (e.exclusive() && community[e.a()] >= 0 && community[e.a()] == community[e.b()]) {
                exclusivePair[community[e.a()]] = true;
            }
        }
        Integer[] order = new Integer[maxCommunity + 1];
        int kept = 0;
        for (int c = 0; c <= maxCommunity; c++) {
            if (size[c] >= minSize || (size[c] >= 2 && exclusivePair[c])) {
                order[kept++] = c;
            }
        }
        Integer[] keptOrder = Arrays.copyOf(order, kept);
        int[] firstMember = new int[maxCommunity + 1];
        Arrays.fill(firstMember, Integer.MAX_VALUE);
        for (int a = 0; a < community.length; a++) {
            if (community[a] >= 0) {
                firstMember[community[a]] = Math.min(firstMember[community[a]], a);
            }
        }
        Arrays.sort(keptOrder, Comparator.<Integer>comparingInt(c -> -size[c]).thenComparingInt(c -> firstMember[c]));
        int[] networkOfCommunity = new int[maxCommunity + 1];
        Arrays.fill(networkOfCommunity, -1);
        for (int i = 0; i < keptOrder.length; i++) {
            networkOfCommunity[keptOrder[i]] = i;
        }
        int networks = keptOrder.length;
        int[] networkOf = new int[accounts];
        Arrays.fill(networkOf, -1);
        for (int a = 0; a < Math.min(accounts, community.length); a++) {
            if (community[a] >= 0) {
                networkOf[a] = networkOfCommunity[community[a]];
            }
        }

        double[] wIn = new double[accounts];
        double[] wAll = new double[accounts];
        int[] partners = new int[accounts];
        long[] internalEdges = new long[networks];
        double[] netIn = new double[networks];
        double[] netAll = new double[networks];
        List<int[]> netCounts = new ArrayList<>();
        for (int i = 0; i < networks; i++) {
            netCounts.add(new int[CoordinationKind.values().length]);
        }
        List<CoordinationEdge> outEdges = new ArrayList<>();
        for (PairSignificance.Edge e : edges) {
            int na = networkOf[e.a()];
            int nb = networkOf[e.b()];
            wAll[e.a()] += e.significance();
            wAll[e.b()] += e.significance();
            if (na >= 0) {
                netAll[na] += e.significance();
            }
            if (nb >= 0) {
                netAll[nb] += e.significance();
            }
            if (na >= 0 && na == nb) {
                wIn[e.a()] += e.significance();
                wIn[e.b()] += e.significance();
                partners[e.a()]++;
                partners[e.b()]++;
                internalEdges[na]++;
                netIn[na] += 2 * e.significance();
                int[] c = netCounts.get(na);
                for (int k = 0; k < c.length; k++) {
                    c[k] += e.counts()[k];
                }
            }
            if (na >= 0 && nb >= 0) {
                outEdges.add(new CoordinationEdge(x.id(e.a()), x.id(e.b()), na == nb ? na + 1 : -1,
                        e.significance(), PairSignificance.countsByKind(e.counts())));
            }
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < networks; i++) {
            members.add(new ArrayList<>());
        }
        for (int a = 0; a < accounts; a++) {
            if (networkOf[a] >= 0) {
                members.get(networkOf[a]).add(a);
            }
        }
        List<NetworkCharacteriser.Characterisation> described = networks == 0 ? List.of() : describe.apply(networkOf);
        List<Account> outAccounts = new ArrayList<>();
        List<CoordinatedNetwork> outNetworks = new ArrayList<>();
        for (int i = 0; i < networks; i++) {
            int n = members.get(i).size();
            double density = n < 2 ? 0 : 2.0 * internalEdges[i] / ((double) n * (n - 1));
            double cohesion = netAll[i] == 0 ? 0 : netIn[i] / netAll[i];
            double score = Math.sqrt(density) * cohesion;
            List<String> ids = new ArrayList<>(n);
            for (int a : members.get(i)) {
                ids.add(x.id(a));
                double own = wAll[a] == 0 ? 0 : wIn[a] / wAll[a];
                double reach = n < 2 ? 0 : partners[a] / (double) (n - 1);
                outAccounts.add(new Account(x.id(a), i + 1, round(own * Math.sqrt(reach)), x.posts(a), partners[a]));
            }
            Map<CoordinationKind, Integer> kinds = new EnumMap<>(CoordinationKind.class);
            kinds.putAll(PairSignificance.countsByKind(netCounts.get(i)));
            NetworkCharacteriser.Characterisation d = described.get(i);
            outNetworks.add(new CoordinatedNetwork(i + 1, ids, round(score), round(density), d.firstActive(), d.lastActive(),
                    d.posts(), kinds, d.evidence(), round(d.stateMediaShare()), d.stateMediaOutlets(), d.leans()));
        }
        outAccounts.sort(Comparator.comparingInt(Account::networkId).thenComparing(Comparator.comparingDouble(Account::score).reversed())
                .thenComparing(Account::accountId));
        stats.put("networks", (long) networks);
        stats.put("accounts.in.networks", (long) outAccounts.size());
        return new CoordinationResult(outAccounts, outNetworks, outEdges, stats);
    }

    /**
     * Keeps in each community only accounts with significant links to at least {@code minPartners} other
     * members, repeatedly (the k-core of the community's own links). Chance links between hyperactive
     * accounts form chains and stars; accounts that act as a group link to many of their group.
     */
    static int[] core(int[] community, List<PairSignificance.Edge> edges, int minPartners, Map<String, Long> stats) {
        if (minPartners <= 1) {
            return community;
        }
        int[] c = community.clone();
        int[] degree = new int[c.length];
        List<List<Integer>> adjacency = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            adjacency.add(null);
        }
        for (PairSignificance.Edge e : edges) {
            if (c[e.a()] >= 0 && c[e.a()] == c[e.b()]) {
                degree[e.a()]++;
                degree[e.b()]++;
                if (adjacency.get(e.a()) == null) {
                    adjacency.set(e.a(), new ArrayList<>(4));
                }
                if (adjacency.get(e.b()) == null) {
                    adjacency.set(e.b(), new ArrayList<>(4));
                }
                adjacency.get(e.a()).add(e.b());
                adjacency.get(e.b()).add(e.a());
            }
        }
        // an exclusivity link holds an account in its community whatever its other links: the k-core is there
        // to drop chains of chance links between busy accounts, which that test does not make
        boolean[] anchored = new boolean[c.length];
        for (PairSignificance.Edge e : edges) {
            if (e.exclusive() && c[e.a()] >= 0 && c[e.a()] == c[e.b()]) {
                anchored[e.a()] = true;
                anchored[e.b()] = true;
            }
        }
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        for (int a = 0; a < c.length; a++) {
            if (c[a] >= 0 && degree[a] < minPartners && !anchored[a]) {
                queue.add(a);
            }
        }
        long removed = 0;
        while (!queue.isEmpty()) {
            int a = queue.poll();
            if (c[a] < 0) {
                continue;
            }
            int own = c[a];
            c[a] = -1;
            removed++;
            List<Integer> nb = adjacency.get(a);
            if (nb != null) {
                for (int b : nb) {
                    if (c[b] == own && --degree[b] < minPartners && !anchored[b]) {
                        queue.add(b);
                    }
                }
            }
        }
        stats.put("accounts.outside.core", removed);
        return c;
    }

    static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}
