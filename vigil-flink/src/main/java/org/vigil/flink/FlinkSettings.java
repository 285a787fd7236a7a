package org.vigil.flink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the Flink engine runs the job. Each key has a default and a one-line description ({@link #KEYS});
 * the MiniCluster engine reads them from system properties of the same name with a {@code vigil.} prefix
 * ({@code -Dvigil.flink.parallelism=2}), the job jar from its command line.
 *
 * @param parallelism          parallel instances of the feature and per-object stages (sources and the network stage run one)
 * @param outOfOrderSeconds    the watermark trails the latest post time by this much
 * @param latenessSeconds      a slice closes this long after the watermark passed its end; later shares are reported, not counted
 * @param checkpointMillis     checkpoint interval; 0 turns checkpointing off
 * @param stateBackend         hashmap (state on the heap) or rocksdb (state on local disk, for state beyond the heap)
 * @param checkpointDir        where checkpoints go (a URI Flink can write: file://, s3://, hdfs://); "" = a temporary folder
 * @param reportSeconds        0: one report when the input ends; R &gt; 0: one report per R seconds of post time (a day:
 *                             86400), each what {@code vigil coordinate} finds in that period's posts alone, made when
 *                             event time passes the period's end plus the lateness; needs slices that tile the period
 */
public record FlinkSettings(int parallelism, long outOfOrderSeconds, long latenessSeconds, long checkpointMillis, String stateBackend,
                            String checkpointDir, long reportSeconds) {
    /** A documented setting. */
    public record Key(String name, String defaultValue, String description) {
    }

    public static final List<Key> KEYS = List.of(
            new Key("flink.parallelism", "0", "parallel instances of the feature and per-object stages; 0 means one per core"),
            new Key("flink.out.of.order.seconds", "3600", "bounded out-of-orderness: the watermark trails the latest post time by this much"),
            new Key("flink.lateness.seconds", "0", "a slice closes this long after the watermark passed its end; shares arriving later are reported and not counted"),
            new Key("flink.checkpoint.millis", "0", "checkpoint interval in milliseconds; 0 turns checkpointing off"),
            new Key("flink.state.backend", "hashmap", "hashmap (keyed state on the heap) or rocksdb (on local disk)"),
            new Key("flink.checkpoint.dir", "", "where checkpoints are written (file://, s3://, hdfs:// URI); empty means a temporary folder"),
            new Key("flink.report.seconds", "0", "0: one report when the input ends; R > 0: a report per R seconds of post time, each"
                    + " on that period's posts alone (R a multiple of coordination.slice.seconds); a followed Kafka topic needs it"));

    public FlinkSettings {
        require(parallelism >= 0, "flink.parallelism", parallelism, ">= 0");
        require(outOfOrderSeconds >= 0, "flink.out.of.order.seconds", outOfOrderSeconds, ">= 0");
        require(latenessSeconds >= 0, "flink.lateness.seconds", latenessSeconds, ">= 0");
        require(checkpointMillis == 0 || checkpointMillis >= 10, "flink.checkpoint.millis", checkpointMillis, "0 or >= 10");
        require(reportSeconds >= 0, "flink.report.seconds", reportSeconds, ">= 0");
        checkpointDir = checkpointDir == null ? "" : checkpointDir;
        require(stateBackend.equals("hashmap") || stateBackend.equals("rocksdb"), "flink.state.backend", stateBackend, "hashmap or rocksdb");
    }

    private static void require(boolean ok, String key, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(key + " must be " + rule + ", got " + value);
        }
    }

    public static FlinkSettings defaults() {
        return fromMap(Map.of());
    }

    /** From system properties {@code vigil.flink.*}, defaults for the rest. */
    public static FlinkSettings fromSystemProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Key k : KEYS) {
            String v = System.getProperty("vigil." + k.name());
            if (v != null) {
                m.put(k.name(), v);
            }
        }
        return fromMap(m);
    }

    /** Parses dotted keys strictly; an unknown key or a bad value names the key. */
    public static FlinkSettings fromMap(Map<String, String> values) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Key k : KEYS) {
            v.put(k.name(), k.defaultValue());
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!v.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown setting '" + e.getKey() + "'; known: " + String.join(", ", v.keySet()));
            }
            v.put(e.getKey(), e.getValue().trim());
        }
        return new FlinkSettings((int) number(v, "flink.parallelism"), number(v, "flink.out.of.order.seconds"),
                number(v, "flink.lateness.seconds"), number(v, "flink.checkpoint.millis"), v.get("flink.state.backend"),
                v.get("flink.checkpoint.dir"), number(v, "flink.report.seconds"));
    }

    private static long number(Map<String, String> v, String key) {
        try {
            return Long.parseLong(v.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v.get(key) + "'");
        }
    }

    /** The parallelism to run with. */
    public int effectiveParallelism() {
        return parallelism > 0 ? parallelism : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public FlinkSettings withParallelism(int p) {
        return new FlinkSettings(p, outOfOrderSeconds, latenessSeconds, checkpointMillis, stateBackend, checkpointDir, reportSeconds);
    }

    public FlinkSettings withCheckpointMillis(long ms) {
        return new FlinkSettings(parallelism, outOfOrderSeconds, latenessSeconds, ms, stateBackend, checkpointDir, reportSeconds);
    }

    public FlinkSettings withLateness(long seconds) {
        return new FlinkSettings(parallelism, outOfOrderSeconds, seconds, checkpointMillis, stateBackend, checkpointDir, reportSeconds);
    }

    public FlinkSettings withOutOfOrder(long seconds) {
        return new FlinkSettings(parallelism, seconds, latenessSeconds, checkpointMillis, stateBackend, checkpointDir, reportSeconds);
    }

    public FlinkSettings withReportSeconds(long seconds) {
        return new FlinkSettings(parallelism, outOfOrderSeconds, latenessSeconds, checkpointMillis, stateBackend, checkpointDir, seconds);
    }

    /**
     * Checks that report periods fit the slicing of {@code sliceSeconds}: a period must be whole slices, so that a
     * slice's co-actions belong to one period.
     */
    public void requireReportsFit(long sliceSeconds) {
        if (reportSeconds > 0 && (sliceSeconds == 0 || reportSeconds % sliceSeconds != 0)) {
            throw new IllegalArgumentException("flink.report.seconds=" + reportSeconds + " needs coordination.slice.seconds to divide it"
                    + " (got " + sliceSeconds + (sliceSeconds == 0 ? ", one slice for the whole input" : "") + "); for daily reports set"
                    + " coordination.slice.seconds=3600 and flink.report.seconds=86400");
        }
    }
}
