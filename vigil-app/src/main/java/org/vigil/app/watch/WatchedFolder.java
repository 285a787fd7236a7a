package org.vigil.app.watch;

import org.vigil.store.watch.WatchLedger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A local folder the watch reads: its files (hidden ones left out, as ingest does) and how each was when read. */
final class WatchedFolder {
    private WatchedFolder() {
    }

    /** The regular files below {@code folder}, sorted; a missing or unreadable folder adds a line to {@code failures}. */
    static List<Path> files(Path folder, List<String> failures) {
        if (!Files.isDirectory(folder)) {
            failures.add("folder " + folder + " does not exist or is not a folder; create it or fix the sources file");
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> !hidden(folder, p)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            failures.add("cannot list folder " + folder + ": " + e.getMessage());
            return List.of();
        }
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The file's path, size and modification time: what tells that it changed since it was read. */
    static WatchLedger.FileMark mark(Path f) {
        try {
            return new WatchLedger.FileMark(f.toAbsolutePath().normalize().toString(), Files.size(f),
                    Files.getLastModifiedTime(f).toMillis());
        } catch (IOException e) {
            return new WatchLedger.FileMark(f.toAbsolutePath().normalize().toString(), -1, -1);
        }
    }
}
