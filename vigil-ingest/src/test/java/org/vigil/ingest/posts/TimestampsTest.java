package org.vigil.ingest.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1727740800|1727740800",
            "  1727740800 |1727740800",
            "1727740800.75|1727740800",
            "-1.5|-2",
            "0|0",
            "2024-10-01T00:00:00Z|1727740800",
            "2024-10-01T00:00:00.000Z|1727740800",
            "2024-10-01T02:00:00+02:00|1727740800",
            "2024-10-01T02:00:00+0200|1727740800",
            "2024-09-30T19:00:00-05|1727740800",
            "2024-10-01 00:00|1727740800",
            "2024-10-01 00:00:00|1727740800",
            "2024-10-01 00:00:00 UTC|1727740800",
            "2024-10-01|1727740800",
            "2016-10-31 17:22|1477934520",
            "2024-02-29T12:00:00Z|1709208000",
            "2024-10-01T00:00:00.123456789+00:00|1727740800"})
    void commonShapesParseToEpochSeconds(String value, long expected) throws BadRow {
        assertThat(Timestamps.parse(value, "column 'timestamp'")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01T00:00:00Z", "2023-02-29", "2024-10-01T25:00:00Z", "2024-10-01T00:00:00+25:00",
            "2024-10-01T00:00:00 CEST", "12:00", "1.2.3", "-", "."})
    void nonsenseIsRejectedWithTheValueInTheReason(String value) {
        assertThatThrownBy(() -> Timestamps.parse(value, "column 'ts'"))
                .isInstanceOf(BadRow.class)
                .hasMessageStartingWith("column 'ts' has '" + value + "'");
    }

    @Test
    void emptyAndMillisecondValuesSayWhatIsWrong() {
        assertThatThrownBy(() -> Timestamps.parse("  ", "field 'created_at'"))
                .hasMessage("field 'created_at' is empty; every post needs a time");
        assertThatThrownBy(() -> Timestamps.parse("1727740800000", "column 'timestamp'"))
                .hasMessageContaining("looks like epoch milliseconds");
    }

    @Test
    void plainDigitsReadFromBytesGiveWhatTheTextParserGivesAndAnythingElseIsLeftToIt() {
        Random random = new Random(3);
        String alphabet = "0123456789 .-+:TZ\u00e9";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(15);
            for (int k = 0; k < n; k++) {
                sb.append(random.nextInt(4) > 0 ? (char) ('0' + random.nextInt(10)) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            byte[] bytes = ("x" + text + "y").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            long fast = Timestamps.plainEpochSeconds(bytes, 1, bytes.length - 1);
            if (fast >= 0) {
                assertThat(text).as(text).matches("[0-9]{1,12}");
                assertThat(fast).as(text).isEqualTo(Long.parseLong(text));
                assertThatNoException().isThrownBy(() -> assertThat(Timestamps.parse(text, "x")).isEqualTo(fast));
            } else {
                assertThat(text).as(text).doesNotMatch("[0-9]{1,12}");
            }
        }
    }

    @Test
    void theHandWrittenParserAgreesWithJavaTimeOnRandomInstants() throws BadRow {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long t = random.nextLong(-2_000_000_000L, 4_000_000_000L);
            String iso = Instant.ofEpochSecond(t).toString();
            assertThat(Timestamps.parse(iso, "x")).as(iso).isEqualTo(t);
            assertThat(Timestamps.parse(iso.replace('T', ' ').replace("Z", ""), "x")).as(iso).isEqualTo(t);
        }
    }
}
