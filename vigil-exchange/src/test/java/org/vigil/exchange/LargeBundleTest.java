package org.vigil.exchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.VigilStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 500 MB bundle is checked one object at a time: a JVM with a 96 MiB heap reads all of it, finds
 * the one bad reference in its last object, and imports nothing.
 */
class LargeBundleTest {
    private static final long SIZE = 500L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aFiveHundredMegabyteBundleWithOneDanglingReferenceAtTheEndIsRefusedInA96MiBHeap() throws Exception {
        Path bundle = dir.resolve("large.json");
        int objects = SyntheticBundle.write(bundle, SIZE, "{\"type\": \"note\", \"spec_version\": \"2.1\","
                + " \"id\": \"note--ffffffff-0000-4000-8000-000000000000\", \"created\": \"2024-01-01T00:00:00.000Z\","
                + " \"modified\": \"2024-01-01T00:00:00.000Z\", \"content\": \"last\","
                + " \"object_refs\": [\"report--99999999-9999-4999-8999-999999999999\"]}");
        assertThat(Files.size(bundle)).isGreaterThan(SIZE);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path db = dir.resolve("s.duckdb");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx96m", "-cp", classpath, ImportInSmallHeap.class.getName(),
                bundle.toString(), db.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        int lastLine = objects + 3; // the bundle's line, the identity's, one line per note, then the bad one
        assertThat(out).contains("refused: " + bundle + ": 1 problem; nothing was imported")
                .contains(bundle + " line " + lastLine + ", object " + (objects + 1)
                        + " (note--ffffffff-0000-4000-8000-000000000000) object_refs refers to report--99999999-9999-4999-8999-999999999999,"
                        + " which is neither in the bundle nor in the store")
                .contains("max heap");
        Files.delete(bundle);
        try (VigilStore store = VigilStore.open(db)) {
            long rows = store.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM stix_objects")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(rows).isZero();
        }
    }
}
