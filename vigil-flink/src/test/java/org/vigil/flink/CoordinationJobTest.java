package org.vigil.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.coordination.CoordinationEngines;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.ingest.posts.PostReaders;
import org.vigil.model.Account;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.Post;
import org.vigil.output.CoordinationOutputs;
import org.vigil.testing.Needs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job jar's job on files: a post file in, {@code vigil coordinate}'s folder and results.jsonl out, bad rows named by
 * file and line.
 */
class CoordinationJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPostFileGivesTheInProcessResultsInTheCoordinateFolderAndResultsJsonl(@TempDir Path tmp) throws Exception {
        Path shared = Needs.shared("data/coortweet/russian_coord_tweets.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(shared));
        lines.add(2, "not,a,valid,row,at,all"); // one bad row, line 3 of the copy
        Path input = tmp.resolve("posts.csv");
        Files.write(input, lines);
        List<Post> posts = new ArrayList<>();
        PostReaders.read(input, null, posts::add, p -> { });
        CoordinationResult expected = CoordinationEngines.named("in-process").detect(posts, CoordinationSettings.defaults(), p -> { });

        CoordinationJob.Options o = CoordinationJob.parse(new String[]{"--input", input.toString(), "--output", tmp.resolve("out").toString(),
                "--set", "flink.parallelism=2"});
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, new Configuration());
        CoordinationJob.build(env, o, null);
        env.execute("job test");

        List<String> out = Files.readAllLines(tmp.resolve("out").resolve("results.jsonl"));
        List<String> accounts = new ArrayList<>();
        for (Account a : expected.accounts()) {
            var node = JSON.createObjectNode().put("type", "account");
            node.setAll((com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(a));
            accounts.add(node.toString());
        }
        assertThat(expected.accounts()).isNotEmpty();
        assertThat(out.stream().filter(l -> l.startsWith("{\"type\":\"account\"")).toList()).isEqualTo(accounts);
        assertThat(out.stream().filter(l -> l.startsWith("{\"type\":\"problem\"")).toList())
                .singleElement().asString().contains("\"origin\":\"" + input + "\",\"line\":3,");
        assertThat(out.get(out.size() - 1)).startsWith("{\"type\":\"summary\",\"quarantined\":1,");

        // the folder: what `vigil coordinate` writes for the same result, through the same writers
        Path want = tmp.resolve("want");
        CoordinationRun run = new CoordinationRun("r", Instant.EPOCH, List.of(input.toString()), "vigil", Map.of(), 0, 1);
        CoordinationOutputs.writeAll(want, run, expected);
        Path got = tmp.resolve("out");
        for (String name : List.of("accounts.csv", "edges.csv", "network.gexf")) {
            assertThat(Files.readString(got.resolve(name))).as(name).isEqualTo(Files.readString(want.resolve(name)));
        }
        JsonNode networks = JSON.readTree(got.resolve("networks.json").toFile());
        assertThat(networks.get("networks")).isEqualTo(JSON.readTree(want.resolve("networks.json").toFile()).get("networks"));
        assertThat(networks.at("/run/inputs/0").asText()).isEqualTo(input.toString());
        assertThat(networks.at("/run/posts").asLong()).isEqualTo(posts.size());
        assertThat(networks.at("/run/quarantined").asLong()).isEqualTo(1);
        assertThat(networks.at("/run/run_id").asText()).startsWith("coord-");
        List<String> bad = Files.readAllLines(got.resolve("quarantine.csv"));
        assertThat(bad).hasSize(2);
        assertThat(bad.get(0)).isEqualTo("origin,line,reason,raw");
        assertThat(bad.get(1)).startsWith(input + ",3,").endsWith(",\"not,a,valid,row,at,all\"");
    }

    @Test
    void usageErrorsNameWhatIsMissing() {
        assertThatThrownBy(() -> CoordinationJob.parse(new String[]{"--output", "out"}))
                .hasMessage("give either --input FILE... or --kafka-topic TOPIC (with --kafka-bootstrap), not neither");
        assertThatThrownBy(() -> CoordinationJob.parse(new String[]{"--input", "a.csv"}))
                .hasMessage("give --output DIR or --kafka-output-topic TOPIC (or both)");
        assertThatThrownBy(() -> CoordinationJob.parse(new String[]{"--input", "a.csv", "--output", "o", "--set", "flink.parallelism=-1"}))
                .hasMessage("flink.parallelism must be >= 0, got -1");
        assertThatThrownBy(() -> CoordinationJob.parse(new String[]{"--input", "a.csv", "--output", "o", "--set", "coordination.method=coortweet"}))
                .hasMessageStartingWith("the coordination stages run method 'vigil' only");
    }
}
