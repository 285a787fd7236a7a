package org.vigil.ingest.posts;

import java.util.Set;

/** Tells a post format from a CSV header or from the top-level field names of a JSON record. */
final class FormatDetection {
    /** What each format's header or record must hold, for messages. */
    static final String EXPECTED = "vigil-csv (post_id,account_id,timestamp,...), qut (message_id,user_id,...,timestamp,urls),"
            + " io-archive (tweetid,userid,...,tweet_time,...), ira (tweet_seq,author_id,...,content),"
            + " coortweet (object_id,account_id,content_id,timestamp_share),"
            + " coortweet-german (account_id,post_id,url_id,...,timestamp),"
            + " vigil-jsonl ({\"post_id\":...}), twarc2 ({\"data\":[...]} pages or flattened tweets)";

    private FormatDetection() {
    }

    /** The CSV format whose columns the header holds, or null. */
    static PostFormat fromCsvHeader(CsvHeader h) {
        if (h.has("tweet_seq") && h.has("author_id") && h.has("content")) {
            return PostFormat.IRA_CSV;
        }
        if (h.has("tweetid") && h.has("userid") && h.has("tweet_time")) {
            return PostFormat.IO_ARCHIVE_CSV;
        }
        if (h.has("object_id") && h.has("account_id") && h.has("content_id") && h.has("timestamp_share")) {
            return PostFormat.COORTWEET_CSV;
        }
        if (h.has("account_id") && h.has("post_id") && h.has("timestamp")
                && (h.has("url_id") || h.has("hashtag_id") || h.has("domain_id") || h.has("phash_id"))) {
            return PostFormat.COORTWEET_GERMAN_CSV;
        }
        if (h.has("post_id") && h.has("account_id") && h.has("timestamp")) {
            return PostFormat.VIGIL_CSV;
        }
        if (h.has("message_id") && h.has("user_id") && h.has("timestamp")) {
            return PostFormat.QUT_CSV;
        }
        return null;
    }

    /** The JSON-lines format of a record with these top-level field names, or null. */
    static PostFormat fromJsonFields(Set<String> names) {
        if (names.contains("post_id")) {
            return PostFormat.VIGIL_JSONL;
        }
        // a twarc2 page may hold only errors and meta when none of the requested tweets exist
        if (names.contains("data") || names.contains("includes") || names.contains("meta")
                || names.contains("author_id") || names.contains("edit_history_tweet_ids")
                || (names.contains("id") && names.contains("text"))) {
            return PostFormat.TWARC2_JSONL;
        }
        return null;
    }
}
