package org.vigil.flink;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the posts a session spilled, record {@code i} for index {@code i}: the source's position is the
 * index, so a job restored from a checkpoint asks for the index it stopped at and the file is read on from there.
 */
final class SpilledPosts implements GeneratorFunction<Long, SequencedPost> {
    private final String file;
    private transient DataInputStream in;
    private transient long next;

    SpilledPosts(Path file) {
        this.file = file.toString();
    }

    @Override
    public void open(SourceReaderContext context) throws IOException {
        reopen();
    }

    private void reopen() throws IOException {
        if (in != null) {
            in.close();
        }
        in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(file)), 1 << 16));
        next = 0;
    }

    @Override
    public SequencedPost map(Long index) throws IOException {
        if (index < next) {
            reopen();
        }
        while (next < index) {
            PostCodec.read(in);
            next++;
        }
        next++;
        return PostCodec.read(in);
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
