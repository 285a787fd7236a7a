package org.vigil.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.CoordinationStages;
import org.vigil.coordination.NetworkStage;
import org.vigil.coordination.characterise.CandidateLexicon;
import org.vigil.coordination.characterise.StateMediaRegistry;
import org.vigil.model.Account;
import org.vigil.model.CoordinatedNetwork;
import org.vigil.model.CoordinationEdge;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.Problem;
import org.vigil.output.CoordinationOutputs;
import org.vigil.output.QuarantineFile;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The global stage inside the job (parallelism 1, every record under one key): keeps the posts in input
 * order and the tallies in keyed state, so a restored job has them, and when the input ends (the watermark
 * reaches its end) concludes with the in-process engine's {@link NetworkStage}. Emits one JSON line per
 * problem, account, pair, network, and a closing summary with the run's statistics; with a {@link ResultFolder}
 * it also writes {@code vigil coordinate}'s folder there (accounts.csv, edges.csv, networks.json, network.gexf,
 * quarantine.csv) through the CLI's own writers. A job restarted after that point writes the folder again, whole.
 */
final class NetworkStageFunction extends KeyedCoProcessFunction<Integer, SequencedPost, Tally, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HashMap<String, String> settings;
    private final ResultFolder folder;
    private transient ListState<SequencedPost> posts;
    private transient ListState<Tally> tallies;

    /**
     * Where the job writes {@code vigil coordinate}'s output folder, and what its {@code networks.json} says of the
     * run: the inputs as named on the command line and when the job was started.
     */
    record ResultFolder(String dir, List<String> inputs, long startedMillis) implements Serializable {
        ResultFolder {
            inputs = List.copyOf(inputs);
        }
    }

    /** The stage; {@code folder}, when not null, also gets the coordinate output folder when the input ends. */
    NetworkStageFunction(Map<String, String> settings, ResultFolder folder) {
        this.settings = new HashMap<>(settings);
        this.folder = folder;
    }

    @Override
    public void open(OpenContext context) {
        posts = getRuntimeContext().getListState(new ListStateDescriptor<>("posts", SequencedPost.class));
        tallies = getRuntimeContext().getListState(new ListStateDescriptor<>("tallies", Tally.class));
    }

    @Override
    public void processElement1(SequencedPost p, Context ctx, Collector<String> out) throws Exception {
        posts.add(p);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void processElement2(Tally t, Context ctx, Collector<String> out) throws Exception {
        tallies.add(t);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
        CoordinationSettings config = CoordinationSettings.fromMap(settings);
        CoordinationStages stages = new CoordinationStages(config);
        CoordinationKind[] kinds = CoordinationKind.values();
        long[] quarantined = {0};
        long usable = 0;
        QuarantineFile bad = folder == null ? null : QuarantineFile.open(Path.of(folder.dir()));
        Consumer<Problem> quarantine = p -> {
            quarantined[0]++;
            out.collect(problem(p));
            if (bad != null) {
                bad.add(p);
            }
        };
        try (NetworkStage network = stages.networkStage(StateMediaRegistry.bundled(), CandidateLexicon.bundled(), null)) {
            for (SequencedPost p : posts.get()) {
                if (p.usable()) {
                    network.post(p.toPost());
                    usable++;
                } else {
                    quarantine.accept(new Problem(p.origin != null ? p.origin : "post " + p.postId, p.line,
                            p.problem != null ? p.problem : CoordinationStages.NO_ACCOUNT, p.raw == null ? "" : p.raw));
                }
            }
            Set<String> late = new HashSet<>(); // one line per post, not per share
            for (Tally t : tallies.get()) {
                if (!t.feed(network, kinds) && late.add(t.a)) {
                    quarantine.accept(new Problem(t.a, 0, t.b, ""));
                }
            }
            CoordinationResult r = network.finish();
            if (folder != null) {
                bad.flush();
                Instant started = Instant.ofEpochMilli(folder.startedMillis());
                CoordinationRun run = new CoordinationRun(CoordinationOutputs.runId(started, folder.inputs(), config), started,
                        folder.inputs(), config.method(), config.asMap(), usable, quarantined[0]);
                CoordinationOutputs.writeAll(Path.of(folder.dir()), run, r);
            }
            for (Account a : r.accounts()) {
                out.collect(line("account", JSON.valueToTree(a)));
            }
            for (CoordinationEdge e : r.edges()) {
                out.collect(line("edge", JSON.valueToTree(e)));
            }
            for (CoordinatedNetwork n : r.networks()) {
                out.collect(line("network", JSON.valueToTree(n)));
            }
            ObjectNode summary = JSON.createObjectNode();
            summary.put("quarantined", quarantined[0]);
            summary.set("stats", JSON.valueToTree(r.stats()));
            out.collect(line("summary", summary));
        } finally {
            if (bad != null) {
                bad.close();
            }
        }
        posts.clear();
        tallies.clear();
    }

    private static String problem(Problem p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("origin", p.origin());
        if (p.line() > 0) {
            o.put("line", p.line());
        }
        o.put("reason", p.reason());
        o.put("raw", p.raw() == null ? "" : p.raw());
        return line("problem", o);
    }

    private static String line(String type, com.fasterxml.jackson.databind.JsonNode body) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", type);
        o.setAll((ObjectNode) body);
        return o.toString();
    }
}
