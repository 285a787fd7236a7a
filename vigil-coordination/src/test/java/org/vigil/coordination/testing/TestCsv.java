package org.vigil.coordination.testing;

import org.vigil.model.Post;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * A small CSV reader for this module's tests only (the product reads posts with vigil-ingest, which
 * this module must not depend on): the QUT toolkit layout that gen_synth.py writes, CooRTweet's share
 * layout, and the IRA layout of ../shared/data/ira.
 */
public final class TestCsv {
    private TestCsv() {
    }

    /** Reads records of an RFC 4180 file (quoted fields may hold commas, quotes and newlines). */
    public static void records(Path file, Consumer<String[]> sink) throws IOException {
        var in = Files.newInputStream(file);
        var stream = file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16)) {
            List<String> fields = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int c;
            boolean any = false;
            while ((c = r.read()) >= 0) {
                any = true;
                if (quoted) {
                    if (c == '"') {
                        r.mark(1);
                        int d = r.read();
                        if (d == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            if (d >= 0) {
                                r.reset();
                            }
                        }
                    } else {
                        cell.append((char) c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    fields.add(cell.toString());
                    cell.setLength(0);
                    sink.accept(fields.toArray(new String[0]));
                    fields.clear();
                    any = false;
                } else if (c != '\r') {
                    cell.append((char) c);
                }
            }
            if (any) {
                fields.add(cell.toString());
                sink.accept(fields.toArray(new String[0]));
            }
        }
    }

    private static Map<String, Integer> header(String[] h) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < h.length; i++) {
            m.put(h[i].strip(), i);
        }
        return m;
    }

    private static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.asList(s.trim().split("\\s+"));
    }

    /** message_id,user_id,username,repost_id,reply_id,message,timestamp,urls (gen_synth.py posts_qut.csv). */
    public static void qut(Path file, Consumer<Post> sink) throws IOException {
        Map<String, Integer>[] h = new Map[1];
        records(file, r -> {
            if (h[0] == null) {
                h[0] = header(r);
                return;
            }
            Map<String, Integer> m = h[0];
            String repost = r[m.get("repost_id")];
            sink.accept(new Post(r[m.get("message_id")], r[m.get("user_id")], Long.parseLong(r[m.get("timestamp")].trim()),
                    r[m.get("message")], repost.isBlank() ? null : repost, r[m.get("reply_id")],
                    split(r[m.get("urls")]), List.of(), null));
        });
    }

    /** object_id,account_id,content_id,timestamp_share (CooRTweet); object_id != content_id is a re-share. */
    public static void coortweet(Path file, Consumer<Post> sink) throws IOException {
        Map<String, Integer>[] h = new Map[1];
        records(file, r -> {
            if (h[0] == null) {
                h[0] = header(r);
                return;
            }
            Map<String, Integer> m = h[0];
            String object = r[m.get("object_id")];
            String content = r[m.get("content_id")];
            sink.accept(new Post(content, r[m.get("account_id")], Long.parseLong(r[m.get("timestamp_share")].trim()), "",
                    object.equals(content) ? null : object, null, List.of(), List.of(), null));
        });
    }

    /** The IRA layout: tweet_seq, author_id, ..., ts, ..., hashtags, urls, content. Labels are not read. */
    public static void ira(Path file, Consumer<Post> sink) throws IOException {
        Map<String, Integer>[] h = new Map[1];
        records(file, r -> {
            if (h[0] == null) {
                h[0] = header(r);
                return;
            }
            Map<String, Integer> m = h[0];
            sink.accept(new Post(r[m.get("tweet_seq")], r[m.get("author_id")], Long.parseLong(r[m.get("ts")].trim()),
                    r[m.get("content")], null, null, split(r[m.get("urls")]), split(r[m.get("hashtags")]), r[m.get("language")]));
        });
    }
}
