package org.vigil.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.model.VigilException;
import picocli.CommandLine;

/** Tokens a person might type are refused with the reason; tokens drawn at random pass. */
class TokenStrengthTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "aaaaaaaaaaaaaaaa|the access token is one character repeated; generate one with 'openssl rand -hex 24'",
            "abababababababababababababababab|the access token repeats 'ab' 16 times; generate one with 'openssl rand -hex 24'",
            "aabbccddeeffgghhaabbccddeeffgghh|the access token repeats 'aabbccdd...' 2 times; generate one with 'openssl rand -hex 24'",
            "abcabcabcabcabcabcabcabcabcabcabcx|the access token uses only 4 different characters (at least 8 needed); generate one with 'openssl rand -hex 24'",
            "0123456789abcdef|the access token is too easy to guess: about 64 bits (at least 128 needed; a hex token needs 32 characters, a mixed-case one with digits 22); generate one with 'openssl rand -hex 24'",
            "correcthorsebattery|the access token is too easy to guess: about 89 bits (at least 128 needed; a hex token needs 32 characters, a mixed-case one with digits 22); generate one with 'openssl rand -hex 24'"})
    void weakTokensAreRefusedSayingWhy(String token, String message) {
        assertThatThrownBy(() -> new ServerSettings("127.0.0.1", 0, token)).isInstanceOf(VigilException.class).hasMessage(message);
    }

    @Test
    void randomTokensOf128BitsOrMorePass() {
        SecureRandom random = new SecureRandom();
        for (int bytes : new int[] {16, 24, 32}) {
            byte[] b = new byte[bytes];
            for (int i = 0; i < 200; i++) {
                random.nextBytes(b);
                String hex = HexFormat.of().formatHex(b);
                assertThat(TokenStrength.weakness(hex)).as(hex).isNull();
                String b64 = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
                assertThat(TokenStrength.weakness(b64)).as(b64).isNull();
            }
        }
        assertThat(TokenStrength.bits("0123456789abcdef0123456789abcdeF")).isCloseTo(128.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theServeCommandRefusesAWeakTokenInOneLine() {
        ServeCommand cmd = new ServeCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cmd.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        cmd.env = Map.of();
        int code = new CommandLine(cmd).execute("--token", "aaaaaaaaaaaaaaaa", "--db", DemoStore.get().toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("vigil serve: the access token is one character repeated; generate one with 'openssl rand -hex 24'"
                        + System.lineSeparator());
    }
}
