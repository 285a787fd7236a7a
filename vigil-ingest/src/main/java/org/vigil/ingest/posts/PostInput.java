package org.vigil.ingest.posts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.vigil.model.VigilException;

/** Opens a post file as UTF-8 text, gunzipping it when it starts with the gzip magic bytes. */
final class PostInput {
    private static final int BUFFER = 1 << 16;

    private PostInput() {
    }

    /**
     * A reader over the file's text. Malformed UTF-8 becomes U+FFFD rather than an error: exports
     * of tweets routinely carry a few broken bytes, and one should not cost the whole file.
     */
    static Reader open(Path file) {
        if (file == null) {
            throw new VigilException("The parameter 'file' must not be null.");
        }
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                in = new GZIPInputStream(in, BUFFER);
            }
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            return new InputStreamReader(in, decoder);
        } catch (IOException e) {
            closeQuietly(in);
            throw unreadable(file, e);
        }
    }

    static VigilException unreadable(Path file, IOException e) {
        return new VigilException(file + ": cannot read posts (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + "); check that the file exists, is readable and is not truncated", e);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing with the open error, which is the one worth reporting
            }
        }
    }
}
