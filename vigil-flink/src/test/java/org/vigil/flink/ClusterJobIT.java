package org.vigil.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.coordination.CoordinationEngines;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.synthetic.SyntheticPosts;
import org.vigil.ingest.posts.PostReaders;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;
import org.vigil.testing.Needs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job jar on a real cluster: a standalone session cluster (JobManager and TaskManager in JVMs of their own,
 * started from a Flink distribution's lib/ class path, see {@link StandaloneFlinkCluster}) runs
 * {@code flink run vigil-flink-VERSION-job.jar --input posts.csv --output DIR}, and the results.jsonl it writes
 * has the accounts, pairs and networks the in-process engine finds in the same file. Nothing of the job reaches
 * the cluster but the jar, so a class, service file or resource the shade plugin leaves out fails here.
 * Runs in {@code verify}, after {@code package} built the jar.
 */
class ClusterJobIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CLUSTER_START = Duration.ofMinutes(3);
    private static final Duration JOB = Duration.ofMinutes(6);

    @Test
    void theJobJarRunsOnAStandaloneClusterAndGivesTheInProcessResults(@TempDir Path tmp) throws Exception {
        Path jobJar = Path.of(System.getProperty("vigil.flink.jobJar", "target/vigil-flink-0.1.0-SNAPSHOT-job.jar"));
        Path dist = Path.of(System.getProperty("vigil.flink.dist", "target/flink-dist"));
        Needs.present(Files.isRegularFile(jobJar), "the job jar " + jobJar.toAbsolutePath(),
                "run it through Maven: ./mvnw -pl vigil-flink -am verify (package builds the jar first)");
        Needs.present(Files.isRegularFile(dist.resolve("dependency-tree.txt")) && Files.isRegularFile(dist.resolve("classpath.txt")),
                "the distribution class path files in " + dist.toAbsolutePath(),
                "run it through Maven: ./mvnw -pl vigil-flink -am verify (pre-integration-test writes them)");

        List<Path> lib = StandaloneFlinkCluster.distributionLib(dist);
        assertThat(lib).as("the distribution's lib/").extracting(p -> p.getFileName().toString())
                .anyMatch(n -> n.startsWith("flink-runtime-")).anyMatch(n -> n.startsWith("flink-clients-"))
                .anyMatch(n -> n.startsWith("log4j-core-"))
                .noneMatch(n -> n.startsWith("vigil-") || n.startsWith("kafka") || n.startsWith("stanford-corenlp")
                        || n.startsWith("junit") || n.startsWith("flink-connector-kafka"));
        try (JarFile jar = new JarFile(jobJar.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(CoordinationJob.class.getName());
            assertThat(jar.getEntry("org/vigil/flink/CoordinationJob.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/flink/runtime/jobgraph/JobGraph.class")).as("Flink runtime in the job jar").isNull();
            assertThat(jar.getEntry("edu/stanford/nlp/pipeline/StanfordCoreNLP.class")).as("CoreNLP in the coordination job jar").isNull();
        }

        Path input = tmp.resolve("posts.csv");
        writePosts(input, new SyntheticPosts(20_000, 1_000, 10, 42, true).generate().posts());
        List<Post> posts = new ArrayList<>();
        PostReaders.read(input, null, posts::add, p -> { });
        CoordinationResult expected = CoordinationEngines.named("in-process").detect(posts, CoordinationSettings.defaults(), p -> { });
        assertThat(expected.networks()).as("networks in the generated posts (else the comparison proves little)").isNotEmpty();

        Path out = tmp.resolve("out");
        try (StandaloneFlinkCluster cluster = StandaloneFlinkCluster.start(tmp.resolve("flink"), lib, 2, CLUSTER_START)) {
            Map<Integer, String> sockets = cluster.listeningSockets();
            assertThat(sockets).as("listening sockets of the cluster JVMs\n%s", cluster.logTails())
                    .containsKey(cluster.restPort())
                    .allSatisfy((port, address) -> assertThat(address).as("address of port %d", port).isIn("127.0.0.1", "::ffff:127.0.0.1"));

            StandaloneFlinkCluster.Run run = cluster.flinkRun(List.of(jobJar.toString(), "--input", input.toString(),
                    "--output", out.toString(), "--set", "flink.parallelism=2"), JOB);
            assertThat(run.exitCode()).as("flink run's exit code; it printed:\n%s\n%s", run.output(), cluster.logTails()).isZero();
            Matcher id = Pattern.compile("JobID ([0-9a-f]{32})").matcher(run.output());
            assertThat(id.find()).as("a JobID in flink run's output:\n%s", run.output()).isTrue();
            String job = cluster.rest("/jobs/" + id.group(1));
            assertThat(JSON.readTree(job).path("state").asText()).as("the job's state at the JobManager\n%s", cluster.logTails())
                    .isEqualTo("FINISHED");
            assertThat(JSON.readTree(job).path("name").asText()).isEqualTo("vigil coordination");

            Path results = out.resolve("results.jsonl");
            assertThat(results).as("results.jsonl\n%s", cluster.logTails()).isRegularFile();
            List<String> lines = Files.readAllLines(results);
            assertThat(treesOfType(lines, "account")).as("account lines").isEqualTo(expectedLines("account", expected.accounts()));
            assertThat(treesOfType(lines, "edge")).as("pair lines").isEqualTo(expectedLines("edge", expected.edges()));
            assertThat(treesOfType(lines, "network")).as("network lines").isEqualTo(expectedLines("network", expected.networks()));
            List<String> problems = ofType(lines, "problem");
            assertThat(problems).singleElement().asString().contains("\"origin\":\"" + input + "\",\"line\":3,");
            JsonNode summary = JSON.readTree(lines.get(lines.size() - 1));
            assertThat(summary.path("type").asText()).isEqualTo("summary");
            assertThat(summary.path("quarantined").asLong()).isEqualTo(1);
            for (String k : List.of("coactions.co-retweet", "coactions.co-link", "coactions.co-hashtag", "coactions.co-tweet",
                    "coactions.co-similar-text", "pairs.tests", "posts", "accounts")) {
                assertThat(summary.path("stats").path(k)).as("summary stat %s", k).isEqualTo(JSON.readTree(JSON.writeValueAsString(expected.stats().get(k))));
            }
        }
    }

    private static List<String> ofType(List<String> lines, String type) {
        String prefix = "{\"type\":\"" + type + "\"";
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    /** The lines of {@code type} as JSON trees: equal whatever order a map's keys were written in (coActions). */
    private static List<JsonNode> treesOfType(List<String> lines, String type) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : ofType(lines, type)) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    /** The lines NetworkStageFunction writes for {@code items}: {"type":TYPE, ...the item's fields}. */
    private static List<JsonNode> expectedLines(String type, Collection<?> items) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (Object item : items) {
            ObjectNode node = JSON.createObjectNode().put("type", type);
            node.setAll((ObjectNode) JSON.valueToTree(item));
            out.add(JSON.readTree(node.toString()));
        }
        return out;
    }

    /**
     * The posts as Vigil CSV (post_id,account_id,timestamp,text,retweet_of,reply_to,urls,hashtags,lang), every
     * field quoted, with one broken row as line 3 (the job reports it as a problem with its file and line).
     */
    static void writePosts(Path file, List<Post> posts) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("post_id,account_id,timestamp,text,retweet_of,reply_to,urls,hashtags,lang");
        for (Post p : posts) {
            rows.add(List.of(p.postId(), p.accountId(), Long.toString(p.timestamp()), nullToEmpty(p.text()), nullToEmpty(p.retweetOf()),
                    nullToEmpty(p.replyTo()), String.join(" ", p.urls()), String.join(" ", p.hashtags()), nullToEmpty(p.language()))
                    .stream().map(ClusterJobIT::quoted).collect(Collectors.joining(",")));
        }
        rows.add(2, "broken,row,not-a-time");
        Files.write(file, rows);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
