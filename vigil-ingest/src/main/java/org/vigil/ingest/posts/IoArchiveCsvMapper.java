package org.vigil.ingest.posts;

import static org.vigil.ingest.posts.CsvPostMapper.optional;
import static org.vigil.ingest.posts.CsvPostMapper.required;
import static org.vigil.ingest.posts.CsvPostMapper.text;

import java.util.Locale;
import org.vigil.model.Post;

/**
 * X/Twitter information-operations archive CSV ({@code tweetid, userid, ..., tweet_language,
 * tweet_text, tweet_time, ..., in_reply_to_tweetid, ..., is_retweet, retweet_userid,
 * retweet_tweetid, ..., hashtags, urls, ...}), columns found by name. {@code tweet_time} is UTC
 * ({@code 2016-10-31 17:22}); {@code hashtags} and {@code urls} are Python-style lists. A retweet
 * ({@code is_retweet} true) whose {@code retweet_tweetid} is empty gets a key derived from its text,
 * as in the IRA format. Profile columns (names, descriptions, follower counts) are not read.
 */
final class IoArchiveCsvMapper implements CsvPostMapper {
    private final int tweetId;
    private final int userId;
    private final int tweetTime;
    private final int text;
    private final int language;
    private final int retweetId;
    private final int isRetweet;
    private final int replyTo;
    private final int hashtags;
    private final int urls;

    IoArchiveCsvMapper(CsvHeader h) {
        tweetId = h.required("tweetid");
        userId = h.required("userid");
        tweetTime = h.required("tweet_time");
        text = h.optional("tweet_text");
        language = h.optional("tweet_language");
        retweetId = h.optional("retweet_tweetid");
        isRetweet = h.optional("is_retweet");
        replyTo = h.optional("in_reply_to_tweetid");
        hashtags = h.optional("hashtags");
        urls = h.optional("urls");
    }

    @Override
    public Post map(CsvScanner row) throws BadRow {
        String body = text(row, text);
        String retweetOf = optional(row, retweetId);
        if (retweetOf == null && isTrue(optional(row, isRetweet))) {
            retweetOf = RetweetKeys.fromText(body);
        }
        return new Post(
                required(row, tweetId, "tweetid", "an id"),
                required(row, userId, "userid", "an account id"),
                row.time(tweetTime, "column 'tweet_time'"),
                body,
                retweetOf,
                optional(row, replyTo),
                Tokens.bracketList(optional(row, urls)),
                Tokens.bracketList(optional(row, hashtags)),
                optional(row, language));
    }

    private static boolean isTrue(String v) {
        return v != null && (v.equals("1") || v.toLowerCase(Locale.ROOT).equals("true"));
    }
}
