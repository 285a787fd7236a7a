package org.vigil.ingest.posts;

import static org.vigil.ingest.posts.CsvPostMapper.optional;
import static org.vigil.ingest.posts.CsvPostMapper.required;

import java.util.ArrayList;
import java.util.List;
import org.vigil.model.Post;

/**
 * CooRTweet's anonymised German-election table
 * {@code account_id,post_id,url_id,hashtag_id,domain_id,phash_id,timestamp}.
 *
 * <p>{@code url_id} goes to {@code urls} as is and {@code hashtag_id} to {@code hashtags}.
 * {@code phash_id} (a shared image) goes to {@code urls} as {@code phash:<id>}, so link-sharing
 * detectors see images as shared objects, as CooRTweet's own run on this data does, without an
 * image id ever equalling a URL id. {@code domain_id} is left out: a domain is a property of a
 * link, not a separate object, and listing it would make every two posts linking to the same site
 * look like a shared link. One post may span several rows (one per object); each row is one
 * {@code Post} with the same id, so deduplicate on (id, object), not on id alone.
 */
final class CoorTweetGermanCsvMapper implements CsvPostMapper {
    /** Prefix of an image hash id among the urls. */
    static final String PHASH_PREFIX = "phash:";

    private final int accountId;
    private final int postId;
    private final int urlId;
    private final int hashtagId;
    private final int phashId;
    private final int timestamp;

    CoorTweetGermanCsvMapper(CsvHeader h) {
        accountId = h.required("account_id");
        postId = h.required("post_id");
        timestamp = h.required("timestamp");
        urlId = h.optional("url_id");
        hashtagId = h.optional("hashtag_id");
        phashId = h.optional("phash_id");
    }

    @Override
    public Post map(CsvScanner row) throws BadRow {
        String id = required(row, postId, "post_id", "an id");
        String account = required(row, accountId, "account_id", "an account id");
        long time = row.time(timestamp, "column 'timestamp'");
        String url = optional(row, urlId);
        String phash = optional(row, phashId);
        String tag = optional(row, hashtagId);
        List<String> urls = url == null && phash == null ? List.of() : new ArrayList<>(2);
        if (url != null) {
            urls.add(url);
        }
        if (phash != null) {
            urls.add(PHASH_PREFIX + phash);
        }
        return new Post(id, account, time, null, null, null, urls, tag == null ? List.of() : List.of(tag), null);
    }
}
