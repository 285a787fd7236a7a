package org.vigil.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.extract.GoldFormat;
import org.vigil.extract.NewsExtractor;
import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.nlp.CoreNlpAnalyzer;
import org.vigil.ingest.news.NewsBatch;
import org.vigil.ingest.news.NewsIngest;
import org.vigil.model.Article;
import org.vigil.model.Problem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The news job on a real Kafka broker (KRaft, in this JVM, loopback only): articles in from a topic, one JSON
 * object per record, lines out to a file or a topic. The lines equal what {@code vigil extract} gives for the same
 * records in a {@code .jsonl} file, read and extracted in-process; bad records come out as problem lines naming
 * their offset. Parallelism 1 with the slot on pipelines of its own: two CoreNLP sets live (the in-process one).
 */
class NewsKafkaJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "news";
    private static InProcessKafka kafka;
    /** The good records' names and lines, as vigil extract writes them. */
    private static Map<String, String> expected;

    /** The topic, in order; null is a record without a value. Texts written for this test. */
    private static final String[] RECORDS = {
        json("doc", "moscow-side", "url", "https://news.example/politics/moscow-side", "title", "Officials say Moscow picked a side",
                "published", "2024-10-02", "text", "Officials said Russia wants Donald Trump to win. The assessment was shared with"
                        + " lawmakers on Tuesday. Analysts in Washington said the finding matched earlier reports about the campaign."),
        json("url", "https://news.example/tech/tehran-leak", "html", "<!doctype html><html><head><title>Hackers tied to Tehran"
                + " leaked campaign emails</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Hackers tied to Tehran"
                + " leaked campaign emails</h1><p>Iranian hackers broke into the email accounts of a presidential campaign in 2024"
                + " and leaked stolen documents to reporters, federal investigators said.</p><p>The campaign confirmed that some"
                + " of its staff had been targeted.</p></article><footer>Copyright News Example</footer></body></html>"),
        "{not json",
        json("doc", "beijing-neutral", "text", "Beijing stays neutral, experts say\n\nExperts said China does not favour either"
                + " candidate in the 2024 election. They added that Chinese state media had pushed divisive content about both"
                + " parties on social platforms."),
        json("title", "A story without a name", "text", "Nothing here names the article, so it cannot be told apart in the output."),
        null,
        json("doc", "no-body", "title", "A record with no page"),
        json("doc", "weather", "text", "A quiet week of weather\n\nThe city expects mild temperatures and light rain through"
                + " the weekend. Farmers welcomed the forecast after a dry month."),
    };
    private static final int[] GOOD = {0, 1, 3, 7};

    private static String json(String... kv) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            o.put(kv[i], kv[i + 1]);
        }
        return o.toString();
    }

    @BeforeAll
    static void startBrokerAndExtractInProcess(@TempDir Path tmp) throws Exception {
        kafka = new InProcessKafka();
        kafka.createTopics(TOPIC, "lines");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (String r : RECORDS) {
                producer.send(new ProducerRecord<>(TOPIC, r == null ? null : r.getBytes(StandardCharsets.UTF_8)));
            }
        }
        // vigil extract on the same records as lines of a .jsonl file (without "doc", which a .jsonl line does not
        // have); each article then takes its record's doc (or url) as its name, as the job names it
        List<String> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i : GOOD) {
            ObjectNode o = (ObjectNode) JSON.readTree(RECORDS[i]);
            names.add(o.has("doc") ? o.remove("doc").asText() : o.get("url").asText());
            lines.add(o.toString());
        }
        Path jsonl = tmp.resolve("news.jsonl");
        Files.write(jsonl, lines, StandardCharsets.UTF_8);
        NewsBatch batch = new NewsIngest().read(jsonl);
        assertThat(batch.articles()).hasSize(GOOD.length);
        NewsExtractor extractor = new NewsExtractor(new CoreNlpAnalyzer(), Gazetteer.standard());
        expected = new TreeMap<>();
        for (int i = 0; i < GOOD.length; i++) {
            Article a = batch.articles().get(i);
            Article named = new Article(a.id(), names.get(i), a.url(), a.title(), a.published(), a.language(), a.text(), a.sources());
            expected.put(named.doc(), GoldFormat.line(named.doc(), extractor.extract(named), false));
        }
        assertThat(expected.get("moscow-side")).contains("\"claims\":[{");
        assertThat(expected.get("https://news.example/tech/tehran-leak")).contains("\"incidents\":[{");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void run(String... args) throws Exception {
        NewsJob.Options o = NewsJob.parse(args);
        assertThat(o.ownPipelines()).isTrue();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());
        NewsJob.build(env, o);
        env.execute("news kafka test");
    }

    /** Checks the job's lines: the expected article lines, and one problem line per bad record, in its words. */
    private static void assertLines(List<String> out) throws Exception {
        Map<String, String> got = new TreeMap<>();
        Map<String, String> problems = new TreeMap<>();
        for (String line : out) {
            JsonNode n = JSON.readTree(line);
            if (n.has("type")) {
                assertThat(n.get("type").asText()).isEqualTo("problem");
                assertThat(n.get("line").asLong()).isZero();
                assertThat(problems.put(n.get("origin").asText(), n.get("reason").asText())).as("one problem per record").isNull();
            } else {
                assertThat(got.put(n.get("doc").asText(), line)).as("one line per doc").isNull();
            }
        }
        assertThat(got).isEqualTo(expected);
        assertThat(problems).containsOnlyKeys("kafka news partition 0 offset 2", "kafka news partition 0 offset 4",
                "kafka news partition 0 offset 5", "kafka news partition 0 offset 6");
        assertThat(problems.get("kafka news partition 0 offset 2")).startsWith("not JSON (").endsWith(KafkaArticles.FORMAT);
        assertThat(problems.get("kafka news partition 0 offset 4")).contains("neither 'doc' nor 'url'").contains("add \"doc\"");
        assertThat(problems.get("kafka news partition 0 offset 5")).startsWith("empty record (no value");
        assertThat(problems.get("kafka news partition 0 offset 6")).isEqualTo("record has neither 'html' nor 'text'; add the page's HTML or text");
    }

    @Test
    void articlesFromATopicGiveVigilExtractsLinesInAFile(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("pred.jsonl");
        run("--kafka-bootstrap", kafka.bootstrap(), "--kafka-topic", TOPIC, "--kafka-group", "test-file", "--output", out.toString());
        assertLines(Files.readAllLines(out, StandardCharsets.UTF_8));
    }

    @Test
    void articlesFromATopicGiveTheSameLinesOnATopic() throws Exception {
        run("--kafka-bootstrap", kafka.bootstrap(), "--kafka-topic", TOPIC, "--kafka-group", "test-topic", "--kafka-output-topic", "lines");
        assertLines(read("lines"));
    }

    /** Every record of {@code topic}'s one partition, up to its end offset now. */
    private static List<String> read(String topic) {
        List<String> lines = new ArrayList<>();
        try (KafkaConsumer<byte[], String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            TopicPartition p = new TopicPartition(topic, 0);
            c.assign(List.of(p));
            c.seekToBeginning(List.of(p));
            long end = c.endOffsets(List.of(p)).get(p);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (c.position(p) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], String> r : c.poll(Duration.ofMillis(500))) {
                    lines.add(r.value());
                }
            }
            assertThat(c.position(p)).as("read %s to its end", topic).isEqualTo(end);
        }
        return lines;
    }

    @Test
    void recordsTooLargeOrBlankAreProblemsThatSayWhatToDo() {
        NewsIngest ingest = new NewsIngest(1024);
        List<Problem> problems = new ArrayList<>();
        String page = "x".repeat(1500);
        NewsBatch overPage = KafkaArticles.read(ingest, json("doc", "long", "text", page).getBytes(StandardCharsets.UTF_8),
                "kafka t partition 1 offset 7", problems::add);
        NewsBatch overRecord = KafkaArticles.read(ingest, json("doc", "huge", "text", page + page).getBytes(StandardCharsets.UTF_8),
                "kafka t partition 1 offset 8", problems::add);
        NewsBatch blank = KafkaArticles.read(ingest, " \n".getBytes(StandardCharsets.UTF_8), "kafka t partition 1 offset 9", problems::add);
        NewsBatch array = KafkaArticles.read(ingest, "[1]".getBytes(StandardCharsets.UTF_8), "kafka t partition 1 offset 10", problems::add);
        assertThat(List.of(overPage, overRecord, blank, array)).allSatisfy(b -> assertThat(b.articles()).isEmpty());
        assertThat(problems).extracting(Problem::origin).containsExactly("kafka t partition 1 offset 7",
                "kafka t partition 1 offset 8", "kafka t partition 1 offset 9", "kafka t partition 1 offset 10");
        assertThat(problems.get(0).reason()).isEqualTo("the record's text is 1500 characters, over the 1024 limit"
                + " (ingest.news.max.bytes); not read, since a cut page would lose its end: split it or raise the limit");
        assertThat(problems.get(1).reason()).startsWith("the record is 3.0 KiB, over 2.0 KiB (twice ingest.news.max.bytes")
                .endsWith("split the page or raise the limit");
        assertThat(problems.get(2).reason()).isEqualTo("empty record (2 blank bytes), no article in it; " + KafkaArticles.FORMAT);
        assertThat(problems.get(3).reason()).isEqualTo("not a JSON object; " + KafkaArticles.FORMAT);
    }
}
