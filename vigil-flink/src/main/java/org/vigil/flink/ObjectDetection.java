package org.vigil.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.CoordinationStages;
import org.vigil.coordination.detect.ObjectCoActions;
import org.vigil.coordination.detect.ObjectShares;
import org.vigil.coordination.detect.SignatureTable;
import org.vigil.model.CoordinationKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Stage two, keyed by (kind, object): the object's shares wait in keyed state until event time closes their
 * slice, then {@link ObjectCoActions} runs over the slice and its history exactly as the in-process engine
 * runs it over an object's group, and the co-actions go out as tallies.
 *
 * <p>Time: a slice of S seconds ({@code coordination.slice.seconds}; 0 = the whole input) closes when the
 * watermark passes its end plus the allowed lateness, so a share that arrives late, but not later than that,
 * still counts and nothing is counted twice: results never need retracting. A share of a slice already
 * closed goes to {@link #LATE} and is reported. After a slice closes, only its last {@code history()} seconds
 * stay in state, as partners for the next one: an object's state is one slice plus its history. With report
 * periods ({@code flink.report.seconds}), each period is a run of its own: a slice's partners never reach back
 * into the period before, and its tallies carry their period.
 */
final class ObjectDetection extends KeyedProcessFunction<Tuple2<Integer, Long>, ShareEvent, Tally> {
    static final OutputTag<Tally> LATE = new OutputTag<>("late-shares") {
    };
    private static final Comparator<ShareEvent> ORDER = Comparator.comparingLong((ShareEvent e) -> e.time)
            .thenComparingLong(e -> e.ordinal);
    private final HashMap<String, String> settings;
    private final long latenessSeconds;
    private final long reportSeconds;
    private transient CoordinationStages stages;
    private transient ListState<ShareEvent> shares;
    private transient EnumMap<CoordinationKind, ObjectCoActions> stageOf;
    private transient SignatureTable signatures;
    private transient ObjectShares scratch;

    ObjectDetection(Map<String, String> settings, long latenessSeconds, long reportSeconds) {
        this.settings = new HashMap<>(settings);
        this.latenessSeconds = latenessSeconds;
        this.reportSeconds = reportSeconds;
    }

    /** The report period of second {@code time} (0 with one report). */
    private long periodOf(long time) {
        return reportSeconds == 0 ? 0 : Math.floorDiv(time, reportSeconds);
    }

    @Override
    public void open(OpenContext context) {
        stages = new CoordinationStages(CoordinationSettings.fromMap(settings));
        shares = getRuntimeContext().getListState(new ListStateDescriptor<>("shares", ShareEvent.class));
        signatures = new SignatureTable(stages.signatureLength());
        stageOf = new EnumMap<>(CoordinationKind.class);
        for (CoordinationKind k : stages.kinds()) {
            stageOf.put(k, stages.objectStage(k, signatures));
        }
        scratch = new ObjectShares();
    }

    /** The event time (ms) at which slice {@code slice} closes. */
    private long closesAt(long slice) {
        if (stages.sliceSeconds() == 0) {
            return Long.MAX_VALUE;
        }
        return Math.multiplyExact(stages.sliceStart(slice + 1) + latenessSeconds, 1000L) - 1;
    }

    private long sliceClosingAt(long timerMillis) {
        return Math.floorDiv((timerMillis + 1) / 1000 - latenessSeconds, stages.sliceSeconds()) - 1;
    }

    @Override
    public void processElement(ShareEvent e, Context ctx, Collector<Tally> out) throws Exception {
        long slice = stages.sliceOf(e.time);
        long closes = closesAt(slice);
        long watermark = ctx.timerService().currentWatermark();
        if (closes != Long.MAX_VALUE && closes <= watermark) {
            ctx.output(LATE, Tally.of(Tally.LATE, e.kind, "input record " + (e.ordinal + 1) + " (account " + e.account + ")",
                    "arrived after its slice closed (post time " + e.time + " s, event time had reached " + watermark / 1000
                            + " s); its shares were not counted; allow more lateness (--lateness SECONDS)", 0, 0).in(periodOf(e.time)));
            return;
        }
        shares.add(e);
        ctx.timerService().registerEventTimeTimer(closes);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tally> out) throws Exception {
        long from;
        long to;
        long countFrom;
        if (stages.sliceSeconds() == 0) {
            from = Long.MIN_VALUE;
            to = Long.MAX_VALUE;
            countFrom = Long.MIN_VALUE;
        } else {
            long slice = sliceClosingAt(timestamp);
            countFrom = stages.sliceStart(slice);
            from = countFrom - stages.history();
            if (reportSeconds > 0) { // each report period is a run of its own: no partners from the one before
                from = Math.max(from, periodOf(countFrom) * reportSeconds);
            }
            to = stages.sliceStart(slice + 1);
        }
        List<ShareEvent> all = new ArrayList<>();
        for (ShareEvent e : shares.get()) {
            all.add(e);
        }
        List<ShareEvent> seen = new ArrayList<>(all.size());
        for (ShareEvent e : all) {
            if (e.time >= from && e.time < to) {
                seen.add(e);
            }
        }
        seen.sort(ORDER);
        CoordinationKind kind = CoordinationKind.values()[ctx.getCurrentKey().f0];
        long period = stages.sliceSeconds() == 0 ? 0 : periodOf(countFrom);
        detect(kind, ctx.getCurrentKey().f1, seen, countFrom, t -> out.collect(t.in(period)));
        if (stages.sliceSeconds() == 0) {
            shares.clear();
            return;
        }
        long keepFrom = to - stages.history();
        List<ShareEvent> kept = new ArrayList<>();
        for (ShareEvent e : all) {
            if (e.time >= keepFrom) {
                kept.add(e);
            }
        }
        shares.update(kept);
    }

    private void detect(CoordinationKind kind, long objectKey, List<ShareEvent> seen, long countFrom, Consumer<Tally> out) {
        int n = seen.size();
        if (n < 2) {
            return; // one share co-occurs with nothing; the in-process engine leaves such objects out of its groups too
        }
        Map<String, Integer> number = new HashMap<>();
        List<String> names = new ArrayList<>();
        ObjectShares s = scratch;
        s.reset(objectKey);
        int length = stages.signatureLength();
        boolean similar = kind == CoordinationKind.CO_SIMILAR_TEXT;
        if (similar) {
            while (signatures.count() < n) {
                signatures.next();
            }
        }
        for (int i = 0; i < n; i++) {
            ShareEvent e = seen.get(i);
            Integer a = number.get(e.account);
            if (a == null) {
                a = names.size();
                number.put(e.account, a);
                names.add(e.account);
            }
            if (similar) {
                System.arraycopy(e.signature, 0, signatures.raw(), i * length, length);
            }
            s.add(a, e.time, i);
        }
        Map<Long, long[]> tallies = new HashMap<>();
        long[] sampled = new long[1];
        stageOf.get(kind).detect(s, countFrom, new ObjectCoActions.Sink() {
            @Override
            public void coAction(int a, int b, int level) {
                tallies.computeIfAbsent(pack(a, b, level, 0), k -> new long[1])[0]++;
            }

            @Override
            public void background(int a, int b, int level) {
                tallies.computeIfAbsent(pack(a, b, level, 1), k -> new long[1])[0]++;
                sampled[0]++;
            }
        });
        for (Map.Entry<Long, long[]> t : tallies.entrySet()) {
            long k = t.getKey();
            int a = (int) (k >>> 36);
            int b = (int) ((k >>> 8) & 0xFFFFFFFL);
            int level = (int) ((k >>> 1) & 0x7F);
            int type = (int) (k & 1) == 0 ? Tally.COACTION : Tally.BACKGROUND;
            out.accept(Tally.of(type, kind.ordinal(), names.get(a), names.get(b), level, t.getValue()[0]));
        }
        out.accept(Tally.of(Tally.STAT, kind.ordinal(), "objects." + kind.key(), null, 0, 1));
        out.accept(Tally.of(Tally.STAT, kind.ordinal(), "shares." + kind.key(), null, 0, n));
        if (sampled[0] > 0) {
            out.accept(Tally.of(Tally.STAT, kind.ordinal(), "background." + kind.key(), null, 0, sampled[0]));
        }
    }

    /** An unordered pair of local account numbers (each below 2^28), a level and whether it is background. */
    private static long pack(int a, int b, int level, int background) {
        if (Math.max(a, b) >= 1 << 28) {
            throw new IllegalStateException("more than 2^28 accounts share one object in one slice");
        }
        return (long) a << 36 | (long) b << 8 | (long) level << 1 | background;
    }
}
