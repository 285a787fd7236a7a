package org.vigil.ingest.posts;

import static org.vigil.ingest.posts.CsvPostMapper.optional;
import static org.vigil.ingest.posts.CsvPostMapper.required;
import static org.vigil.ingest.posts.CsvPostMapper.text;

import java.util.List;
import org.vigil.model.Post;

/**
 * QUT Coordination Network Toolkit CSV:
 * {@code message_id,user_id,username,repost_id,reply_id,message,timestamp,urls}, urls
 * space-separated. The format has no hashtag column, so hashtags are taken from the message text,
 * unless a {@code hashtags} column is present (as in gen_synth's {@code posts_full.csv}).
 * An empty {@code urls} cell is no URL at all: the QUT tool itself counts it as one URL shared by
 * every link-less post, which links every pair of accounts.
 */
final class QutCsvMapper implements CsvPostMapper {
    private final int messageId;
    private final int userId;
    private final int repostId;
    private final int replyId;
    private final int message;
    private final int timestamp;
    private final int urls;
    private final int hashtags;

    QutCsvMapper(CsvHeader h) {
        messageId = h.required("message_id");
        userId = h.required("user_id");
        timestamp = h.required("timestamp");
        repostId = h.optional("repost_id");
        replyId = h.optional("reply_id");
        message = h.optional("message");
        urls = h.optional("urls");
        hashtags = h.optional("hashtags");
    }

    @Override
    public Post map(CsvScanner row) throws BadRow {
        String text = text(row, message);
        List<String> tags = hashtags >= 0 ? Tokens.spaceSeparated(optional(row, hashtags)) : Tokens.hashtagsIn(text);
        return new Post(
                required(row, messageId, "message_id", "an id"),
                required(row, userId, "user_id", "an account id"),
                row.time(timestamp, "column 'timestamp'"),
                text,
                optional(row, repostId),
                optional(row, replyId),
                Tokens.spaceSeparated(optional(row, urls)),
                tags,
                null);
    }
}
