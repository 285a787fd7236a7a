package org.vigil.ingest.posts;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.vigil.model.Post;
import org.vigil.model.Problem;

/** Passes posts and problems on to the caller's consumers and counts both. */
final class Tally {
    /** Longest raw text kept with a problem; a broken multi-megabyte page is pointed to, not copied. */
    static final int RAW_LIMIT = 8_192;

    private final Path file;
    private final String origin;
    private final Consumer<Post> sink;
    private final Consumer<Problem> quarantine;
    private long ok;
    private long bad;

    Tally(Path file, Consumer<Post> sink, Consumer<Problem> quarantine) {
        this.file = file;
        this.origin = file.toString();
        this.sink = sink;
        this.quarantine = quarantine;
    }

    void accept(Post post) {
        ok++;
        sink.accept(post);
    }

    void reject(long line, String reason, String raw) {
        bad++;
        String kept = raw != null && raw.length() > RAW_LIMIT ? raw.substring(0, RAW_LIMIT) + "…" : raw;
        quarantine.accept(new Problem(origin, line, reason, kept));
    }

    ReadSummary summary(PostFormat format) {
        return new ReadSummary(file, format, ok + bad, ok, bad);
    }
}
