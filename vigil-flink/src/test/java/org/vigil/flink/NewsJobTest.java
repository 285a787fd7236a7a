package org.vigil.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.extract.GoldFormat;
import org.vigil.extract.NewsExtractor;
import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.nlp.CoreNlpAnalyzer;
import org.vigil.ingest.news.NewsBatch;
import org.vigil.ingest.news.NewsIngest;
import org.vigil.model.Article;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The news job on a MiniCluster at parallelism 2, each slot on CoreNLP pipelines of its own: the same lines as
 * NewsExtractor in-process on the shared pipelines, bad files as problem lines. Three pipeline sets are live at
 * once (about 1 GiB of the 3 GiB test heap).
 */
class NewsJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String[][] ARTICLES = {
        {"russia.txt", "Officials say Moscow picked a side\n\n"
                + "Officials said Russia wants Donald Trump to win. The assessment was shared with lawmakers on Tuesday. "
                + "Analysts in Washington said the finding matched earlier reports about the campaign."},
        {"iran.txt", "Hackers tied to Tehran leaked campaign emails\n\n"
                + "Iranian hackers broke into the email accounts of a presidential campaign in 2024 and leaked stolen documents to reporters, "
                + "federal investigators said. The campaign confirmed that some of its staff had been targeted."},
        {"sub/china.txt", "Beijing stays neutral, experts say\n\n"
                + "Experts said China does not favour either candidate in the 2024 election. "
                + "They added that Chinese state media had pushed divisive content about both parties on social platforms."},
        {"weather.txt", "A quiet week of weather\n\n"
                + "The city expects mild temperatures and light rain through the weekend. "
                + "Farmers welcomed the forecast after a dry month."},
    };

    @Test
    void articlesGiveTheInProcessLinesAndABinaryFileAProblem(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("news");
        for (String[] a : ARTICLES) {
            Path f = in.resolve(a[0]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, a[1], StandardCharsets.UTF_8);
        }
        byte[] junk = new byte[512];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 37);
        }
        Files.write(in.resolve("image.bin"), junk);

        // in-process, as vigil extract does it
        NewsBatch batch = new NewsIngest().read(in);
        NewsExtractor extractor = new NewsExtractor(new CoreNlpAnalyzer(), Gazetteer.standard());
        Map<String, String> expected = new TreeMap<>();
        for (Article a : batch.articles()) {
            expected.put(a.doc(), GoldFormat.line(a.doc(), extractor.extract(a), false));
        }
        assertThat(expected).containsKeys("russia.txt", "iran.txt", "sub/china.txt", "weather.txt");
        assertThat(expected.get("russia.txt")).contains("\"claims\":[{");
        assertThat(expected.get("iran.txt")).contains("\"incidents\":[{");

        Path out = tmp.resolve("out").resolve("pred.jsonl");
        NewsJob.Options o = NewsJob.parse(new String[]{"--input", in.toString(), "--output", out.toString(), "--parallelism", "2"});
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, new Configuration());
        NewsJob.build(env, o);
        env.execute("news job test");

        Map<String, String> got = new TreeMap<>();
        List<JsonNode> problems = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            if (n.has("type")) {
                problems.add(n);
            } else {
                assertThat(got.put(n.get("doc").asText(), line)).as("one line per doc").isNull();
            }
        }
        assertThat(got).isEqualTo(expected);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.get("type").asText()).isEqualTo("problem");
            assertThat(p.get("origin").asText()).endsWith("image.bin");
            assertThat(p.get("reason").asText()).contains("binary file");
        });
    }

    @Test
    void usageErrorsNameWhatIsWrong() {
        assertThatThrownBy(() -> NewsJob.parse(new String[]{"--output", "o.jsonl"}))
                .hasMessage("give either --input DIR or --kafka-topic TOPIC (with --kafka-bootstrap), not neither");
        assertThatThrownBy(() -> NewsJob.parse(new String[]{"--input", "d"})).hasMessage("give either --output FILE or --kafka-output-topic TOPIC, not neither");
        assertThatThrownBy(() -> NewsJob.parse(new String[]{"--kafka-topic", "t", "--output", "o"}))
                .hasMessage("--kafka-topic needs --kafka-bootstrap HOST:PORT");
        assertThatThrownBy(() -> NewsJob.parse(new String[]{"--input", "d", "--kafka-output-topic", "t"}))
                .hasMessage("--kafka-output-topic needs --kafka-bootstrap HOST:PORT");
        assertThatThrownBy(() -> NewsJob.parse(new String[]{"--input", "d", "--output", "o", "--pipelines", "two"}))
                .hasMessage("--pipelines takes per-slot or shared, got 'two'");
        NewsJob.Options o = NewsJob.parse(new String[]{"--kafka-bootstrap", "127.0.0.1:9092", "--kafka-topic", "news",
            "--kafka-output-topic", "lines", "--pipelines", "shared"});
        assertThat(o.kafkaGroup()).isEqualTo("vigil-news");
        assertThat(o.ownPipelines()).isFalse();
        assertThat(NewsJob.parse(new String[]{"--input", "d", "--output", "o"}).ownPipelines()).as("one pipeline set per slot by default").isTrue();
        assertThatThrownBy(() -> NewsJob.parse(new String[]{"--input", "d", "--output", "o", "--parallelism", "0"}))
                .hasMessage("--parallelism must be >= 1, got 0");
        assertThatThrownBy(() -> NewsJob.parse(new String[]{"--input", "d", "--output", "o", "--kafka"}))
                .hasMessage("--kafka needs a value");
    }
}
