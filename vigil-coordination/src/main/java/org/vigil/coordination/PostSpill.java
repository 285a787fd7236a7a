package org.vigil.coordination;

import org.vigil.model.Post;
import org.vigil.model.VigilException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Posts spilled to disk by time slice ({@code floor(timestamp / sliceSeconds)}), so that a run can read
 * them back one slice at a time, in time order, whatever order the input came in. A post is stored with
 * its run-wide ordinal and account number. Files live in a folder of their own, removed by {@link #close()}.
 */
final class PostSpill implements AutoCloseable {
    /** A post read back, with the ordinal and account number it was given on the way in. */
    record Spilled(int ordinal, int account, Post post) {
    }

    private static final int OPEN_WRITERS = 32;
    private final Path dir;
    private final long sliceSeconds;
    private final TreeSet<Long> slices = new TreeSet<>();
    private final Map<Long, DataOutputStream> writers = new LinkedHashMap<>(16, 0.75f, true);

    PostSpill(Path parent, long sliceSeconds) {
        this.sliceSeconds = sliceSeconds;
        try {
            Files.createDirectories(parent);
            this.dir = Files.createTempDirectory(parent, "vigil-spill-");
        } catch (IOException e) {
            throw new VigilException("cannot create a spill folder in " + parent + ": " + e.getMessage()
                    + "; set coordination.spill.dir to a writable folder", e);
        }
    }

    Path dir() {
        return dir;
    }

    private long granularity;

    long sliceOf(long time) {
        return Math.floorDiv(time, sliceSeconds);
    }

    long sliceStart(long slice) {
        return slice * sliceSeconds;
    }

    /** The resolution of the timestamps written: the greatest common divisor of all of them. */
    long granularity() {
        return granularity;
    }

    void write(int ordinal, int account, Post p) {
        long slice = sliceOf(p.timestamp());
        for (long a = granularity, b = Math.abs(p.timestamp()); granularity != 1 && b != 0; ) {
            long r = a % b;
            a = b;
            b = r;
            if (b == 0) {
                granularity = a;
            }
        }
        try {
            DataOutputStream out = writer(slice);
            out.writeInt(ordinal);
            out.writeInt(account);
            out.writeLong(p.timestamp());
            string(out, p.postId());
            string(out, p.retweetOf());
            string(out, p.text());
            out.writeShort(Math.min(p.urls().size(), Short.MAX_VALUE));
            for (int i = 0; i < Math.min(p.urls().size(), Short.MAX_VALUE); i++) {
                string(out, p.urls().get(i));
            }
            out.writeShort(Math.min(p.hashtags().size(), Short.MAX_VALUE));
            for (int i = 0; i < Math.min(p.hashtags().size(), Short.MAX_VALUE); i++) {
                string(out, p.hashtags().get(i));
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private DataOutputStream writer(long slice) throws IOException {
        DataOutputStream out = writers.get(slice);
        if (out == null) {
            if (writers.size() >= OPEN_WRITERS) {
                var eldest = writers.entrySet().iterator().next();
                eldest.getValue().close();
                writers.remove(eldest.getKey());
            }
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(slice),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16));
            writers.put(slice, out);
            slices.add(slice);
        }
        return out;
    }

    private Path file(long slice) {
        return dir.resolve("slice-" + slice + ".bin");
    }

    /** Closes the writers; afterwards slices can be read. */
    void finishWriting() {
        try {
            for (DataOutputStream out : writers.values()) {
                out.close();
            }
            writers.clear();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    List<Long> slices() {
        return new ArrayList<>(slices);
    }

    /** The posts of one slice, in time order (ties in arrival order). */
    List<Spilled> read(long slice, java.util.function.IntFunction<String> accountId) {
        List<Spilled> out = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file(slice)), 1 << 16))) {
            while (true) {
                int ordinal;
                try {
                    ordinal = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                int account = in.readInt();
                long time = in.readLong();
                String id = string(in);
                String retweetOf = string(in);
                String text = string(in);
                int nu = in.readShort();
                List<String> urls = new ArrayList<>(nu);
                for (int i = 0; i < nu; i++) {
                    urls.add(string(in));
                }
                int nt = in.readShort();
                List<String> tags = new ArrayList<>(nt);
                for (int i = 0; i < nt; i++) {
                    tags.add(string(in));
                }
                out.add(new Spilled(ordinal, account, new Post(id, accountId.apply(account), time, text, retweetOf, null, urls, tags, null)));
            }
        } catch (IOException e) {
            throw failure(e);
        }
        out.sort(Comparator.comparingLong((Spilled s) -> s.post().timestamp()).thenComparingInt(Spilled::ordinal));
        return out;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = in.readNBytes(n);
        return new String(b, StandardCharsets.UTF_8);
    }

    private VigilException failure(IOException e) {
        return new VigilException("cannot spill posts to " + dir + ": " + e.getMessage()
                + "; free disk space or set coordination.spill.dir", e);
    }

    @Override
    public void close() {
        try {
            for (DataOutputStream out : writers.values()) {
                out.close();
            }
            writers.clear();
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }
}
