package org.vigil.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.coordination.CoordinationEngines;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.ingest.posts.PostReaders;
import org.vigil.model.Account;
import org.vigil.model.CoordinationEdge;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;
import org.vigil.output.CoordinationOutputs;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Report periods ({@code flink.report.seconds}): the job reports once per period of post time, each report what the
 * in-process engine finds in that period's posts alone; on files, and on a Kafka topic that is followed (never ends).
 */
class ReportPeriodsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PERIOD = 10 * 86_400L;
    private static final CoordinationSettings SLICED = CoordinationSettings.defaults().with("coordination.slice.seconds", "3600");

    /** The posts of each period, in input order. */
    private static Map<Long, List<Post>> byPeriod(List<Post> posts) {
        Map<Long, List<Post>> m = new TreeMap<>();
        for (Post p : posts) {
            m.computeIfAbsent(Math.floorDiv(p.timestamp(), PERIOD), k -> new ArrayList<>()).add(p);
        }
        return m;
    }

    private static String iso(long period) {
        return Instant.ofEpochSecond(period * PERIOD).toString();
    }

    private static String line(String type, String period, Object body) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", type);
        o.put("period", period);
        o.setAll((ObjectNode) JSON.valueToTree(body));
        return o.toString();
    }

    /** The in-process engine's accounts and pairs of each period, as the job's lines. */
    private static Map<Long, List<String>> expected(Map<Long, List<Post>> periods, Map<Long, CoordinationResult> results) {
        Map<Long, List<String>> want = new TreeMap<>();
        for (Map.Entry<Long, List<Post>> e : periods.entrySet()) {
            CoordinationResult r = CoordinationEngines.named("in-process").detect(e.getValue(), SLICED, p -> { });
            results.put(e.getKey(), r);
            List<String> lines = new ArrayList<>();
            for (Account a : r.accounts()) {
                lines.add(line("account", iso(e.getKey()), a));
            }
            for (CoordinationEdge x : r.edges()) {
                lines.add(line("edge", iso(e.getKey()), x));
            }
            want.put(e.getKey(), lines);
        }
        return want;
    }

    /** The account and edge lines of {@code lines}, by period. */
    private static Map<Long, List<String>> actual(List<String> lines) throws Exception {
        Map<Long, List<String>> got = new TreeMap<>();
        for (String l : lines) {
            JsonNode n = JSON.readTree(l);
            String type = n.get("type").asText();
            if (type.equals("account") || type.equals("edge")) {
                long period = Math.floorDiv(Instant.parse(n.get("period").asText()).getEpochSecond(), PERIOD);
                got.computeIfAbsent(period, k -> new ArrayList<>()).add(l);
            }
        }
        return got;
    }

    @Test
    void aFileOverSeveralPeriodsGivesOneReportPerPeriodEachAsIfRunAlone(@TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("posts.jsonl");
        List<Post> generated = new SyntheticPosts(20_000, 1_000, 10, 42, true).generate().posts();
        try (OutputStream out = Files.newOutputStream(input)) {
            for (int i = 0; i < generated.size(); i++) {
                out.write(PostJson.toJson(generated.get(i)));
                out.write('\n');
                if (i == 500) {
                    out.write("this line is not a post\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        List<Post> posts = new ArrayList<>();
        PostReaders.read(input, null, posts::add, p -> { });
        Map<Long, List<Post>> periods = byPeriod(posts);
        assertThat(periods).hasSizeGreaterThanOrEqualTo(3);
        Map<Long, CoordinationResult> results = new TreeMap<>();
        Map<Long, List<String>> want = expected(periods, results);
        assertThat(results.values().stream().filter(r -> !r.networks().isEmpty()).count()).as("periods with networks").isGreaterThanOrEqualTo(2);

        Path out = tmp.resolve("out");
        CoordinationJob.Options o = CoordinationJob.parse(new String[]{"--input", input.toString(), "--output", out.toString(),
                "--set", "coordination.slice.seconds=3600", "--set", "flink.report.seconds=" + PERIOD, "--set", "flink.parallelism=2"});
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, new Configuration());
        CoordinationJob.build(env, o, null);
        env.execute("report periods test");

        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertThat(actual(lines)).isEqualTo(want.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
        assertThat(lines.stream().filter(l -> l.startsWith("{\"type\":\"summary\"")).count()).isEqualTo(periods.size());
        // the bad line has no time, so no period: it is reported at once, with its file and line
        assertThat(lines.stream().filter(l -> l.startsWith("{\"type\":\"problem\"")).toList()).singleElement().asString()
                .startsWith("{\"type\":\"problem\",\"origin\":\"" + input + "\",\"line\":502,");
        for (Map.Entry<Long, CoordinationResult> e : results.entrySet()) {
            Path folder = out.resolve("period-" + iso(e.getKey()).replace(':', '-'));
            Path want1 = tmp.resolve("want-" + e.getKey()).resolve("accounts.csv");
            Files.createDirectories(want1.getParent());
            CoordinationOutputs.writeAccounts(want1, e.getValue().accounts());
            assertThat(Files.readString(folder.resolve("accounts.csv"))).as("accounts.csv of %s", folder)
                    .isEqualTo(Files.readString(want1));
            JsonNode run = JSON.readTree(folder.resolve("networks.json").toFile()).get("run");
            assertThat(run.get("posts").asLong()).isEqualTo(periods.get(e.getKey()).size());
        }
    }

    @Test
    void reportSettingsThatCannotWorkAreRefusedWithTheFix() {
        assertThatThrownBy(() -> CoordinationJob.parse(new String[]{"--input", "a.csv", "--output", "o", "--set", "flink.report.seconds=86400"}))
                .hasMessageContaining("needs coordination.slice.seconds to divide it").hasMessageContaining("flink.report.seconds=86400");
        assertThatThrownBy(() -> CoordinationJob.parse(new String[]{"--input", "a.csv", "--output", "o",
                "--set", "coordination.slice.seconds=7000", "--set", "flink.report.seconds=86400"}))
                .hasMessageContaining("needs coordination.slice.seconds to divide it");
        assertThatThrownBy(() -> CoordinationJob.parse(new String[]{"--kafka-bootstrap", "127.0.0.1:1", "--kafka-topic", "t",
                "--kafka-follow", "--output", "o"}))
                .hasMessageStartingWith("a followed topic never ends").hasMessageContaining("flink.report.seconds");
        assertThatThrownBy(() -> CoordinationJob.parse(new String[]{"--input", "a.csv", "--kafka-follow", "--output", "o"}))
                .hasMessage("--kafka-follow follows a topic; it needs --kafka-topic");
        assertThatThrownBy(() -> EngineConformanceTest.flink(FlinkSettings.defaults().withReportSeconds(86_400))
                .start(SLICED, p -> { }, org.vigil.coordination.ProgressListener.NONE))
                .hasMessageContaining("flink.report.seconds (a report per period) is for the job jar");
    }

    @Test
    void aFollowedTopicIsReportedPeriodByPeriodWhileTheJobRuns() throws Exception {
        List<Post> posts = new SyntheticPosts(20_000, 1_000, 10, 7, true).generate().posts();
        Map<Long, List<Post>> periods = byPeriod(posts);
        Map<Long, List<String>> want = expected(periods, new TreeMap<>());
        long last = ((TreeMap<Long, List<Post>>) periods).lastKey();
        try (InProcessKafka kafka = new InProcessKafka()) {
            kafka.createTopics("followed", "reports");
            send(kafka, posts);
            CoordinationJob.Options o = CoordinationJob.parse(new String[]{"--kafka-bootstrap", kafka.bootstrap(), "--kafka-topic", "followed",
                    "--kafka-follow", "--kafka-output-topic", "reports", "--set", "coordination.slice.seconds=3600",
                    "--set", "flink.report.seconds=" + PERIOD, "--set", "flink.parallelism=2", "--set", "flink.out.of.order.seconds=60"});
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, new Configuration());
            CoordinationJob.build(env, o, null);
            JobClient job = env.executeAsync("followed topic test");
            try (KafkaConsumer<byte[], String> c = consumer(kafka)) {
                // every period but the last closes while the job runs: the posts after each push event time past it
                List<String> lines = new ArrayList<>();
                awaitSummaries(c, lines, periods.size() - 1);
                Map<Long, List<String>> got = actual(lines);
                for (long p : periods.keySet()) {
                    if (p != last && !want.get(p).isEmpty()) {
                        assertThat(got.get(p)).as("period from %s", iso(p)).isEqualTo(want.get(p));
                    }
                }
                assertThat(got).doesNotContainKey(last);
                // a post well after the last period moves event time on, and that period is reported too
                Post clock = new Post("clock", "clock", (last + 2) * PERIOD, "tick", null, null, List.of(), List.of(), "en");
                send(kafka, List.of(clock));
                awaitSummaries(c, lines, 1);
                assertThat(actual(lines).get(last)).as("the last period").isEqualTo(want.get(last).isEmpty() ? null : want.get(last));
                assertThat(job.getJobStatus().get().isGloballyTerminalState()).as("the job still follows the topic").isFalse();
            } finally {
                job.cancel().get();
            }
        }
    }

    private static void send(InProcessKafka kafka, List<Post> posts) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (Post p : posts) {
                producer.send(new ProducerRecord<>("followed", PostJson.toJson(p)));
            }
        }
    }

    private static KafkaConsumer<byte[], String> consumer(InProcessKafka kafka) {
        KafkaConsumer<byte[], String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + java.util.UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        c.subscribe(List.of("reports"));
        return c;
    }

    /** Reads lines into {@code lines} until {@code n} more summaries came, for at most two minutes. */
    private static void awaitSummaries(KafkaConsumer<byte[], String> c, List<String> lines, int n) {
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (seen < n && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], String> r : c.poll(Duration.ofMillis(500))) {
                lines.add(r.value());
                if (r.value().startsWith("{\"type\":\"summary\"")) {
                    seen++;
                }
            }
        }
        assertThat(seen).as("reports within two minutes").isEqualTo(n);
    }
}
