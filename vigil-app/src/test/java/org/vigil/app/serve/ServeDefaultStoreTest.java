package org.vigil.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Which store {@code vigil serve} opens without --db (the demo-then-serve path itself is in BrowserTest). */
class ServeDefaultStoreTest {
    private static ServeCommand serve(Path work, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        ServeCommand cmd = new ServeCommand();
        cmd.workDir = work;
        cmd.env = Map.of();
        cmd.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        cmd.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return cmd;
    }

    @Test
    void withNoStoreAtAllItSaysHowToMakeOneAndExitsWithAUsageError(@TempDir Path work) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(new CommandLine(serve(work, out, err)).execute()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("vigil serve: no Vigil store at "
                + work.resolve("vigil-data/vigil.duckdb") + " and no demo store at " + work.resolve("vigil-data/demo.duckdb")
                + "; run './vigil demo' for a sample store, or 'vigil ingest' to fill one, or pass --db FILE" + System.lineSeparator());
        assertThat(out.size()).isZero();
    }

    @Test
    void theUsersOwnStoreWinsOverTheDemosAndAnExplicitDbOverBoth(@TempDir Path work) throws IOException {
        Path data = Files.createDirectories(work.resolve("vigil-data"));
        Files.writeString(data.resolve("vigil.duckdb"), "");
        Files.writeString(data.resolve("demo.duckdb"), "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServeCommand cmd = serve(work, out, new ByteArrayOutputStream());
        assertThat(cmd.chooseStore()).isEqualTo(data.resolve("vigil.duckdb"));
        assertThat(out.size()).as("nothing to explain when the default store is there").isZero();
        cmd.db = work.resolve("other.duckdb");
        assertThat(cmd.chooseStore()).isEqualTo(work.resolve("other.duckdb"));
    }
}
