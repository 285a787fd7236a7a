package org.vigil.app.coordinate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.vigil.model.VigilException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Scores a coordination result against a truth file, the way the shared scoring scripts count.
 *
 * <ul>
 * <li><b>Planted truth</b> ({@code account_id, group_id, role}; gen_synth.py, make_hybrid.py): positives are
 * role {@code coordinated}; role {@code ira} counts as a right answer in precision but not in recall (real
 * trolls do not all co-act); {@code state_media} accounts are left out of both. Network purity: the share of
 * flagged accounts that belong to their network's most common group.</li>
 * <li><b>Side labels</b> (an id column and a label column, e.g. the IRA {@code authors.csv} with
 * {@code account_category}): every labelled account is a troll, the label tells the side it played. Side
 * purity: the share of networked accounts whose label is their network's most common label; same-side
 * edges: the share of significant links between accounts of one label; coverage: labelled accounts in
 * networks over the labelled accounts that were active (posted in the input) or, without the input, over
 * all labelled accounts.</li>
 * </ul>
 * The detector never reads these files: they are read here, after the run.
 */
final class CoordinationEvaluation {
    /** One account placed in a network. */
    record Placed(String account, String network) {
    }

    /** One significant link inside a network. */
    record Link(String a, String b) {
    }

    /** The truth: per account its role and group (planted truth) or its label (side labels). */
    record Truth(Map<String, String> role, Map<String, String> group, boolean planted) {
    }

    private CoordinationEvaluation() {
    }

    static CSVParser open(Path file) throws IOException {
        Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r);
    }

    private static String column(CSVParser p, Path file, String... names) {
        for (String n : names) {
            if (p.getHeaderMap().containsKey(n)) {
                return n;
            }
        }
        throw new VigilException(file + ": no column " + String.join(" or ", names) + " (columns: "
                + String.join(",", p.getHeaderNames()) + "); give a file with that header");
    }

    /**
     * Reads a truth file: planted truth when it has a {@code role} column, otherwise side labels from
     * {@code labelColumn}. Rows without an id are reported to {@code bad} with their line.
     */
    static Truth truth(Path file, String labelColumn, Consumer<String> bad) throws IOException {
        try (CSVParser p = open(file)) {
            String id = column(p, file, "account_id", "author_id", "user_id");
            boolean planted = p.getHeaderMap().containsKey("role") && labelColumn == null;
            String label = planted ? "role" : column(p, file, labelColumn == null ? "account_category" : labelColumn);
            String group = planted ? column(p, file, "group_id") : label;
            Map<String, String> role = new HashMap<>();
            Map<String, String> groups = new HashMap<>();
            for (CSVRecord r : p) {
                if (!r.isConsistent() || r.get(id).isBlank()) {
                    bad.accept(file + ":" + p.getCurrentLineNumber() + ": row has no " + id + "; it is not counted");
                    continue;
                }
                role.put(r.get(id).strip(), r.get(label).strip());
                groups.put(r.get(id).strip(), r.get(group).strip());
            }
            return new Truth(role, groups, planted);
        }
    }

    static List<Placed> accounts(Path file) throws IOException {
        try (CSVParser p = open(file)) {
            String id = column(p, file, "account_id");
            String net = column(p, file, "network_id");
            List<Placed> out = new ArrayList<>();
            for (CSVRecord r : p) {
                out.add(new Placed(r.get(id).strip(), r.get(net).strip()));
            }
            return out;
        }
    }

    static List<Link> edges(Path file) throws IOException {
        try (CSVParser p = open(file)) {
            String a = column(p, file, "source");
            String b = column(p, file, "target");
            List<Link> out = new ArrayList<>();
            for (CSVRecord r : p) {
                out.add(new Link(r.get(a).strip(), r.get(b).strip()));
            }
            return out;
        }
    }

    /**
     * The figures, in report order. {@code active}: accounts that posted in the input, or null when the input
     * was not given.
     */
    static Map<String, String> score(Truth t, List<Placed> placed, List<Link> links, Set<String> active) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> byNetwork = new HashMap<>();
        Set<String> flagged = new HashSet<>();
        for (Placed p : placed) {
            if (t.planted() && "state_media".equals(t.role().get(p.account()))) {
                continue;
            }
            flagged.add(p.account());
            String g = t.group().getOrDefault(p.account(), "?");
            if (t.planted() && !"coordinated".equals(t.role().get(p.account()))) {
                g = "role:" + t.role().getOrDefault(p.account(), "unknown"); // organic and IRA accounts are no planted group
            }
            byNetwork.computeIfAbsent(p.network(), n -> new HashMap<>()).merge(g, 1, Integer::sum);
        }
        int majority = 0;
        for (Map<String, Integer> m : byNetwork.values()) {
            majority += m.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        double purity = flagged.isEmpty() ? 0 : majority / (double) flagged.size();
        out.put("networks", Integer.toString(byNetwork.size()));
        out.put("accounts", Integer.toString(flagged.size()));
        if (t.planted()) {
            long planted = t.role().values().stream().filter("coordinated"::equals).count();
            long good = flagged.stream().filter(a -> "coordinated".equals(t.role().get(a)) || "ira".equals(t.role().get(a))).count();
            long tp = flagged.stream().filter(a -> "coordinated".equals(t.role().get(a))).count();
            long ira = flagged.stream().filter(a -> "ira".equals(t.role().get(a))).count();
            double p = flagged.isEmpty() ? 0 : good / (double) flagged.size();
            double r = planted == 0 ? 0 : tp / (double) planted;
            Map<String, Set<String>> networksOfGroup = new HashMap<>();
            for (Placed x : placed) {
                if ("coordinated".equals(t.role().get(x.account()))) {
                    networksOfGroup.computeIfAbsent(t.group().get(x.account()), g -> new HashSet<>()).add(x.network());
                }
            }
            out.put("precision", f(p));
            out.put("recall", f(r));
            out.put("f1", f(p + r == 0 ? 0 : 2 * p * r / (p + r)));
            out.put("network_purity", f(purity));
            out.put("networks_per_planted_group", String.format(Locale.ROOT, "%.2f",
                    networksOfGroup.values().stream().mapToInt(Set::size).average().orElse(0)));
            if (t.role().containsValue("ira")) {
                out.put("ira_linked", Long.toString(ira));
            }
            out.put("organic_flagged", Long.toString(flagged.size() - good));
        } else {
            out.put("side_purity", f(purity));
            if (links != null) {
                long same = links.stream().filter(l -> t.role().containsKey(l.a())
                        && t.role().get(l.a()).equals(t.role().get(l.b()))).count();
                out.put("edges", Integer.toString(links.size()));
                out.put("same_side_edges", f(links.isEmpty() ? 0 : same / (double) links.size()));
            }
            long labelledFlagged = flagged.stream().filter(t.role()::containsKey).count();
            long universe = active == null ? t.role().size() : active.stream().filter(t.role()::containsKey).count();
            out.put("coverage", f(universe == 0 ? 0 : labelledFlagged / (double) universe));
            out.put(active == null ? "labelled_accounts" : "labelled_active_accounts", Long.toString(universe));
        }
        long unknown = flagged.stream().filter(a -> !t.role().containsKey(a)).count();
        out.put("not_in_truth", Long.toString(unknown));
        return out;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
