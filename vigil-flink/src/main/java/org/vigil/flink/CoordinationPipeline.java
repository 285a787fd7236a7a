package org.vigil.flink;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The detection part of the job, shared by the MiniCluster engine and the job jar: usable posts &rarr;
 * shares (stage one, parallel) &rarr; keyed by (kind, object) &rarr; co-action tallies (stage two). Bad
 * records and shares too late for their slice come out as tallies too, for the network stage to report.
 */
final class CoordinationPipeline {
    private CoordinationPipeline() {
    }

    /** The watermark strategy on post time: bounded out-of-orderness, event time in milliseconds. */
    static WatermarkStrategy<SequencedPost> watermarks(FlinkSettings flink) {
        return WatermarkStrategy.<SequencedPost>forBoundedOutOfOrderness(Duration.ofSeconds(flink.outOfOrderSeconds()))
                .withTimestampAssigner((p, previous) -> p.problem == null ? Math.multiplyExact(p.timestamp, 1000L) : Long.MIN_VALUE);
    }

    /** Applies parallelism, checkpointing and the state backend to {@code conf} before an environment is made. */
    static Configuration configure(Configuration conf, FlinkSettings flink) {
        conf.set(StateBackendOptions.STATE_BACKEND, flink.stateBackend());
        if (flink.checkpointMillis() > 0) {
            // the default (job manager) storage holds a few MB; the network stage's state is every post
            String dir = flink.checkpointDir().isEmpty()
                    ? Path.of(System.getProperty("java.io.tmpdir"), "vigil-flink-checkpoints").toUri().toString() : flink.checkpointDir();
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir);
        }
        return conf;
    }

    static void configure(StreamExecutionEnvironment env, FlinkSettings flink) {
        env.setParallelism(flink.effectiveParallelism());
        if (flink.checkpointMillis() > 0) {
            env.enableCheckpointing(flink.checkpointMillis());
        }
    }

    /** Co-action tallies (and late shares) from the usable posts in {@code posts}. */
    static DataStream<Tally> tallies(DataStream<SequencedPost> posts, Map<String, String> settings, FlinkSettings flink) {
        SingleOutputStreamOperator<Tally> detected = posts
                .filter(SequencedPost::usable).name("usable posts")
                .flatMap(new ShareFeatures(settings)).name("features -> shares")
                .keyBy(e -> Tuple2.of(e.kind, e.objectKey), Types.TUPLE(Types.INT, Types.LONG))
                .process(new ObjectDetection(settings, flink.latenessSeconds(), flink.reportSeconds())).name("co-actions per object");
        return detected.union(detected.getSideOutput(ObjectDetection.LATE));
    }
}
