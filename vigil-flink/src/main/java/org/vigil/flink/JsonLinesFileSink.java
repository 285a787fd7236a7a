package org.vigil.flink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the job's result lines to {@code results.jsonl} in a folder, or to a named file (run it at
 * parallelism 1). The file is written whole at the end of the input, once; a restarted job writes it
 * again from the start.
 */
final class JsonLinesFileSink implements Sink<String> {
    private final String folder;
    private final String name;

    JsonLinesFileSink(Path folder) {
        this.folder = folder.toString();
        this.name = "results.jsonl";
    }

    private JsonLinesFileSink(String folder, String name) {
        this.folder = folder;
        this.name = name;
    }

    /** A sink that writes the lines to {@code file} itself (its folder is created when missing). */
    static JsonLinesFileSink toFile(Path file) {
        Path abs = file.toAbsolutePath();
        return new JsonLinesFileSink(abs.getParent().toString(), abs.getFileName().toString());
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
        Path dir = Path.of(folder);
        Files.createDirectories(dir);
        BufferedWriter w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
        return new SinkWriter<>() {
            @Override
            public void write(String line, Context context) throws IOException {
                w.write(line);
                w.write('\n');
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                w.flush();
            }

            @Override
            public void close() throws IOException {
                w.close();
            }
        };
    }
}
