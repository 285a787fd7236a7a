package org.vigil.ingest.news;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where test inputs live: this module's hand-written ones, and the shared corpus when present. */
final class TestFiles {

    private TestFiles() {
    }

    /** A file or folder under src/test/resources/news. */
    static Path resource(String name) {
        URL url = TestFiles.class.getResource("/news/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource news/" + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A path inside the shared evaluation folder (system property {@code vigil.shared}, else
     * ../shared); the calling test is skipped, saying why, when it is not there.
     */
    static Path shared(String relative) {
        String property = System.getProperty("vigil.shared");
        Path root = property != null && !property.isBlank() ? Path.of(property) : Path.of("../shared");
        Path path = root.resolve(relative);
        assumeTrue(Files.exists(path), "shared corpus not found at " + path.toAbsolutePath()
                + "; set -Dvigil.shared=/path/to/shared to run this test");
        return path;
    }
}
