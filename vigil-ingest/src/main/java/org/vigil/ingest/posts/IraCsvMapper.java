package org.vigil.ingest.posts;

import static org.vigil.ingest.posts.CsvPostMapper.optional;
import static org.vigil.ingest.posts.CsvPostMapper.required;
import static org.vigil.ingest.posts.CsvPostMapper.text;

import org.vigil.model.Post;

/**
 * IRA troll tweets (FiveThirtyEight / Linvill &amp; Warren, re-split by author):
 * {@code tweet_seq, author_id, account_category, account_type, ts, publish_date, post_type,
 * retweet, language, region, followers, hashtags, urls, content}.
 *
 * <p>{@code account_category} and {@code account_type} are never read: they are the labels the
 * detector is scored against and must not see. The release has no retweeted-tweet ids, so a
 * retweet ({@code post_type} R, or {@code retweet} 1 with no post type) gets
 * {@code retweetOf = }{@link RetweetKeys#fromText} of its content, which every retweet of the same
 * tweet shares. A quote ({@code post_type} Q) carries the quoter's own words, so it gets none.
 * {@code ts} is epoch seconds; {@code publish_date} (UTC) stands in when {@code ts} is empty.
 */
final class IraCsvMapper implements CsvPostMapper {
    private final int tweetSeq;
    private final int authorId;
    private final int ts;
    private final int publishDate;
    private final int postType;
    private final int retweet;
    private final int language;
    private final int hashtags;
    private final int urls;
    private final int content;

    IraCsvMapper(CsvHeader h) {
        tweetSeq = h.required("tweet_seq");
        authorId = h.required("author_id");
        ts = h.required("ts");
        publishDate = h.optional("publish_date");
        postType = h.optional("post_type");
        retweet = h.optional("retweet");
        language = h.optional("language");
        hashtags = h.optional("hashtags");
        urls = h.optional("urls");
        content = h.required("content");
    }

    @Override
    public Post map(CsvScanner row) throws BadRow {
        String text = text(row, content);
        long time = row.isBlank(ts) && !row.isBlank(publishDate)
                ? row.time(publishDate, "column 'publish_date'")
                : row.time(ts, "column 'ts'");
        return new Post(
                required(row, tweetSeq, "tweet_seq", "an id"),
                required(row, authorId, "author_id", "an account id"),
                time,
                text,
                isRetweet(optional(row, postType), optional(row, retweet)) ? RetweetKeys.fromText(text) : null,
                null,
                Tokens.spaceSeparated(optional(row, urls)),
                Tokens.spaceSeparated(optional(row, hashtags)),
                optional(row, language));
    }

    private static boolean isRetweet(String type, String flag) {
        if (type != null) {
            return type.equalsIgnoreCase("R") || type.equalsIgnoreCase("RETWEET");
        }
        return "1".equals(flag);
    }
}
