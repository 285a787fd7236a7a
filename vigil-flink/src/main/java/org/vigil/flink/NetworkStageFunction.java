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

import java.util.HashMap;
import java.util.Map;

/**
 * The global stage inside the job (parallelism 1, every record under one key): keeps the posts in input
 * order and the tallies in keyed state, so a restored job has them, and when the input ends (the watermark
 * reaches its end) concludes with the in-process engine's {@link NetworkStage}. Emits one JSON line per
 * problem, account, pair, network, and a closing summary with the run's statistics.
 */
final class NetworkStageFunction extends KeyedCoProcessFunction<Integer, SequencedPost, Tally, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HashMap<String, String> settings;
    private transient ListState<SequencedPost> posts;
    private transient ListState<Tally> tallies;

    NetworkStageFunction(Map<String, String> settings) {
        this.settings = new HashMap<>(settings);
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
        CoordinationStages stages = new CoordinationStages(CoordinationSettings.fromMap(settings));
        CoordinationKind[] kinds = CoordinationKind.values();
        long quarantined = 0;
        try (NetworkStage network = stages.networkStage(StateMediaRegistry.bundled(), CandidateLexicon.bundled(), null)) {
            for (SequencedPost p : posts.get()) {
                if (p.usable()) {
                    network.post(p.toPost());
                } else {
                    quarantined++;
                    out.collect(problem(p.origin != null ? p.origin : "post " + p.postId,
                            p.problem != null ? p.problem : CoordinationStages.NO_ACCOUNT,
                            p.raw));
                }
            }
            java.util.Set<String> late = new java.util.HashSet<>(); // one line per post, not per share
            for (Tally t : tallies.get()) {
                if (!t.feed(network, kinds) && late.add(t.a)) {
                    quarantined++;
                    out.collect(problem(t.a, t.b, ""));
                }
            }
            CoordinationResult r = network.finish();
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
            summary.put("quarantined", quarantined);
            summary.set("stats", JSON.valueToTree(r.stats()));
            out.collect(line("summary", summary));
        }
        posts.clear();
        tallies.clear();
    }

    private static String problem(String origin, String reason, String raw) {
        ObjectNode o = JSON.createObjectNode();
        o.put("origin", origin);
        o.put("reason", reason);
        o.put("raw", raw == null ? "" : raw);
        return line("problem", o);
    }

    private static String line(String type, com.fasterxml.jackson.databind.JsonNode body) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", type);
        o.setAll((ObjectNode) body);
        return o.toString();
    }
}
