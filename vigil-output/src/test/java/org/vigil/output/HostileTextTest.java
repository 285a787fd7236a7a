package org.vigil.output;

import org.junit.jupiter.api.Test;
import org.vigil.model.Problem;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Text from posts and bad records is written by strangers: it reaches XML and CSV cells made harmless. */
class HostileTextTest {
    @Test
    void xmlLosesWhatXml10ForbidsAndKeepsWhatItAllows() {
        assertThat(CoordinationOutputs.xmlSafe("a\u0001b\uD800c\uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
        assertThat(CoordinationOutputs.xmlSafe("plain")).isSameAs("plain");
    }

    @Test
    void csvCellsAreQuotedAndFormulasGuarded() {
        StringWriter w = new StringWriter();
        Csv.row(w, List.of("plain", Csv.text("a,\"b\"\nc"), Csv.text("=HYPERLINK(1)"), Csv.text("@SUM(A1)")));
        assertThat(w.toString()).isEqualTo("plain,\"a,\"\"b\"\"\nc\",'=HYPERLINK(1),'@SUM(A1)\r\n");
    }

    @Test
    void theQuarantineFileKeepsEveryProblemAndReplaysThemInOrder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<Problem> in = List.of(new Problem("posts.csv", 3, "no account id", "x,,y"),
                new Problem("posts.csv", 9, "time is not a number", "=cmd|' /C calc'!A0"));
        List<Problem> out = new ArrayList<>();
        try (QuarantineFile q = QuarantineFile.open(dir)) {
            in.forEach(q::add);
            assertThat(q.count()).isEqualTo(2);
            q.replay(1, out::addAll);
        }
        assertThat(out).isEqualTo(in);
        String csv = Files.readString(dir.resolve("quarantine.csv"), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("origin,line,reason,raw\r\nposts.csv,3,no account id,\"x,,y\"\r\n"
                + "posts.csv,9,time is not a number,'=cmd|' /C calc'!A0\r\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("quarantine.csv"); // spool gone
        }
    }
}
