package org.vigil.ingest.news;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import com.fasterxml.jackson.databind.JsonNode;
import org.vigil.model.Article;
import org.vigil.model.Problem;

/**
 * Reads news inputs into {@link Article}s whose text is the clean story body.
 *
 * <p>An input is a file, a folder (read recursively, in path order so runs are repeatable) or a
 * JSONL file ({@code .jsonl}, {@code .jsonl.gz}, {@code .ndjson}) of records
 * {@code {url, title, published, html|text}}. Whether a file is HTML or text is decided by its
 * content, not its name. Every document becomes its own article; grouping copies of one story
 * is {@link NewsDedup}'s job.
 *
 * <p>Folders are read with symbolic links followed; a link loop, a broken link, a hidden file,
 * a device, a data file (CSV, TSV, GEXF, GraphML) and a document over {@code ingest.news.max.bytes}
 * are each skipped with an outcome that names them. HTML nested deeper than
 * {@link HtmlDepth#DEFAULT_MAX} or over its time budget is skipped likewise.
 *
 * <p>Reading never throws for bad input: every file and JSONL record gets a {@link FileOutcome},
 * and one bad file or record never stops the rest.
 */
public final class NewsIngest {

    /**
     * Default for {@code ingest.news.max.bytes}: the largest document read. A document is read in
     * full or not at all: a larger one (a 50 MB HTML dump) is skipped with its size named, never
     * cut, since a claim at the end of a cut page would be lost without a word. News pages with
     * inline scripts and images reach a few MiB.
     */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    private final long maxBytes;

    /** Reads documents of up to {@link #DEFAULT_MAX_BYTES}. */
    public NewsIngest() {
        this(DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the largest document (file or JSONL record) read, at least 1 KiB; larger ones are skipped */
    public NewsIngest(long maxBytes) {
        if (maxBytes < 1024 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("ingest.news.max.bytes must be between 1024 and "
                    + (Integer.MAX_VALUE - 16) + " but was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * A file, a folder (recursive, sorted by path for determinism) or a .jsonl/.jsonl.gz of
     * {url, title, published, html|text}. Never throws for a bad file or record.
     */
    public NewsBatch read(Path path) {
        return read(path, problem -> { });
    }

    /**
     * As {@link #read(Path)}, also handing every skipped or failed input to {@code quarantine}
     * with its raw text (capped) so it can be kept for inspection.
     */
    public NewsBatch read(Path path, Consumer<Problem> quarantine) {
        Objects.requireNonNull(path, "The parameter 'path' must not be null.");
        Objects.requireNonNull(quarantine, "The parameter 'quarantine' must not be null.");
        Sink sink = new Sink(quarantine);
        if (!Files.exists(path)) {
            sink.outcome(path.toString(), FileOutcome.Status.FAILED, 0,
                    "no such file or folder; check the input path", "");
        } else if (Files.isDirectory(path)) {
            readFolder(path, sink);
        } else {
            readFile(path, fileName(path), sink);
        }
        return new NewsBatch(sink.articles, sink.outcomes);
    }

    /** The largest document read, in bytes ({@code ingest.news.max.bytes}). */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * One news record that does not come from a file (a message from a queue, say): a JSON object with the
     * fields of a news JSONL line ({@code url, title, published, html|text}), read exactly as such a line
     * is. Its article is named {@code doc}; {@code origin} names the record in outcomes and problems (the
     * line number of a problem is 0). Never throws for a bad record.
     */
    public NewsBatch readRecord(JsonNode record, String doc, String origin,
                                Consumer<Problem> quarantine) {
        Objects.requireNonNull(record, "The parameter 'record' must not be null.");
        Objects.requireNonNull(doc, "The parameter 'doc' must not be null.");
        Objects.requireNonNull(origin, "The parameter 'origin' must not be null.");
        Objects.requireNonNull(quarantine, "The parameter 'quarantine' must not be null.");
        Sink sink = new Sink(quarantine);
        new JsonlNewsReader(maxBytes).readRecord(record, record.toString(), origin, 0, doc, sink);
        return new NewsBatch(sink.articles, sink.outcomes);
    }

    private void readFolder(Path root, Sink sink) {
        for (FolderEntry e : listFolder(root)) {
            if (e.reason() == null) {
                readFile(e.path(), e.doc(), sink);
            } else {
                sink.outcome(e.path().toString(), e.status(), 0, e.reason(), "");
            }
        }
    }

    /**
     * One entry of a news folder: a file to read ({@code reason} null; {@code doc} is its path below the
     * folder, with forward slashes) or one left out, with its status and why.
     */
    public record FolderEntry(Path path, String doc, FileOutcome.Status status, String reason) {
    }

    /**
     * The entries of news folder {@code root} as ingest visits it: first what cannot be read (in the order
     * the walk met it), then the files to read and the hidden files and folders left out, in path order.
     * Links are followed; a folder that cannot be listed is one failed entry.
     */
    public static List<FolderEntry> listFolder(Path root) {
        List<Path> files = new ArrayList<>();
        List<Path> hidden = new ArrayList<>();
        List<FolderEntry> out = new ArrayList<>();
        try {
            // Links are followed (a scrape folder often links in another day's pages); the walker
            // remembers the folders it is in and reports a link back to one of them as a loop.
            Files.walkFileTree(root, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && isHidden(dir)) {
                        hidden.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isHidden(file)) {
                        hidden.add(file);
                    } else if (attrs.isRegularFile()) {
                        files.add(file);
                    } else if (attrs.isSymbolicLink()) {
                        out.add(left(file, FileOutcome.Status.FAILED, "broken symbolic link or vanished file; fix or remove it"));
                    } else {
                        out.add(left(file, FileOutcome.Status.SKIPPED, "not a regular file (a device, pipe or socket), not read"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        out.add(left(file, FileOutcome.Status.SKIPPED,
                                "symbolic link loop (it leads back to a folder above it), not followed again; remove the link"));
                    } else if (e instanceof NoSuchFileException) {
                        out.add(left(file, FileOutcome.Status.FAILED, "broken symbolic link or vanished file; fix or remove it"));
                    } else {
                        out.add(left(file, FileOutcome.Status.FAILED, "cannot open (" + describe(e) + "); check its permissions"));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return List.of(left(root, FileOutcome.Status.FAILED,
                    "cannot list the folder (" + describe(e) + "); check that it exists and is readable"));
        }
        List<Path> all = new ArrayList<>(files);
        all.addAll(hidden);
        all.sort(null);
        for (Path p : all) {
            if (hidden.contains(p)) {
                out.add(left(p, FileOutcome.Status.SKIPPED,
                        "hidden " + (Files.isDirectory(p) ? "folder" : "file") + ", not read; rename it to include it"));
            } else {
                out.add(new FolderEntry(p, root.relativize(p).toString().replace('\\', '/'), FileOutcome.Status.OK, null));
            }
        }
        return out;
    }

    private static FolderEntry left(Path p, FileOutcome.Status status, String reason) {
        return new FolderEntry(p, null, status, reason);
    }

    private void readFile(Path file, String doc, Sink sink) {
        String origin = file.toString();
        String name = fileName(file).toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")
                    || name.endsWith(".jsonl.gz") || name.endsWith(".ndjson.gz")) {
                new JsonlNewsReader(maxBytes).read(file, sink);
                return;
            }
            String data = dataFileKind(name);
            if (data != null) {
                sink.outcome(origin, FileOutcome.Status.SKIPPED, 0, data + ", not a news article; not read: leave it out of the"
                        + " news input" + (data.startsWith("a CSV") ? " (posts go to 'vigil coordinate')" : ""), "");
                return;
            }
            boolean gzip = name.endsWith(".gz");
            long size = Files.size(file);
            if (!gzip && size > maxBytes) {
                sink.outcome(origin, FileOutcome.Status.SKIPPED, 0, tooLarge(mib(size)), "");
                return;
            }
            byte[] bytes;
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                bytes = in.readNBytes((int) maxBytes + 1);
            }
            if (bytes.length > maxBytes) {
                sink.outcome(origin, FileOutcome.Status.SKIPPED, 0, tooLarge("more than " + mib(maxBytes) + " decompressed"), "");
                return;
            }
            if (startsLikeGexf(bytes)) {
                sink.outcome(origin, FileOutcome.Status.SKIPPED, 0, "a GEXF graph file, not a news article; not read: leave it"
                        + " out of the news input", "");
                return;
            }
            TextDecoder.Decoded decoded = TextDecoder.decode(bytes, false);
            switch (decoded.kind()) {
                case EMPTY -> sink.outcome(origin, FileOutcome.Status.SKIPPED, 0,
                        "empty file, nothing to read; remove it or scrape the page again", "");
                case BINARY -> sink.outcome(origin, FileOutcome.Status.SKIPPED, 0,
                        "binary file, not text or HTML; remove it from the input", "");
                case TEXT -> {
                    boolean html = ArticleAssembler.looksLikeHtml(decoded.text());
                    ArticleAssembler.Assembled a = ArticleAssembler.assemble(
                            decoded.text(), html, ArticleAssembler.Hints.NONE, doc, origin);
                    String cut = "";
                    String charset = "UTF-8".equals(decoded.charset()) ? "" : ", decoded as " + decoded.charset();
                    if (a.article() == null) {
                        sink.outcome(origin, FileOutcome.Status.SKIPPED, 0, a.note() + cut, "");
                    } else {
                        sink.article(a.article());
                        sink.outcome(origin, FileOutcome.Status.OK, 0, a.note() + charset + cut, "");
                    }
                }
                default -> throw new IllegalStateException("unhandled kind " + decoded.kind());
            }
        } catch (NoSuchFileException e) {
            sink.outcome(origin, FileOutcome.Status.FAILED, 0, "vanished while reading; run again", "");
        } catch (IOException e) {
            sink.outcome(origin, FileOutcome.Status.FAILED, 0,
                    "cannot read (" + describe(e) + "); check that the file is readable and not corrupt", "");
        } catch (RuntimeException | StackOverflowError e) {
            // A bug or a pathological page must cost this file only, never the batch.
            sink.outcome(origin, FileOutcome.Status.FAILED, 0, "could not be processed ("
                    + describe(e) + "); please report this file to the Vigil developers", "");
        }
    }

    private String tooLarge(String size) {
        return "the document is " + size + ", over the " + mib(maxBytes) + " limit (ingest.news.max.bytes); not read, since a"
                + " cut page would lose its end: split it or raise the limit";
    }

    /** Data exports that turn up beside scraped pages; named by their extension, since their content is text too. */
    private static String dataFileKind(String lowerName) {
        String n = lowerName.endsWith(".gz") ? lowerName.substring(0, lowerName.length() - 3) : lowerName;
        if (n.endsWith(".csv") || n.endsWith(".tsv")) {
            return "a CSV file (table data)";
        }
        if (n.endsWith(".gexf") || n.endsWith(".graphml")) {
            return "a graph file (" + n.substring(n.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT) + ")";
        }
        return null;
    }

    /** A GEXF graph under another name: XML whose root element is {@code gexf}. */
    private static boolean startsLikeGexf(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.stripLeading().startsWith("<?xml") && head.contains("<gexf");
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        String first = m == null ? "" : m.lines().findFirst().orElse("").strip();
        if (first.length() > 160) {
            first = first.substring(0, 160) + "...";
        }
        return e.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }

    private static String mib(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }

    /** Collects articles and outcomes, and passes problems on to the quarantine. */
    static final class Sink {
        private static final int MAX_RAW_CHARS = 10_000;
        final List<Article> articles = new ArrayList<>();
        final List<FileOutcome> outcomes = new ArrayList<>();
        private final Consumer<Problem> quarantine;

        Sink(Consumer<Problem> quarantine) {
            this.quarantine = quarantine;
        }

        void article(Article a) {
            articles.add(a);
        }

        /** @param line 1-based record line for JSONL, 0 for a whole file */
        void outcome(String file, FileOutcome.Status status, long line, String message, String raw) {
            String origin = line > 0 ? file + ":" + line : file;
            outcomes.add(new FileOutcome(origin, status, message));
            if (status != FileOutcome.Status.OK) {
                String kept = raw == null ? "" : raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) : raw;
                quarantine.accept(new Problem(file, line, message, kept));
            }
        }
    }
}
