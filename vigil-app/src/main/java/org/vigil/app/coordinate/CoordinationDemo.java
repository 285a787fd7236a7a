package org.vigil.app.coordinate;

import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.InProcessCoordinationEngine;
import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.model.CandidateLean;
import org.vigil.model.CoordinatedNetwork;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.Problem;
import org.vigil.model.SharedObject;
import org.vigil.model.Stance;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;
import org.vigil.store.coordination.CoordinationWriter;
import org.vigil.output.CoordinationOutputs;
import org.vigil.output.QuarantineFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The coordination part of {@code vigil demo}: generates a seeded month of posts (organic background
 * with viral bursts, live-event hashtags and share-button posts, plus planted groups), runs the
 * detector and prints what it found next to what was planted.
 */
public final class CoordinationDemo {
    private CoordinationDemo() {
    }

    /**
     * Generates posts, detects networks, writes the result files into {@code out} and the store at
     * {@code db} (null: no store), prints a short summary to {@code o}; returns the files written.
     */
    public static List<Path> run(Path out, Path db, PrintStream o) {
        SyntheticPosts spec = new SyntheticPosts(60_000, 4_000, 6, 2024, true);
        SyntheticPosts.Dataset data = spec.generate();
        o.printf("Generated %,d posts by %,d accounts (seed %d): organic background with viral bursts, live-event "
                        + "hashtags and share-button posts, plus %d planted groups (%d accounts).%n",
                data.posts().size(), spec.accounts(), spec.seed(), spec.groups(), data.groupOf().size());
        CoordinationSettings settings = CoordinationSettings.defaults();
        List<Problem> problems = new ArrayList<>();
        Instant started = Instant.now();
        CoordinationResult result = new InProcessCoordinationEngine().detect(data.posts(), settings, problems::add);
        List<String> inputs = List.of("generated:" + spec);
        CoordinationRun run = new CoordinationRun(CoordinationOutputs.runId(started, inputs, settings), started, inputs,
                settings.method(), settings.asMap(), data.posts().size(), problems.size());
        List<Path> written;
        try {
            written = new ArrayList<>(CoordinationOutputs.writeAll(out, run, result));
            QuarantineFile.write(out, problems);
            written.add(out.resolve("quarantine.csv"));
        } catch (IOException e) {
            throw new VigilException("cannot write the demo's coordination files to " + out + ": " + e.getMessage(), e);
        }
        if (db != null) {
            try (VigilStore store = VigilStore.open(db)) {
                store.write(c -> {
                    new CoordinationWriter(c).write(run, result);
                    return null;
                });
            }
        }
        int planted = 0;
        int found = 0;
        for (var a : result.accounts()) {
            if (data.groupOf().containsKey(a.accountId())) {
                planted++;
            }
            found++;
        }
        o.printf("Found %d networks, %d accounts; %d of them planted (%d planted in all).%n", result.networks().size(), found,
                planted, data.groupOf().size());
        for (CoordinatedNetwork n : result.networks()) {
            o.printf("  network %d: %d accounts, score %.2f, %s .. %s, state media %.0f%%%s, top hashtag %s, lean %s%n",
                    n.networkId(), n.size(), n.score(), CoordinationOutputs.iso(n.firstActive()).substring(0, 10),
                    CoordinationOutputs.iso(n.lastActive()).substring(0, 10), 100 * n.stateMediaShare(),
                    n.stateMediaOutlets().isEmpty() ? "" : " (" + String.join(", ", n.stateMediaOutlets()) + ")",
                    top(n.evidence().hashtags()), lean(n.leans()));
        }
        Map<String, Long> s = result.stats();
        o.printf("Files: %s (open network.gexf in Gephi).%n", out);
        o.printf("Time: %d ms detection, %d ms scoring and communities.%n",
                s.entrySet().stream().filter(e -> e.getKey().startsWith("millis.detect.")).mapToLong(Map.Entry::getValue).sum(),
                s.getOrDefault("millis.score", 0L) + s.getOrDefault("millis.communities", 0L));
        return written;
    }

    private static String top(List<SharedObject> objects) {
        return objects.isEmpty() ? "-" : "#" + objects.get(0).value();
    }

    private static String lean(List<CandidateLean> leans) {
        if (leans.isEmpty()) {
            return "-";
        }
        CandidateLean l = leans.get(0);
        return (l.lean() == Stance.FAVORS ? "pushes " : "attacks ") + l.candidate();
    }
}
