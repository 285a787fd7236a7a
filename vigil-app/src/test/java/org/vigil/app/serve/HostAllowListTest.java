package org.vigil.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Host headers name the server, by how it was started. */
class HostAllowListTest {
    static final String TOKEN = "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc";

    @Test
    void onLoopbackOnlyTheThreeLoopbackNamesAreAllowed() {
        HostAllowList hosts = HostAllowList.of(ServerSettings.local(7070));
        assertThat(hosts.names()).containsExactly("127.0.0.1", "[::1]", "localhost");
        assertThat(hosts.refusal("127.0.0.1:7070", 7070)).isNull();
        assertThat(hosts.refusal("[::1]:7070", 7070)).isNull();
        assertThat(hosts.refusal(null, 7070)).as("HTTP/1.0 without Host").isNull();
        assertThat(hosts.refusal("127.0.0.1:7071", 7070)).startsWith("Host '127.0.0.1:7071' is not a name of this Vigil server");
        assertThat(hosts.refusal("127.0.0.1:", 7070)).isNotNull();
        assertThat(hosts.refusal("[::1]7070", 7070)).isNotNull();
        assertThat(hosts.refusal("x".repeat(500), 7070)).hasSizeLessThan(400);
    }

    @Test
    void whenExposedTheBoundAddressAndTheAllowedNamesAreAddedButNothingElse() {
        HostAllowList hosts = HostAllowList.of(new ServerSettings("192.0.2.7", 8443, TOKEN, List.of("Vigil.Example.org")));
        assertThat(hosts.names()).containsExactly("127.0.0.1", "192.0.2.7", "[::1]", "localhost", "vigil.example.org");
        assertThat(hosts.refusal("vigil.example.org", 8443)).isNull();
        assertThat(hosts.refusal("192.0.2.7:8443", 8443)).isNull();
        assertThat(hosts.refusal("192.0.2.7.evil.com", 8443)).isNotNull();
        assertThat(HostAllowList.of(new ServerSettings("0:0:0:0:0:0:0:1", 1, null)).names()).hasSize(3);
        assertThat(HostAllowList.normalise("[0:0:0:0:0:0:0:1]")).isEqualTo("[::1]");
        assertThat(HostAllowList.normalise("FE80:0:0:0:1:2:3:4")).isEqualTo("[fe80::1:2:3:4]");
    }

    @Test
    void anAllowedHostMustBeABareName() {
        assertThatThrownBy(() -> new ServerSettings("192.0.2.7", 8443, TOKEN, List.of("http://x.example:80")))
                .hasMessage("--allow-host 'http://x.example:80' is not a host name or address: give a name such as "
                        + "vigil.example.org (no port, no scheme)");
    }
}
