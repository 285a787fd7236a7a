package org.vigil.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.vigil.store.VigilStore;

/**
 * Fuzzes the API's parameter parsing: a query string of any bytes, and any path parameters,
 * against every endpoint's declaration. Each either parses into values that keep the declared
 * bounds, or is one 400 with a short detail and at most {@link ApiProblem#MAX_LISTED} errors;
 * nothing else may escape (an exception here was a 500).
 *
 * <p>A normal test run replays the saved inputs under
 * {@code src/test/resources/org/vigil/app/serve/ArgsFuzzTestInputs/}. To fuzz for ten minutes
 * (crashes are written into that folder, to become regression inputs):
 * {@code JAZZER_FUZZ=1 ./mvnw -pl vigil-app -am test -Dtest=ArgsFuzzTest -Djazzer.hooks=true -Dsurefire.failIfNoSpecifiedTests=false};
 * docs/security.md has the command for Jazzer's own launcher.
 */
public class ArgsFuzzTest {
    private static Path dir;
    private static VigilStore store;
    private static List<Endpoint> endpoints;

    /** The declarations need a store to hang their handlers on; an empty one will do, as no handler runs. */
    private static synchronized List<Endpoint> endpoints() throws IOException {
        if (endpoints == null) {
            dir = Files.createTempDirectory("vigil-args-fuzz");
            store = VigilStore.open(dir.resolve("empty.duckdb"));
            endpoints = DashboardServer.endpoints(store);
        }
        return endpoints;
    }

    @AfterAll
    static void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @FuzzTest(maxDuration = "10m")
    void anyQueryIsParsedWithinItsBoundsOrRefusedWithAShort400(FuzzedDataProvider data) throws IOException {
        check(data);
    }

    /** The entry point of Jazzer's own command line, for fuzzing outside Maven (same check). */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) throws IOException {
        check(data);
    }

    private static void check(FuzzedDataProvider data) throws IOException {
        List<Endpoint> all = endpoints();
        Endpoint endpoint = all.get(data.consumeInt(0, all.size() - 1));
        String pathValue = data.consumeString(400);
        String raw = data.consumeRemainingAsString();
        Args args;
        try {
            Map<String, List<String>> query = QueryString.parse(raw);
            args = Args.parse(query, name -> pathValue, endpoint);
        } catch (ApiProblem p) {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.getMessage()).isNotBlank().hasSizeLessThan(6_000);
            assertThat(p.errors()).hasSizeLessThanOrEqualTo(ApiProblem.MAX_LISTED);
            assertThat(Json.bytes(Json.obj().with("detail", p.getMessage()).with("errors", p.errors())).length).isLessThan(12_000);
            return;
        }
        assertThat(args.key()).isNotNull();
        for (Param p : endpoint.params()) {
            switch (p.type()) {
                case INTEGER -> {
                    Long v = args.longValue(p.name());
                    if (v != null) {
                        assertThat(v).as(p.name()).isBetween(p.min(), p.max());
                    }
                }
                case NUMBER -> {
                    Double v = args.number(p.name());
                    if (v != null) {
                        assertThat(v).as(p.name()).isBetween((double) p.min(), (double) p.max());
                    }
                }
                case STRING -> {
                    String v = args.text(p.name());
                    if (v != null && p.max() != null) {
                        assertThat((long) v.length()).as(p.name()).isLessThanOrEqualTo(p.max());
                    }
                    if (v != null && !p.allowed().isEmpty()) {
                        assertThat(p.allowed()).contains(v);
                    }
                    if (v != null) {
                        assertThat(v.chars().noneMatch(c -> c < 0x20 && c != '\t')).as("no control characters in " + p.name()).isTrue();
                    }
                }
                default -> {
                }
            }
        }
    }
}
