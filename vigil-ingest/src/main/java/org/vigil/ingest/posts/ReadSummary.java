package org.vigil.ingest.posts;

import java.nio.file.Path;

/**
 * What one {@link PostReaders#read} call did. {@code rows} counts input records (a CSV row, a JSON
 * line, or one tweet inside a twarc2 response page); {@code rows == ok + bad}. Each bad record
 * went to the quarantine consumer as a {@link org.vigil.model.Problem}.
 */
public record ReadSummary(Path file, PostFormat format, long rows, long ok, long bad) {
    /** True when every record was read. */
    public boolean clean() {
        return bad == 0;
    }
}
