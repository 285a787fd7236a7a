package org.vigil.coordination.testing;

import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.InProcessCoordinationEngine;
import org.vigil.coordination.CoordinationSession;
import org.vigil.model.Account;
import org.vigil.model.CoordinationResult;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Developer harness: java DevRun FORMAT INPUT OUTDIR [key=value...]; prints stats, writes accounts.csv. */
public final class DevRun {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Map<String, String> s = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            s.put(kv[0], kv[1]);
        }
        CoordinationSettings settings = CoordinationSettings.fromMap(s);
        CoordinationSession session = new InProcessCoordinationEngine().start(settings, p -> System.err.println(p.message()),
                (stage, done, total) -> { });
        Path in = Path.of(args[1]);
        switch (args[0]) {
            case "qut" -> TestCsv.qut(in, session);
            case "coortweet" -> TestCsv.coortweet(in, session);
            case "ira" -> TestCsv.ira(in, session);
            default -> throw new IllegalArgumentException(args[0]);
        }
        long t1 = System.nanoTime();
        CoordinationResult r = session.finish();
        long t2 = System.nanoTime();
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("accounts.csv")))) {
            w.println("account_id,network_id,score");
            for (Account a : r.accounts()) {
                w.println(a.accountId() + "," + a.networkId() + "," + a.score());
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("edges.csv")))) {
            w.println("source,target,network_id,significance,coactions");
            for (var e : r.edges()) {
                w.println(e.source() + "," + e.target() + "," + e.networkId() + "," + e.significance() + "," + e.coActions());
            }
        }
        System.out.printf("read+extract %.2fs  finish %.2fs%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        r.stats().forEach((k, v) -> System.out.println("  " + k + " = " + v));
    }
}
