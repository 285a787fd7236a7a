package org.vigil.ingest.news;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.vigil.testing.Needs;

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
     * ../shared); when it is not there the calling test fails under CI=true and is skipped,
     * saying why, elsewhere ({@link Needs}).
     */
    static Path shared(String relative) {
        return Needs.shared(relative);
    }
}
