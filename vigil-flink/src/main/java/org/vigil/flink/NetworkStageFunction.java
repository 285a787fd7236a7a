package org.vigil.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
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
 * The global stage inside the job (parallelism 1, keyed by report period; with one report, every record under
 * one key): keeps the posts in input order and the tallies in keyed state, so a restored job has them, and when
 * the period ends (the watermark passes its end plus the lateness; with one report, when the input ends)
 * concludes with the in-process engine's {@link NetworkStage}. With report periods, every line carries its
 * {@code period} (the first second, ISO 8601), the folder of period P is {@code DIR/period-P}, a record without
 * a usable time is reported at once (its line has no period), and a post that arrives for a period already
 * reported is reported, not counted. Emits one JSON line per
 * problem, account, pair, network, and a closing summary with the run's statistics; with a {@link ResultFolder}
 * it also writes {@code vigil coordinate}'s folder there (accounts.csv, edges.csv, networks.json, network.gexf,
 * quarantine.csv) through the CLI's own writers. A job restarted after that point writes the folder again, whole.
 */
final class NetworkStageFunction extends KeyedCoProcessFunction<Long, SequencedPost, Tally, String> {
    /** With report periods, the key of records that have no usable time. */
    static final long UNTIMED = Long.MIN_VALUE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HashMap<String, String> settings;
    private final ResultFolder folder;
    private final long reportSeconds;
    private final long latenessSeconds;
    private transient ListState<SequencedPost> posts;
    private transient ListState<Tally> tallies;
    private transient ValueState<Boolean> reported;

    /**
     * Where the job writes {@code vigil coordinate}'s output folder, and what its {@code networks.json} says of the
     * run: the inputs as named on the command line and when the job was started.
     */
    record ResultFolder(String dir, List<String> inputs, long startedMillis) implements Serializable {
        ResultFolder {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * The stage; {@code folder}, when not null, also gets the coordinate output folder at each report. Reports:
     * {@code flink.report.seconds} and {@code flink.lateness.seconds} of {@code flink}.
     */
    NetworkStageFunction(Map<String, String> settings, ResultFolder folder, FlinkSettings flink) {
        this.settings = new HashMap<>(settings);
        this.folder = folder;
        this.reportSeconds = flink.reportSeconds();
        this.latenessSeconds = flink.latenessSeconds();
    }

    /** The key of post {@code p}: its report period, or {@link #UNTIMED} for a bad record when there are periods. */
    static long keyOf(SequencedPost p, long reportSeconds) {
        if (reportSeconds == 0) {
            return 0;
        }
        return p.usable() ? Math.floorDiv(p.timestamp, reportSeconds) : UNTIMED;
    }

    @Override
    public void open(OpenContext context) {
        posts = getRuntimeContext().getListState(new ListStateDescriptor<>("posts", SequencedPost.class));
        tallies = getRuntimeContext().getListState(new ListStateDescriptor<>("tallies", Tally.class));
        reported = getRuntimeContext().getState(new ValueStateDescriptor<>("reported", Boolean.class));
    }

    /** When period {@code period}'s report is due (event time, ms): its end plus the lateness, or the end of the input. */
    private long reportAt(long period) {
        if (reportSeconds == 0) {
            return Long.MAX_VALUE;
        }
        return Math.multiplyExact((period + 1) * reportSeconds + latenessSeconds, 1000L) - 1;
    }

    @Override
    public void processElement1(SequencedPost p, Context ctx, Collector<String> out) throws Exception {
        long period = ctx.getCurrentKey();
        if (reportSeconds > 0 && period == UNTIMED) {
            out.collect(problem(badPost(p), null));
            return;
        }
        if (reported.value() != null) {
            out.collect(problem(new Problem(p.origin != null ? p.origin : "post " + p.postId, p.line, "arrived after the report of"
                    + " the period from " + periodStart(period) + " was made (post time " + p.timestamp + " s); it was not counted;"
                    + " allow more lateness (flink.lateness.seconds)", ""), null));
            return;
        }
        posts.add(p);
        ctx.timerService().registerEventTimeTimer(reportAt(period));
    }

    @Override
    public void processElement2(Tally t, Context ctx, Collector<String> out) throws Exception {
        if (reported.value() != null) {
            out.collect(problem(t.type == Tally.LATE ? new Problem(t.a, 0, t.b, "")
                    : new Problem("co-actions of the period from " + periodStart(ctx.getCurrentKey()), 0,
                    "arrived after that period's report; raise flink.lateness.seconds", ""), null));
            return;
        }
        tallies.add(t);
        ctx.timerService().registerEventTimeTimer(reportAt(ctx.getCurrentKey()));
    }

    private static Problem badPost(SequencedPost p) {
        return new Problem(p.origin != null ? p.origin : "post " + p.postId, p.line,
                p.problem != null ? p.problem : CoordinationStages.NO_ACCOUNT, p.raw == null ? "" : p.raw);
    }

    /** The first second of report period {@code period}, ISO 8601; null with one report. */
    private String periodStart(long period) {
        return reportSeconds == 0 ? null : Instant.ofEpochSecond(period * reportSeconds).toString();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
        CoordinationSettings config = CoordinationSettings.fromMap(settings);
        CoordinationStages stages = new CoordinationStages(config);
        CoordinationKind[] kinds = CoordinationKind.values();
        long period = ctx.getCurrentKey();
        String start = periodStart(period);
        Path dir = folder == null ? null : start == null ? Path.of(folder.dir())
                : Path.of(folder.dir()).resolve("period-" + start.replace(':', '-'));
        long[] quarantined = {0};
        long usable = 0;
        QuarantineFile bad = dir == null ? null : QuarantineFile.open(dir);
        Consumer<Problem> quarantine = p -> {
            quarantined[0]++;
            out.collect(problem(p, start));
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
                    quarantine.accept(badPost(p));
                }
            }
            Set<String> late = new HashSet<>(); // one line per post, not per share
            for (Tally t : tallies.get()) {
                if (!t.feed(network, kinds) && late.add(t.a)) {
                    quarantine.accept(new Problem(t.a, 0, t.b, ""));
                }
            }
            CoordinationResult r = network.finish();
            if (dir != null) {
                bad.flush();
                Instant started = Instant.ofEpochMilli(folder.startedMillis());
                CoordinationRun run = new CoordinationRun(CoordinationOutputs.runId(started, folder.inputs(), config), started,
                        folder.inputs(), config.method(), config.asMap(), usable, quarantined[0]);
                CoordinationOutputs.writeAll(dir, run, r);
            }
            for (Account a : r.accounts()) {
                out.collect(line("account", JSON.valueToTree(a), start));
            }
            for (CoordinationEdge e : r.edges()) {
                out.collect(line("edge", JSON.valueToTree(e), start));
            }
            for (CoordinatedNetwork n : r.networks()) {
                out.collect(line("network", JSON.valueToTree(n), start));
            }
            ObjectNode summary = JSON.createObjectNode();
            if (start != null) {
                summary.put("period_end", Instant.ofEpochSecond((period + 1) * reportSeconds).toString());
            }
            summary.put("quarantined", quarantined[0]);
            summary.set("stats", JSON.valueToTree(r.stats()));
            out.collect(line("summary", summary, start));
        } finally {
            if (bad != null) {
                bad.close();
            }
        }
        posts.clear();
        tallies.clear();
        if (reportSeconds > 0) {
            reported.update(true);
        }
    }

    private static String problem(Problem p, String period) {
        ObjectNode o = JSON.createObjectNode();
        o.put("origin", p.origin());
        if (p.line() > 0) {
            o.put("line", p.line());
        }
        o.put("reason", p.reason());
        o.put("raw", p.raw() == null ? "" : p.raw());
        return line("problem", o, period);
    }

    /** One result line: its type, its period when there are report periods, then the body's fields. */
    private static String line(String type, com.fasterxml.jackson.databind.JsonNode body, String period) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", type);
        if (period != null) {
            o.put("period", period);
        }
        o.setAll((ObjectNode) body);
        return o.toString();
    }
}
