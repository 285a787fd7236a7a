package org.vigil.app.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vigil.model.VigilException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The folder beside the store where one poll puts what it read, for {@code NewsPipeline} to ingest
 * as it would any input: fetched pages as a JSONL of {@code {url, title, published, html|text}},
 * folder files copied as {@code <n>-<folder>/<path in folder>}. A spool left by a crash holds
 * nothing the next fetch does not bring again, so each poll starts by deleting it.
 */
final class Spool {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One fetched page: its URL, what the feed said of it, and the answer. */
    record Page(String url, String title, Instant published, String contentType, byte[] body) {
    }

    private Spool() {
    }

    /** The (emptied) spool folder of the store at {@code db}: {@code x.duckdb} -> {@code x.watch-spool/}. */
    static Path beside(Path db) {
        Path file = db.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path root = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".watch-spool");
        delete(root);
        return root;
    }

    /** Copies a watched folder's file in, named so outputs say which folder the article came from; returns the copy. */
    static Path copy(Path spool, int folderNo, Path root, Path file) {
        Path copy = spool.resolve(folderNo + "-" + root.toAbsolutePath().normalize().getFileName())
                .resolve(root.relativize(file).toString());
        try {
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw failure(spool, e);
        }
        return copy.toAbsolutePath().normalize();
    }

    /** Writes the pages as {@code pages.jsonl}; nothing when there are none. */
    static void writePages(Path spool, List<Page> pages) {
        if (pages.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(spool);
            try (BufferedWriter w = Files.newBufferedWriter(spool.resolve("pages.jsonl"), StandardCharsets.UTF_8)) {
                for (Page p : pages) {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("url", p.url());
                    if (p.title() != null) {
                        o.put("title", p.title());
                    }
                    if (p.published() != null) {
                        o.put("published", p.published().toString().substring(0, 10));
                    }
                    String type = p.contentType() == null ? "" : p.contentType().toLowerCase(Locale.ROOT);
                    // plain text goes in as text so its line breaks keep their meaning; anything else is read as HTML
                    o.put(type.startsWith("text/plain") ? "text" : "html", new String(p.body(), charset(p.contentType())));
                    w.write(o.toString());
                    w.newLine();
                }
            }
        } catch (IOException e) {
            throw failure(spool, e);
        }
    }

    private static VigilException failure(Path spool, IOException e) {
        return new VigilException("cannot write the watch spool " + spool + ": " + e.getMessage()
                + "; check free space and permissions beside the store", e);
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            int i = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
            if (i >= 0) {
                String name = contentType.substring(i + 8).replace("\"", "").split("[;, ]")[0];
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    // an unknown charset name: UTF-8 is the web's default
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException ignored) {
                    // left for the next poll to clear
                }
            });
        } catch (IOException ignored) {
            // the same
        }
    }
}
