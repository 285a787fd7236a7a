package org.vigil.ingest.posts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.vigil.model.VigilException;

/**
 * The social-media post formats Vigil reads. Each has a short name for the command line
 * ({@link #cliName()}); {@link #fromName(String)} also accepts a few aliases and the constant names.
 * The mapping of each format onto {@link org.vigil.model.Post} is described in {@code docs/formats.md}.
 */
public enum PostFormat {
    /** Vigil's own CSV: {@code post_id,account_id,timestamp,text,retweet_of,reply_to,urls,hashtags,lang}. */
    VIGIL_CSV("vigil-csv", false, "vigil"),
    /** Vigil's own JSON lines: the same field names, {@code urls} and {@code hashtags} as arrays. */
    VIGIL_JSONL("vigil-jsonl", true, "vigil-json"),
    /** Twitter API v2 JSON lines as twarc2 writes them, raw response pages or flattened tweets. */
    TWARC2_JSONL("twarc2", true, "twarc", "twarc2-jsonl", "twitter-v2"),
    /** X/Twitter information-operations archive CSV ({@code tweetid,userid,...,tweet_time,...}). */
    IO_ARCHIVE_CSV("io-archive", false, "io", "twitter-io", "io-archive-csv"),
    /** QUT Coordination Network Toolkit CSV ({@code message_id,user_id,username,repost_id,reply_id,message,timestamp,urls}). */
    QUT_CSV("qut", false, "qut-csv"),
    /** CooRTweet share table ({@code object_id,account_id,content_id,timestamp_share}). */
    COORTWEET_CSV("coortweet", false, "coortweet-csv"),
    /** FiveThirtyEight IRA troll tweets as re-split by author ({@code tweet_seq,author_id,...,content}). */
    IRA_CSV("ira", false, "ira-csv"),
    /** CooRTweet's German-election table ({@code account_id,post_id,url_id,hashtag_id,domain_id,phash_id,timestamp}). */
    COORTWEET_GERMAN_CSV("coortweet-german", false, "german", "coortweet-german-csv");

    private final String cliName;
    private final boolean jsonLines;
    private final List<String> aliases;

    PostFormat(String cliName, boolean jsonLines, String... aliases) {
        this.cliName = cliName;
        this.jsonLines = jsonLines;
        this.aliases = List.of(aliases);
    }

    /** The name used on the command line, e.g. {@code qut} or {@code io-archive}. */
    public String cliName() {
        return cliName;
    }

    /** True for the line-delimited JSON formats, false for the CSV ones. */
    public boolean isJsonLines() {
        return jsonLines;
    }

    /**
     * The format with this name: a {@linkplain #cliName() command-line name}, an alias, or the
     * constant name, ignoring case and treating {@code _} like {@code -}.
     *
     * @throws VigilException naming the accepted names when none matches
     */
    public static PostFormat fromName(String s) {
        if (s == null) {
            throw new VigilException("The parameter 'name' must not be null; use one of: " + names());
        }
        String wanted = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (PostFormat f : values()) {
            if (f.cliName.equals(wanted) || f.aliases.contains(wanted)
                    || f.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(wanted)) {
                return f;
            }
        }
        throw new VigilException("unknown post format '" + s + "'; use one of: " + names());
    }

    /** The command-line names of all formats, comma separated, for messages. */
    static String names() {
        return Arrays.stream(values()).map(PostFormat::cliName).collect(Collectors.joining(", "));
    }
}
