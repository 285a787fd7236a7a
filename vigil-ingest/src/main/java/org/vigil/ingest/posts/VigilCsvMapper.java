package org.vigil.ingest.posts;

import static org.vigil.ingest.posts.CsvPostMapper.optional;
import static org.vigil.ingest.posts.CsvPostMapper.required;
import static org.vigil.ingest.posts.CsvPostMapper.text;

import org.vigil.model.Post;

/**
 * Vigil CSV: {@code post_id,account_id,timestamp,text,retweet_of,reply_to,urls,hashtags,lang}.
 * The first three are required; {@code timestamp} is epoch seconds or ISO-8601; {@code urls} and
 * {@code hashtags} are space-separated; empty cells mean none.
 */
final class VigilCsvMapper implements CsvPostMapper {
    private final int postId;
    private final int accountId;
    private final int timestamp;
    private final int text;
    private final int retweetOf;
    private final int replyTo;
    private final int urls;
    private final int hashtags;
    private final int lang;

    VigilCsvMapper(CsvHeader h) {
        postId = h.required("post_id");
        accountId = h.required("account_id");
        timestamp = h.required("timestamp");
        text = h.optional("text");
        retweetOf = h.optional("retweet_of");
        replyTo = h.optional("reply_to");
        urls = h.optional("urls");
        hashtags = h.optional("hashtags");
        lang = h.optional("lang");
    }

    @Override
    public Post map(CsvScanner row) throws BadRow {
        return new Post(
                required(row, postId, "post_id", "an id"),
                required(row, accountId, "account_id", "an account id"),
                row.time(timestamp, "column 'timestamp'"),
                text(row, text),
                optional(row, retweetOf),
                optional(row, replyTo),
                Tokens.spaceSeparated(optional(row, urls)),
                Tokens.spaceSeparated(optional(row, hashtags)),
                optional(row, lang));
    }
}
