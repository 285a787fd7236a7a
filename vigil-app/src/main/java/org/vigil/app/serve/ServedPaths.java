package org.vigil.app.serve;

import java.util.List;
import org.vigil.store.query.CoordinationRunRow;

/**
 * File paths as the API shows them: the file name alone. Where a store was filled from (a user's
 * home folder, a case folder named after a source) is nobody's business who can read the dashboard,
 * and the file name is all an analyst needs to find the file again.
 */
final class ServedPaths {
    private ServedPaths() {
    }

    /** The last element of a path written with / or \\; null stays null, a URL or a bare name is kept as it is. */
    static String fileName(String path) {
        if (path == null || path.contains("://")) {
            return path;
        }
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return cut < 0 || cut == path.length() - 1 ? path : path.substring(cut + 1);
    }

    static List<String> fileNames(List<String> paths) {
        return paths.stream().map(ServedPaths::fileName).toList();
    }

    /** The run with its input files by name. */
    static CoordinationRunRow run(CoordinationRunRow r) {
        return new CoordinationRunRow(r.runId(), r.startedAt(), r.method(), fileNames(r.inputs()), r.posts(), r.quarantined(),
                r.networks(), r.accounts(), r.edges());
    }
}
