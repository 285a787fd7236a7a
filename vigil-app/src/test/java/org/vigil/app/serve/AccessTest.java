package org.vigil.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.VigilException;
import picocli.CommandLine;

/** Tokens, the browser login, and the refusal to expose a store without one. */
class AccessTest {
    static final String TOKEN = "s3cret-token-0123456789";
    static DashboardServer guarded;

    @BeforeAll
    static void start() {
        guarded = DashboardServer.start(TestServer.store(), new ServerSettings("127.0.0.1", 0, TOKEN));
    }

    @AfterAll
    static void stop() {
        guarded.close();
    }

    private static TestServer.Answer get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + guarded.port() + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return TestServer.send(b.build());
    }

    @Test
    void withATokenEveryRequestWithoutItIsUnauthorized() {
        for (String path : new String[] {"/api/meta", "/", "/assets/common.js", "/vendor/echarts.min.js", "/api/nothing"}) {
            TestServer.Answer a = get(path);
            assertThat(a.status()).as(path).isEqualTo(401);
            assertThat(a.header("Content-Type")).startsWith("application/problem+json");
            assertThat(a.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(a.json().get("detail").asText()).contains("Authorization: Bearer");
        }
        assertThat(get("/api/meta", "Authorization", "Bearer wrong-token-0123456789").status()).isEqualTo(401);
        assertThat(get("/api/meta", "Authorization", "Basic " + TOKEN).status()).isEqualTo(401);
        assertThat(get("/?token=wrong-token-0123456789").status()).isEqualTo(401);
    }

    @Test
    void theBearerTokenOpensTheApi() {
        TestServer.Answer a = get("/api/meta", "Authorization", "Bearer " + TOKEN);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().at("/news/articles").asLong()).isPositive();
    }

    @Test
    void aOneTimeTokenLoginSetsAnHttpOnlyCookieAndDropsTheTokenFromTheAddress() {
        TestServer.Answer login = get("/matrix?from=2024-01-01&token=" + TOKEN);
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.header("Location")).isEqualTo("/matrix?from=2024-01-01");
        String cookie = login.header("Set-Cookie");
        assertThat(cookie).startsWith(AccessGate.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict").doesNotContain(TOKEN);
        String session = cookie.substring(0, cookie.indexOf(';'));
        assertThat(get("/matrix", "Cookie", session).status()).isEqualTo(200);
        assertThat(get("/api/meta", "Cookie", session).status()).isEqualTo(200);
        assertThat(get("/api/meta", "Cookie", AccessGate.COOKIE + "=forged").status()).isEqualTo(401);
        assertThat(get("//evil.example/?token=" + TOKEN).header("Location")).as("never redirects off-site").startsWith("/")
                .doesNotStartWith("//");
    }

    @Test
    void aNonLoopbackBindIsRefusedWithoutAToken() {
        assertThatThrownBy(() -> new ServerSettings("0.0.0.0", 7070, null)).isInstanceOf(VigilException.class)
                .hasMessageContaining("refusing to serve on 0.0.0.0 without an access token").hasMessageContaining("VIGIL_TOKEN");
        assertThatThrownBy(() -> new ServerSettings("0.0.0.0", 7070, "short")).hasMessageContaining("at least 16");
        assertThatThrownBy(() -> new ServerSettings("127.0.0.1", 70_000, null)).hasMessageContaining("not a TCP port");
        assertThat(new ServerSettings("0.0.0.0", 7070, TOKEN).loopback()).isFalse();
        assertThat(new ServerSettings("::1", 7070, null).loopback()).isTrue();
        assertThat(new ServerSettings("0.0.0.0", 7070, TOKEN).toString()).doesNotContain(TOKEN);
    }

    @Test
    void theServeCommandRefusesToStartAndSaysWhy(@TempDir Path dir) {
        ServeCommand cmd = new ServeCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cmd.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        cmd.env = Map.of();
        int code = new CommandLine(cmd).execute("--bind", "0.0.0.0", "--db", DemoStore.get().toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("vigil serve: refusing to serve on 0.0.0.0").hasLineCount(1);

        ServeCommand missing = new ServeCommand();
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        missing.err = new PrintStream(err2, true, StandardCharsets.UTF_8);
        assertThat(new CommandLine(missing).execute("--db", dir.resolve("none.duckdb").toString())).isEqualTo(2);
        assertThat(err2.toString(StandardCharsets.UTF_8)).contains("no Vigil store at").contains("vigil ingest");
    }
}
