package org.vigil.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.coordination.CoordinationEngines;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.model.Account;
import org.vigil.model.CoordinatedNetwork;
import org.vigil.model.CoordinationEdge;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job on a real Kafka broker (KRaft, in this JVM, loopback only): posts in from one topic, results out to
 * another, equal to the in-process engine's; and a job that fails mid-stream and restarts from its last
 * checkpoint writes the same results, so no co-action was lost or counted twice.
 */
class KafkaJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static InProcessKafka kafka;
    private static List<Post> posts;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new InProcessKafka();
        kafka.createTopics("posts", "results-clean", "results-restarted");
        posts = new SyntheticPosts(20_000, 1_000, 10, 7, true).generate().posts();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < posts.size(); i++) {
                producer.send(new ProducerRecord<>("posts", PostJson.toJson(posts.get(i))));
                if (i == 100) {
                    producer.send(new ProducerRecord<>("posts", "{not json".getBytes(StandardCharsets.UTF_8)));
                    producer.send(new ProducerRecord<>("posts", "{\"timestamp\": 1}".getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static CoordinationJob.Options options(String outTopic) {
        return new CoordinationJob.Options(List.of(), kafka.bootstrap(), "posts", "vigil-" + outTopic, false, null, outTopic,
                CoordinationSettings.defaults().asMap(), FlinkSettings.defaults().withParallelism(2).withCheckpointMillis(200));
    }

    private static void run(CoordinationJob.Options o, MapFunction<SequencedPost, SequencedPost> tap) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2,
                CoordinationPipeline.configure(conf, o.flink()));
        CoordinationJob.build(env, o, tap);
        env.execute("vigil coordination test");
    }

    /** The result lines of a topic, without the summary (its statistics hold timings). */
    private static List<String> results(String topic) {
        List<String> lines = new ArrayList<>();
        try (KafkaConsumer<byte[], String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + java.util.UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            c.subscribe(List.of(topic));
            boolean summary = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!summary && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], String> r : c.poll(Duration.ofMillis(500))) {
                    if (r.value().startsWith("{\"type\":\"summary\"")) {
                        summary = true;
                    } else {
                        lines.add(r.value());
                    }
                }
            }
            assertThat(summary).as("a summary line on %s", topic).isTrue();
        }
        return lines;
    }

    private static String line(String type, Object o) {
        var node = JSON.createObjectNode();
        node.put("type", type);
        node.setAll((com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(o));
        return node.toString();
    }

    /** The in-process engine's result on the same posts, as the job's lines; then the two bad messages. */
    private static List<String> expected() {
        CoordinationResult expected = CoordinationEngines.named("in-process").detect(posts, CoordinationSettings.defaults(), p -> { });
        assertThat(expected.networks()).isNotEmpty();
        List<String> want = new ArrayList<>(List.of(
                "{\"type\":\"problem\",\"origin\":\"kafka posts partition 0 offset 101\",\"reason\":\"not JSON (Unexpected character"
                        + " ('n' (code 110)): was expecting double-quote to start field name); produce one JSON post per message\",\"raw\":\"{not json\"}",
                "{\"type\":\"problem\",\"origin\":\"kafka posts partition 0 offset 102\",\"reason\":\"post has no account_id, so it"
                        + " cannot be attributed\",\"raw\":\"{\\\"timestamp\\\": 1}\"}"));
        for (Account a : expected.accounts()) {
            want.add(line("account", a));
        }
        for (CoordinationEdge e : expected.edges()) {
            want.add(line("edge", e));
        }
        for (CoordinatedNetwork n : expected.networks()) {
            want.add(line("network", n));
        }
        return want;
    }

    @Test
    void postsFromATopicGiveTheInProcessResultsOnATopic() throws Exception {
        run(options("results-clean"), null);
        assertThat(results("results-clean")).isEqualTo(expected());
    }

    /** Fails the job once, mid-stream, after a checkpoint completed; counts the posts it sees (replays included). */
    static final class FailOnceAfterCheckpoint implements MapFunction<SequencedPost, SequencedPost>, CheckpointListener {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicLong SEEN = new AtomicLong();
        private long count;
        private volatile boolean checkpointedMidStream;

        @Override
        public SequencedPost map(SequencedPost p) throws Exception {
            SEEN.incrementAndGet();
            count++;
            if (!FAILED.get() && count > 5_000) {
                if (checkpointedMidStream) {
                    FAILED.set(true);
                    throw new IllegalStateException("failure injected by the test after post " + count);
                }
                Thread.sleep(1); // let a checkpoint complete while the stream is half read
            }
            return p;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (count > 5_000) {
                checkpointedMidStream = true;
            }
        }
    }

    @Test
    void aJobRestartedFromACheckpointMidStreamGivesTheSameResults() throws Exception {
        run(options("results-restarted"), new FailOnceAfterCheckpoint());
        assertThat(FailOnceAfterCheckpoint.FAILED).as("the injected failure happened").isTrue();
        assertThat(FailOnceAfterCheckpoint.SEEN.get()).as("posts seen, the replay after the restore included")
                .isGreaterThan(posts.size() + 2).isLessThan(2L * (posts.size() + 2));
        List<String> restarted = results("results-restarted");
        assertThat(restarted).isEqualTo(expected());
    }
}
