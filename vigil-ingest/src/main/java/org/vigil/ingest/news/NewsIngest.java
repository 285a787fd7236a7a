package org.vigil.ingest.news;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
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
 * <p>Reading never throws for bad input: every file and JSONL record gets a {@link FileOutcome},
 * and one bad file or record never stops the rest.
 */
public final class NewsIngest {

    /**
     * Default for {@code ingest.news.max.bytes}: how much of one document is read. A news page is
     * far smaller; the cap keeps a runaway page (a 50 MB HTML dump) to bounded time and memory.
     */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;

    private final long maxBytes;

    /** Reads up to {@link #DEFAULT_MAX_BYTES} of each document. */
    public NewsIngest() {
        this(DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes how much of one document (file or JSONL record) is read, at least 1 KiB */
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

    private void readFolder(Path root, Sink sink) {
        List<Path> files = new ArrayList<>();
        List<Path> hidden = new ArrayList<>();
        List<String[]> unreadable = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
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
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable.add(new String[] {file.toString(), describe(e)});
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            sink.outcome(root.toString(), FileOutcome.Status.FAILED, 0,
                    "cannot list the folder (" + describe(e) + "); check that it exists and is readable", "");
            return;
        }
        List<Path> all = new ArrayList<>(files);
        all.addAll(hidden);
        all.sort(null);
        for (String[] u : unreadable) {
            sink.outcome(u[0], FileOutcome.Status.FAILED, 0,
                    "cannot open (" + u[1] + "); check its permissions", "");
        }
        for (Path p : all) {
            if (hidden.contains(p)) {
                sink.outcome(p.toString(), FileOutcome.Status.SKIPPED, 0,
                        "hidden " + (Files.isDirectory(p) ? "folder" : "file") + ", not read; rename it to include it", "");
            } else {
                Path relative = root.relativize(p);
                readFile(p, relative.toString().replace('\\', '/'), sink);
            }
        }
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
            boolean gzip = name.endsWith(".gz");
            long size = Files.size(file);
            byte[] bytes;
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                bytes = in.readNBytes((int) maxBytes + 1);
            }
            boolean truncated = bytes.length > maxBytes;
            if (truncated) {
                bytes = Arrays.copyOf(bytes, (int) maxBytes);
            }
            TextDecoder.Decoded decoded = TextDecoder.decode(bytes, truncated);
            switch (decoded.kind()) {
                case EMPTY -> sink.outcome(origin, FileOutcome.Status.SKIPPED, 0,
                        "empty file, nothing to read; remove it or scrape the page again", "");
                case BINARY -> sink.outcome(origin, FileOutcome.Status.SKIPPED, 0,
                        "binary file, not text or HTML; remove it from the input", "");
                case TEXT -> {
                    boolean html = ArticleAssembler.looksLikeHtml(decoded.text());
                    ArticleAssembler.Assembled a = ArticleAssembler.assemble(
                            decoded.text(), html, ArticleAssembler.Hints.NONE, doc, origin);
                    String cut = truncated ? ", truncated to the first " + mib(maxBytes) + " of "
                            + (gzip ? "the decompressed file" : mib(size)) + " (raise ingest.news.max.bytes to read more)" : "";
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

    static String describe(Throwable e) {
        String m = e.getMessage();
        String first = m == null ? "" : m.lines().findFirst().orElse("").strip();
        if (first.length() > 160) {
            first = first.substring(0, 160) + "...";
        }
        return e.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }

    private static String mib(long bytes) {
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
