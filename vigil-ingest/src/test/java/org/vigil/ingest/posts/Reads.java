package org.vigil.ingest.posts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.vigil.model.Post;
import org.vigil.model.Problem;

/** What one read produced, and small file helpers for the tests. */
record Reads(ReadSummary summary, List<Post> posts, List<Problem> problems) {

    static Reads of(Path file, PostFormat format) {
        List<Post> posts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        ReadSummary summary = PostReaders.read(file, format, posts::add, problems::add);
        return new Reads(summary, posts, problems);
    }

    static Reads of(Path file) {
        return of(file, null);
    }

    List<Long> problemLines() {
        return problems.stream().map(Problem::line).toList();
    }

    List<String> postIds() {
        return posts.stream().map(Post::postId).toList();
    }

    static Path resource(String name) {
        try {
            var url = Reads.class.getResource("/posts/" + name);
            if (url == null) {
                throw new IllegalStateException("test resource /posts/" + name + " is missing");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path gzip(Path source, Path target) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(source, out);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
