package org.vigil.coordination.testing;

import org.vigil.model.Account;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Account precision and recall against planted groups, the way score_accounts.py counts them. */
public record Scores(double precision, double recall, int flagged, int planted, double groupsSplit, double purity) {
    /** {@code groupOf}: planted account -> group; {@code excluded}: accounts left out of both counts (state media). */
    public static Scores of(List<Account> accounts, Map<String, Integer> groupOf, Set<String> excluded) {
        Set<String> flagged = new HashSet<>();
        Map<Integer, Set<Integer>> networksPerGroup = new HashMap<>();
        Map<Integer, Map<Integer, Integer>> groupsPerNetwork = new HashMap<>();
        for (Account a : accounts) {
            if (excluded.contains(a.accountId())) {
                continue;
            }
            flagged.add(a.accountId());
            Integer g = groupOf.get(a.accountId());
            if (g != null) {
                networksPerGroup.computeIfAbsent(g, k -> new HashSet<>()).add(a.networkId());
            }
            groupsPerNetwork.computeIfAbsent(a.networkId(), k -> new HashMap<>()).merge(g == null ? -1 : g, 1, Integer::sum);
        }
        long tp = flagged.stream().filter(groupOf::containsKey).count();
        double p = flagged.isEmpty() ? 0 : tp / (double) flagged.size();
        double r = groupOf.isEmpty() ? 0 : tp / (double) groupOf.size();
        double split = networksPerGroup.values().stream().mapToInt(Set::size).average().orElse(0);
        int pure = groupsPerNetwork.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).max().orElse(0)).sum();
        return new Scores(p, r, flagged.size(), groupOf.size(), split, flagged.isEmpty() ? 0 : pure / (double) flagged.size());
    }
}
