package org.vigil.ingest.posts;

import static org.vigil.ingest.posts.CsvPostMapper.required;

import java.util.List;
import org.vigil.model.Post;

/**
 * CooRTweet's share table {@code object_id,account_id,content_id,timestamp_share}: one row per
 * share of an object. {@code content_id} becomes the post id. The object is what was shared:
 * a URL ({@code http(s)://...} or {@code www.}) goes to {@code urls}, a {@code #tag} to
 * {@code hashtags}, anything else is the id of a retweeted post and goes to {@code retweetOf},
 * except when it equals {@code content_id}, which marks an original. No text or language.
 */
final class CoorTweetCsvMapper implements CsvPostMapper {
    private final int objectId;
    private final int accountId;
    private final int contentId;
    private final int timestamp;

    CoorTweetCsvMapper(CsvHeader h) {
        objectId = h.required("object_id");
        accountId = h.required("account_id");
        contentId = h.required("content_id");
        timestamp = h.required("timestamp_share");
    }

    @Override
    public Post map(CsvScanner row) throws BadRow {
        String id = required(row, contentId, "content_id", "an id");
        String account = required(row, accountId, "account_id", "an account id");
        long time = row.time(timestamp, "column 'timestamp_share'");
        String object = required(row, objectId, "object_id", "the shared object");
        if (object.startsWith("http://") || object.startsWith("https://") || object.startsWith("www.")) {
            return new Post(id, account, time, null, null, null, List.of(object), List.of(), null);
        }
        if (object.startsWith("#")) {
            return new Post(id, account, time, null, null, null, List.of(), List.of(object), null);
        }
        String retweetOf = object.equals(id) ? null : object;
        return new Post(id, account, time, null, retweetOf, null, List.of(), List.of(), null);
    }
}
