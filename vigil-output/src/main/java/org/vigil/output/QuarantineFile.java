package org.vigil.output;

import org.vigil.model.Problem;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code quarantine.csv} written as bad records arrive, so a file of a million bad rows costs disk,
 * not heap. Each problem also goes to a spool file beside it, which {@link #replay} reads back in
 * batches for the store's {@code quarantine} table and which {@link #close} deletes. The file is
 * opened before any input is read, so it exists (header only) even when no input could be read.
 */
public final class QuarantineFile implements Closeable {
    /** Longest raw record written; a broken multi-megabyte record is pointed to, not copied. */
    public static final int RAW_LIMIT = 10_000;
    public static final List<String> HEADER = List.of("origin", "line", "reason", "raw");

    private final Path file;
    private final Path spool;
    private final BufferedWriter csv;
    private final DataOutputStream out;
    private long count;

    private QuarantineFile(Path file, Path spool, BufferedWriter csv, DataOutputStream out) {
        this.file = file;
        this.spool = spool;
        this.csv = csv;
        this.out = out;
    }

    /** Creates {@code dir} if needed and opens {@code dir/quarantine.csv} with its header. */
    public static QuarantineFile open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("quarantine.csv");
        Path spool = Files.createTempFile(dir, ".quarantine-", ".spool");
        BufferedWriter csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(spool), 1 << 16));
        Csv.row(csv, HEADER);
        return new QuarantineFile(file, spool, csv, out);
    }

    /** Writes {@code problems} to {@code dir/quarantine.csv} in one go (the demo's few). */
    public static void write(Path dir, List<Problem> problems) throws IOException {
        try (QuarantineFile q = open(dir)) {
            problems.forEach(q::add);
        }
    }

    public Path path() {
        return file;
    }

    public long count() {
        return count;
    }

    /** Appends one problem to the CSV file and the spool. */
    public void add(Problem p) {
        String raw = p.raw() == null ? "" : p.raw();
        if (raw.length() > RAW_LIMIT) {
            raw = raw.substring(0, RAW_LIMIT) + "\u2026";
        }
        try {
            Csv.row(csv, List.of(Csv.text(p.origin()), Csv.value(p.line()), Csv.text(p.reason()), Csv.text(raw)));
            writeString(p.origin());
            out.writeLong(p.line());
            writeString(p.reason());
            writeString(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getCause().getMessage(), e.getCause());
        }
        count++;
    }

    /** Flushes the CSV file so it is complete on disk. */
    public void flush() throws IOException {
        csv.flush();
        out.flush();
    }

    /** Hands every problem added so far to {@code batch}, at most {@code size} at a time, in the order they came. */
    public void replay(int size, Consumer<List<Problem>> batch) throws IOException {
        out.flush();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(spool), 1 << 16))) {
            List<Problem> chunk = new ArrayList<>(size);
            for (long i = 0; i < count; i++) {
                chunk.add(new Problem(readString(in), in.readLong(), readString(in), readString(in)));
                if (chunk.size() == size) {
                    batch.accept(chunk);
                    chunk = new ArrayList<>(size);
                }
            }
            if (!chunk.isEmpty()) {
                batch.accept(chunk);
            }
        } catch (EOFException e) {
            throw new IOException("the quarantine spool " + spool + " ended early; run again", e);
        }
    }

    @Override
    public void close() throws IOException {
        try (csv; out) {
            csv.flush();
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private void writeString(String s) throws IOException {
        byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
