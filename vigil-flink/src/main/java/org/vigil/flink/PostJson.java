package org.vigil.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vigil.model.Post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a post on a Kafka topic, one object per message:
 * {@code {"post_id", "account_id", "timestamp" (epoch seconds), "text", "retweet_of", "reply_to",
 * "urls": [...], "hashtags": [...], "language"}}; only {@code account_id} and {@code timestamp} are required.
 */
public final class PostJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PostJson() {
    }

    public static byte[] toJson(Post p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("post_id", p.postId());
        o.put("account_id", p.accountId());
        o.put("timestamp", p.timestamp());
        o.put("text", p.text());
        o.put("retweet_of", p.retweetOf());
        o.put("reply_to", p.replyTo());
        ArrayNode urls = o.putArray("urls");
        p.urls().forEach(urls::add);
        ArrayNode tags = o.putArray("hashtags");
        p.hashtags().forEach(tags::add);
        o.put("language", p.language());
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a post as JSON: " + e.getMessage(), e);
        }
    }

    /** The post in {@code value}, or a bad record naming {@code origin} and what is wrong; never throws. */
    public static SequencedPost parse(byte[] value, long ordinal, String origin) {
        if (value == null) {
            return SequencedPost.bad(ordinal, origin, "empty message (no value); produce one JSON post per message", "");
        }
        String raw = new String(value, StandardCharsets.UTF_8);
        JsonNode o;
        try {
            o = JSON.readTree(value);
        } catch (IOException e) {
            return SequencedPost.bad(ordinal, origin, "not JSON (" + firstLine(e.getMessage()) + "); produce one JSON post per message", clip(raw));
        }
        if (o == null || !o.isObject()) {
            return SequencedPost.bad(ordinal, origin, "not a JSON object; produce one JSON post per message", clip(raw));
        }
        JsonNode account = o.get("account_id");
        if (account == null || !account.isValueNode() || account.asText().isBlank()) {
            return SequencedPost.bad(ordinal, origin, "post has no account_id, so it cannot be attributed", clip(raw));
        }
        JsonNode ts = o.get("timestamp");
        if (ts == null || !ts.canConvertToLong()) {
            return SequencedPost.bad(ordinal, origin, "post has no whole-number timestamp (epoch seconds)", clip(raw));
        }
        Post p = new Post(text(o, "post_id"), account.asText(), ts.asLong(), text(o, "text"), text(o, "retweet_of"),
                text(o, "reply_to"), list(o, "urls"), list(o, "hashtags"), text(o, "language"));
        return SequencedPost.of(p, ordinal);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> list(JsonNode o, String field) {
        JsonNode v = o.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return s == null ? "" : nl < 0 ? s : s.substring(0, nl);
    }

    private static String clip(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "\u2026";
    }
}
