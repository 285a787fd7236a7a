package org.vigil.flink;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.CoordinationStages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job jar's main class: {@code flink run vigil-flink-VERSION-job.jar (--input FILE... | --kafka-bootstrap
 * HOST:PORT --kafka-topic TOPIC [--kafka-follow]) [--output DIR] [--kafka-output-topic TOPIC] [--set KEY=VALUE]...}.
 * {@code --set} takes the {@code coordination.*} keys of {@code vigil coordinate} and the {@code flink.*}
 * keys of {@link FlinkSettings}. A Kafka topic is read from its earliest offsets to the latest at start
 * (the network stage concludes when the input ends), or, with {@code --kafka-follow}, on and on: then
 * {@code flink.report.seconds} must be set, and a report comes out per period of post time. {@code --output DIR} gets the folder {@code vigil coordinate}
 * writes (accounts.csv, edges.csv, networks.json, network.gexf, quarantine.csv) plus {@code results.jsonl}, the
 * same results as JSON lines, which {@code --kafka-output-topic} gets too (see {@link NetworkStageFunction}); give
 * either or both. The folder must be one the task manager running the network stage can write.
 */
public final class CoordinationJob {
    /** What the job reads and writes, and how. */
    public record Options(List<Path> inputs, String kafkaBootstrap, String kafkaTopic, String kafkaGroup, boolean follow, Path output,
                          String kafkaOutputTopic, Map<String, String> coordination, FlinkSettings flink) {
        public Options {
            boolean files = inputs != null && !inputs.isEmpty();
            boolean kafka = kafkaTopic != null;
            if (files == kafka) {
                throw new IllegalArgumentException("give either --input FILE... or --kafka-topic TOPIC (with --kafka-bootstrap), not "
                        + (files ? "both" : "neither"));
            }
            if (kafka && kafkaBootstrap == null) {
                throw new IllegalArgumentException("--kafka-topic needs --kafka-bootstrap HOST:PORT");
            }
            if (output == null && kafkaOutputTopic == null) {
                throw new IllegalArgumentException("give --output DIR or --kafka-output-topic TOPIC (or both)");
            }
            if (kafkaOutputTopic != null && kafkaBootstrap == null) {
                throw new IllegalArgumentException("--kafka-output-topic needs --kafka-bootstrap HOST:PORT");
            }
            if (follow && !kafka) {
                throw new IllegalArgumentException("--kafka-follow follows a topic; it needs --kafka-topic");
            }
            if (follow && flink.reportSeconds() == 0) {
                throw new IllegalArgumentException("a followed topic never ends, so one report at its end never comes; set"
                        + " flink.report.seconds (--set flink.report.seconds=86400 for daily reports)");
            }
            CoordinationSettings settings = CoordinationSettings.fromMap(coordination);
            new CoordinationStages(settings); // settings fail here, not on the cluster
            flink.requireReportsFit(settings.sliceSeconds());
        }
    }

    private CoordinationJob() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("vigil coordination job: " + e.getMessage());
            System.err.println("usage: (--input FILE... | --kafka-bootstrap HOST:PORT --kafka-topic TOPIC [--kafka-group ID] [--kafka-follow])"
                    + " [--output DIR] [--kafka-output-topic TOPIC] [--set KEY=VALUE]...");
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                CoordinationPipeline.configure(new Configuration(), o.flink()));
        build(env, o, null);
        env.execute("vigil coordination");
    }

    /** The inputs as {@code networks.json} names them: the files, or the topic and its brokers. */
    static List<String> inputNames(Options o) {
        if (o.kafkaTopic() != null) {
            return List.of("kafka://" + o.kafkaBootstrap() + "/" + o.kafkaTopic());
        }
        return o.inputs().stream().map(Path::toString).toList();
    }

    static Options parse(String[] args) {
        List<Path> inputs = new ArrayList<>();
        String bootstrap = null;
        String topic = null;
        String group = "vigil-coordination";
        boolean follow = false;
        Path output = null;
        String outTopic = null;
        Map<String, String> coordination = new LinkedHashMap<>();
        Map<String, String> flink = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--kafka-follow")) {
                follow = true;
                continue;
            }
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null && !a.equals("--help")) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            switch (a) {
                case "--input" -> {
                    inputs.add(Path.of(v));
                    i++;
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        inputs.add(Path.of(args[++i]));
                    }
                }
                case "--kafka-bootstrap" -> bootstrap = args[++i];
                case "--kafka-topic" -> topic = args[++i];
                case "--kafka-group" -> group = args[++i];
                case "--output" -> output = Path.of(args[++i]);
                case "--kafka-output-topic" -> outTopic = args[++i];
                case "--set" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--set takes KEY=VALUE, got '" + kv + "'");
                    }
                    (kv.startsWith("flink.") ? flink : coordination).put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        return new Options(inputs, bootstrap, topic, group, follow, output, outTopic,
                CoordinationSettings.fromMap(coordination).asMap(), FlinkSettings.fromMap(flink));
    }

    /**
     * Adds the whole job to {@code env}: source, detection, the network stage, sink. {@code tap}, when given,
     * sees every post after the source (tests use it to fail a job mid-stream).
     */
    static void build(StreamExecutionEnvironment env, Options o, MapFunction<SequencedPost, SequencedPost> tap) {
        CoordinationPipeline.configure(env, o.flink());
        WatermarkStrategy<SequencedPost> watermarks = CoordinationPipeline.watermarks(o.flink());
        DataStream<SequencedPost> posts;
        if (o.kafkaTopic() != null) {
            var builder = KafkaSource.<SequencedPost>builder()
                    .setBootstrapServers(o.kafkaBootstrap())
                    .setTopics(o.kafkaTopic())
                    .setGroupId(o.kafkaGroup())
                    .setStartingOffsets(OffsetsInitializer.earliest())
                    .setDeserializer(new KafkaPosts());
            if (!o.follow()) {
                builder.setBounded(OffsetsInitializer.latest());
            }
            KafkaSource<SequencedPost> source = builder.build();
            posts = env.fromSource(source, watermarks, "kafka " + o.kafkaTopic()).setParallelism(1);
        } else {
            long records = InputFilePosts.count(o.inputs());
            DataGeneratorSource<SequencedPost> source = new DataGeneratorSource<>(new InputFilePosts(o.inputs()), records,
                    TypeInformation.of(SequencedPost.class));
            posts = env.fromSource(source, watermarks, "post files").setParallelism(1);
        }
        if (tap != null) {
            posts = posts.map(tap).setParallelism(1).name("tap");
        }
        DataStream<Tally> tallies = CoordinationPipeline.tallies(posts, o.coordination(), o.flink());
        NetworkStageFunction.ResultFolder folder = o.output() == null ? null : new NetworkStageFunction.ResultFolder(
                o.output().toAbsolutePath().toString(), inputNames(o), System.currentTimeMillis());
        long reportSeconds = o.flink().reportSeconds();
        DataStream<String> results = posts.keyBy(p -> NetworkStageFunction.keyOf(p, reportSeconds), TypeInformation.of(Long.class))
                .connect(tallies.keyBy(t -> t.period, TypeInformation.of(Long.class)))
                .process(new NetworkStageFunction(o.coordination(), folder, o.flink()), TypeInformation.of(String.class))
                .setParallelism(1).setMaxParallelism(1).name("network stage");
        if (o.output() != null) {
            results.sinkTo(new JsonLinesFileSink(o.output())).setParallelism(1).name("results.jsonl");
        }
        if (o.kafkaOutputTopic() != null) {
            KafkaSink<String> sink = KafkaLines.sink(o.kafkaBootstrap(), o.kafkaOutputTopic());
            results.sinkTo(sink).setParallelism(1).name("kafka " + o.kafkaOutputTopic());
        }
    }
}
