package org.vigil.bench.coordination;

import org.vigil.ingest.posts.PostReaders;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plain co-tweet baseline that issue 11 measures Vigil against, written from its description (the QUT
 * Coordination Network Toolkit's co-tweet network): two accounts co-tweet when they post the identical text
 * (the raw text, re-shares included, as the toolkit compares message text) at most {@code --window} seconds
 * apart; the edge weight counts such post pairs; edges of weight at least {@code --min-weight} (2) are kept.
 * No significance, no exclusivity: every account with an edge is "linked". Networks are connected components.
 * With {@code --by retweet} the same count runs over re-shares of one post (the toolkit's co-retweet network).
 *
 * <p>Question: how many accounts does plain co-tweeting link on a file, and which, to set against Vigil's
 * networks on the same file? Writes {@code accounts.csv} and {@code edges.csv} in the layout of
 * {@code vigil coordinate}, so {@code vigil eval-coordination} scores both the same way. Run:
 * {@code java -cp vigil-bench/target/classes:$(cat vigil-app/target/classpath.txt):vigil-app/target/classes
 * org.vigil.bench.coordination.PlainCoTweetBaseline --input FILE --output DIR [--only-prefix i]}
 * ({@code --only-prefix}: keep only accounts whose id starts so, e.g. the IRA accounts of a make_hybrid.py set).
 */
public final class PlainCoTweetBaseline {
    private PlainCoTweetBaseline() {
    }

    private record Share(long time, int account) {
    }

    public static void main(String[] args) throws IOException {
        Path input = null;
        Path output = null;
        long window = 60;
        int minWeight = 2;
        String prefix = null;
        boolean byRetweet = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(args[++i]);
                case "--output" -> output = Path.of(args[++i]);
                case "--window" -> window = Long.parseLong(args[++i]);
                case "--min-weight" -> minWeight = Integer.parseInt(args[++i]);
                case "--only-prefix" -> prefix = args[++i];
                case "--by" -> byRetweet = switch (args[++i]) {
                    case "text" -> false;
                    case "retweet" -> true;
                    default -> throw new IllegalArgumentException("--by takes text or retweet, got " + args[i]);
                };
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --input FILE --output DIR [--by text|retweet] [--window S] [--min-weight N] [--only-prefix P]");
            }
        }
        if (input == null || output == null) {
            throw new IllegalArgumentException("give --input FILE and --output DIR");
        }
        long t0 = System.nanoTime();
        Map<String, Integer> accountIds = new HashMap<>();
        List<String> accounts = new ArrayList<>();
        Map<String, List<Share>> byText = new HashMap<>();
        String only = prefix;
        boolean retweets = byRetweet;
        PostReaders.read(input, null, p -> {
            String object = retweets ? p.retweetOf() : p.text();
            if (object == null || object.isBlank() || (only != null && !p.accountId().startsWith(only))) {
                return;
            }
            Integer a = accountIds.get(p.accountId());
            if (a == null) {
                a = accounts.size();
                accountIds.put(p.accountId(), a);
                accounts.add(p.accountId());
            }
            byText.computeIfAbsent(object, k -> new ArrayList<>(2)).add(new Share(p.timestamp(), a));
        }, p -> { });
        Map<Long, Integer> weight = new HashMap<>();
        for (List<Share> shares : byText.values()) {
            if (shares.size() < 2) {
                continue;
            }
            shares.sort((x, y) -> Long.compare(x.time(), y.time()));
            for (int i = 0; i < shares.size(); i++) {
                for (int j = i + 1; j < shares.size() && shares.get(j).time() - shares.get(i).time() <= window; j++) {
                    int a = shares.get(i).account();
                    int b = shares.get(j).account();
                    if (a != b) {
                        weight.merge(a < b ? (long) a << 32 | b : (long) b << 32 | a, 1, Integer::sum);
                    }
                }
            }
        }
        int[] parent = new int[accounts.size()];
        Arrays.setAll(parent, i -> i);
        List<long[]> kept = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : weight.entrySet()) {
            if (e.getValue() >= minWeight) {
                int a = (int) (e.getKey() >>> 32);
                int b = (int) (long) e.getKey();
                kept.add(new long[] {a, b, e.getValue()});
                parent[find(parent, a)] = find(parent, b);
            }
        }
        Files.createDirectories(output);
        int linked = 0;
        boolean[] has = new boolean[accounts.size()];
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(output.resolve("edges.csv")))) {
            w.println("source,target,network_id,weight");
            for (long[] e : kept) {
                has[(int) e[0]] = true;
                has[(int) e[1]] = true;
                w.println(accounts.get((int) e[0]) + "," + accounts.get((int) e[1]) + "," + (find(parent, (int) e[0]) + 1) + "," + e[2]);
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(output.resolve("accounts.csv")))) {
            w.println("account_id,network_id,score");
            for (int a = 0; a < accounts.size(); a++) {
                if (has[a]) {
                    linked++;
                    w.println(accounts.get(a) + "," + (find(parent, a) + 1) + ",1");
                }
            }
        }
        System.out.printf(Locale.ROOT, "plain %s (%s within %d s, weight >= %d): %d edges, %d accounts linked, %.1f s%n",
                retweets ? "co-retweet" : "co-tweet", retweets ? "same re-shared post" : "identical text", window, minWeight, kept.size(), linked, (System.nanoTime() - t0) / 1e9);
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
