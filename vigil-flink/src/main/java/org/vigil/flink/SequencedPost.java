package org.vigil.flink;

import org.vigil.model.Post;

import java.util.Arrays;
import java.util.List;

/**
 * A post on its way through the job, with its place in the input ({@code ordinal}): shares of one object
 * at the same second are ordered by it, as the in-process engine orders them by arrival. A Flink POJO
 * (public fields, no-argument constructor) so that it travels without Kryo. A record that could not be
 * read carries {@code problem} (and no account) and is quarantined instead of used.
 */
public final class SequencedPost {
    public long ordinal;
    public String postId;
    public String accountId;
    public long timestamp;
    public String text;
    public String retweetOf;
    public String replyTo;
    public String[] urls;
    public String[] hashtags;
    public String language;
    /** Where a bad record came from ("topic posts, partition 0, offset 17"), and why it is bad; null for a good one. */
    public String origin;
    /** The bad record's line in its file, or 0 when it has none (a Kafka message). */
    public long line;
    public String problem;
    public String raw;

    public SequencedPost() {
    }

    public static SequencedPost of(Post p, long ordinal) {
        SequencedPost s = new SequencedPost();
        s.ordinal = ordinal;
        s.postId = p.postId();
        s.accountId = p.accountId();
        s.timestamp = p.timestamp();
        s.text = p.text();
        s.retweetOf = p.retweetOf();
        s.replyTo = p.replyTo();
        s.urls = p.urls().toArray(new String[0]);
        s.hashtags = p.hashtags().toArray(new String[0]);
        s.language = p.language();
        return s;
    }

    /** A bad record: quarantined with {@code origin} and {@code reason}. */
    public static SequencedPost bad(long ordinal, String origin, String reason, String raw) {
        return bad(ordinal, origin, 0, reason, raw);
    }

    /** A bad record at {@code line} of file {@code origin}. */
    public static SequencedPost bad(long ordinal, String origin, long line, String reason, String raw) {
        SequencedPost s = new SequencedPost();
        s.ordinal = ordinal;
        s.origin = origin;
        s.line = line;
        s.problem = reason;
        s.raw = raw;
        return s;
    }

    /** True when the post can be attributed: it was read and has an account id. */
    public boolean usable() {
        return problem == null && accountId != null && !accountId.isBlank();
    }

    public Post toPost() {
        return new Post(postId, accountId, timestamp, text, retweetOf, replyTo,
                urls == null ? List.of() : Arrays.asList(urls), hashtags == null ? List.of() : Arrays.asList(hashtags), language);
    }
}
