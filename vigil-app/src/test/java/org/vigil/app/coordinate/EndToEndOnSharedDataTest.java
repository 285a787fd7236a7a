package org.vigil.app.coordinate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.vigil.testing.Needs;

/**
 * {@code vigil coordinate} on the shared data: a gen_synth.py set (scored the way score_accounts.py
 * scores), CooRTweet's Russian network (parity), and the IRA tweets of Sep-Nov 2016 (side purity).
 * When ../shared or python3 is missing each fails under CI=true and skips with a message elsewhere
 * ({@link Needs}); gen_synth.py failing is a failure everywhere.
 */
class EndToEndOnSharedDataTest {
    @TempDir
    Path dir;

    /** The shared folder, holding {@code relative}. */
    private static Path sharedOrSkip(String relative) {
        Needs.shared(relative);
        return Needs.sharedRoot().orElseThrow();
    }

    @Test
    void genSynthGroupsAreFoundWithPrecisionAndRecallAbove95Percent() throws Exception {
        Path shared = sharedOrSkip("tools/gen_synth.py");
        Needs.command("python3", "apt-get install python3");
        Path data = dir.resolve("synth");
        generate(shared, "gen_synth.py", data, "100000", "5000", "1", "10");
        Path out = dir.resolve("out");
        CoordinateRuns.Outcome o = CoordinateRuns.run("--input", data.resolve("posts_qut.csv").toString(), "--output", out.toString(), "--no-store");
        assertThat(o.exit()).as(o.err()).isZero();

        Map<String, String> role = new HashMap<>();
        Map<String, String> group = new HashMap<>();
        for (Map<String, String> t : CoordinateRuns.csv(data.resolve("truth_accounts.csv"))) {
            role.put(t.get("account_id"), t.get("role"));
            group.put(t.get("account_id"), t.get("group_id"));
        }
        Set<String> flagged = new HashSet<>();
        Map<String, Set<String>> networksOfGroup = new HashMap<>();
        for (Map<String, String> a : CoordinateRuns.csv(out.resolve("accounts.csv"))) {
            String id = a.get("account_id");
            if (!"state_media".equals(role.get(id))) {
                flagged.add(id);
            }
            if ("coordinated".equals(role.get(id))) {
                networksOfGroup.computeIfAbsent(group.get(id), g -> new HashSet<>()).add(a.get("network_id"));
            }
        }
        long positives = role.values().stream().filter("coordinated"::equals).count();
        long tp = flagged.stream().filter(a -> "coordinated".equals(role.get(a))).count();
        assertThat(tp / (double) flagged.size()).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(tp / (double) positives).as("recall").isGreaterThanOrEqualTo(0.95);
        assertThat(networksOfGroup.values()).as("each planted group is one network").allSatisfy(n -> assertThat(n).hasSize(1));
    }

    @Test
    void theCoortweetMethodReproducesCooRTweetsRussianNetwork() throws Exception {
        Path shared = sharedOrSkip("data/coortweet/parity_russian_edges.csv");
        Path out = dir.resolve("parity");
        CoordinateRuns.Outcome o = CoordinateRuns.run("--input", shared.resolve("data/coortweet/russian_coord_tweets.csv").toString(),
                "--output", out.toString(), "--no-store", "--method", "coortweet", "--kinds", "co-retweet", "--window", "60s",
                "--min-participation", "2", "--edge-quantile", "0.5");
        assertThat(o.exit()).as(o.err()).isZero();
        Map<String, String> expected = new HashMap<>();
        for (Map<String, String> e : CoordinateRuns.csv(shared.resolve("data/coortweet/parity_russian_edges.csv"))) {
            expected.put(pair(e.get("from"), e.get("to")), e.get("weight"));
        }
        Map<String, String> actual = new HashMap<>();
        for (Map<String, String> e : CoordinateRuns.csv(out.resolve("edges.csv"))) {
            actual.put(pair(e.get("source"), e.get("target")), e.get("weight").replaceAll("\\.0$", ""));
        }
        assertThat(actual).hasSize(60).isEqualTo(expected);
        assertThat(CoordinateRuns.csv(out.resolve("accounts.csv"))).hasSize(94);
    }

    /**
     * Every IRA account is a troll; the labels say which side each played. A network that mixed sides would
     * say the detector links accounts by chance. Issue 11's floors: at least 332 accounts in networks (90 % of
     * the 369 that a plain co-tweet detector links on this file) at side purity 0.98; measured 395 accounts in
     * 25 networks at 0.985.
     */
    @Test
    void iraNetworksEachHoldOneSide() throws Exception {
        Path shared = sharedOrSkip("data/ira/ira_2016q4.csv.gz");
        Path out = dir.resolve("ira");
        CoordinateRuns.Outcome o = CoordinateRuns.run("--input", shared.resolve("data/ira/ira_2016q4.csv.gz").toString(),
                "--output", out.toString(), "--no-store");
        assertThat(o.exit()).as(o.err()).isIn(0, 1);
        Map<String, String> category = new HashMap<>();
        for (Map<String, String> a : CoordinateRuns.csv(shared.resolve("data/ira/authors.csv"))) {
            category.put(a.get("author_id"), a.get("account_category"));
        }
        Map<String, Map<String, Integer>> byNetwork = new HashMap<>();
        List<Map<String, String>> accounts = CoordinateRuns.csv(out.resolve("accounts.csv"));
        for (Map<String, String> a : accounts) {
            byNetwork.computeIfAbsent(a.get("network_id"), n -> new HashMap<>())
                    .merge(category.getOrDefault(a.get("account_id"), "?"), 1, Integer::sum);
        }
        int pure = byNetwork.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).max().orElse(0)).sum();
        double purity = pure / (double) accounts.size();
        assertThat(byNetwork).hasSizeGreaterThanOrEqualTo(10);
        assertThat(accounts.size()).as("IRA accounts in networks").isGreaterThanOrEqualTo(332);
        assertThat(purity).as("side purity of IRA networks").isGreaterThanOrEqualTo(0.98);
    }

    /**
     * Issue 11: real IRA activity inside organic noise (make_hybrid.py, 30 days of IRA tweets shifted into a
     * gen_synth background with planted groups). Floors: precision 0.98, planted recall 0.95, and 208 IRA
     * accounts linked (90 % of the 231 that plain co-tweeting links on the same IRA days alone); measured on
     * seed 1: 0.995, 1.000 and 229.
     */
    @Test
    void hybridSetLinksMostIraAccountsAndAlmostNoOrganicOnes() throws Exception {
        Path shared = sharedOrSkip("tools/make_hybrid.py");
        Path data = dir.resolve("hybrid");
        generate(shared, "make_hybrid.py", data, "400000", "1");
        Path out = dir.resolve("hybrid-out");
        CoordinateRuns.Outcome o = CoordinateRuns.run("--input", data.resolve("posts_qut.csv").toString(), "--output", out.toString(), "--no-store");
        assertThat(o.exit()).as(o.err()).isZero();
        CoordinationEvaluation.Truth truth = CoordinationEvaluation.truth(data.resolve("truth_accounts.csv"), null, bad -> { });
        Map<String, String> f = CoordinationEvaluation.score(truth, CoordinationEvaluation.accounts(out.resolve("accounts.csv")), null, null);
        assertThat(Double.parseDouble(f.get("precision"))).as("precision").isGreaterThanOrEqualTo(0.98);
        assertThat(Double.parseDouble(f.get("recall"))).as("planted recall").isGreaterThanOrEqualTo(0.95);
        assertThat(Integer.parseInt(f.get("ira_linked"))).as("IRA accounts linked").isGreaterThanOrEqualTo(208);
    }

    /** Runs a generator of ../shared/tools into {@code out}; skips with its output when python3 or the script fails. */
    /** Runs a generator of ../shared/tools; a generator that fails or hangs fails the test (it is not a skip). */
    private void generate(Path shared, String script, Path out, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(List.of("python3", shared.resolve("tools").resolve(script).toString(), out.toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve(script + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(script + " did not finish within 10 minutes: " + Files.readString(log));
        }
        if (p.exitValue() != 0) {
            fail(script + " failed with exit code " + p.exitValue() + ": " + Files.readString(log));
        }
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }
}
