package org.vigil.ingest.posts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import org.vigil.model.Post;

/**
 * Vigil JSON lines: one object per line with the Vigil CSV field names, {@code urls} and
 * {@code hashtags} as arrays of strings, {@code timestamp} as epoch seconds (number or string) or
 * an ISO-8601 string. Unknown fields are ignored; null or missing optional fields mean none.
 */
final class VigilJsonParser implements JsonPostParser {

    @Override
    public void parseLine(String line, long lineNumber, Tally tally) {
        String postId = null;
        String accountId = null;
        String timestamp = null;
        String text = null;
        String retweetOf = null;
        String replyTo = null;
        String lang = null;
        List<String> urls = List.of();
        List<String> hashtags = List.of();
        String typeError = null;
        try (JsonParser p = JsonLines.FACTORY.createParser(line)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                tally.reject(lineNumber, "expected one JSON object per line but found " + JsonLines.describeStart(first), line);
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "post_id" -> postId = JsonLines.scalar(p);
                    case "account_id" -> accountId = JsonLines.scalar(p);
                    case "timestamp" -> timestamp = JsonLines.scalar(p);
                    case "text" -> text = JsonLines.scalar(p);
                    case "retweet_of" -> retweetOf = blankToNull(JsonLines.scalar(p));
                    case "reply_to" -> replyTo = blankToNull(JsonLines.scalar(p));
                    case "lang" -> lang = blankToNull(JsonLines.scalar(p));
                    case "urls", "hashtags" -> {
                        List<String> items = value == JsonToken.VALUE_NULL ? List.of() : JsonLines.stringArray(p);
                        if (items == null) {
                            typeError = "field '" + name + "' must be an array of strings";
                        } else if (name.equals("urls")) {
                            urls = items;
                        } else {
                            hashtags = items;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                tally.reject(lineNumber, "more than one JSON value on the line; write one object per line", line);
                return;
            }
        } catch (JsonProcessingException e) {
            tally.reject(lineNumber, JsonLines.describe(e), line);
            return;
        } catch (IOException e) {
            tally.reject(lineNumber, "unreadable JSON (" + e.getMessage() + "); fix or remove the line", line);
            return;
        }
        if (postId == null || postId.isBlank()) {
            tally.reject(lineNumber, "field 'post_id' is missing or empty; every post needs an id", line);
        } else if (accountId == null || accountId.isBlank()) {
            tally.reject(lineNumber, "field 'account_id' is missing or empty; every post needs an account id", line);
        } else if (typeError != null) {
            tally.reject(lineNumber, typeError, line);
        } else {
            try {
                long time = Timestamps.parse(timestamp, "field 'timestamp'");
                tally.accept(new Post(postId.strip(), accountId.strip(), time, text, retweetOf, replyTo, urls, hashtags, lang));
            } catch (BadRow bad) {
                tally.reject(lineNumber, bad.getMessage(), line);
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
