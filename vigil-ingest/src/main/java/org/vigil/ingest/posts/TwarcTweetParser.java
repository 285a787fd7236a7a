package org.vigil.ingest.posts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vigil.model.Post;

/**
 * Twitter API v2 tweets as twarc2 writes them: either one raw response page per line
 * ({@code {"data":[tweets],"includes":{...},"meta":{...}}}, each tweet in {@code data} one
 * record) or one flattened tweet per line ({@code twarc2 flatten}). Tweets under
 * {@code includes} are the ones referenced by the collected tweets, not part of the collection,
 * and are not emitted. Read: {@code id}, {@code author_id} (or {@code author.id}),
 * {@code created_at}, {@code text} ({@code note_tweet.text} when present, the untruncated text of
 * a long tweet), {@code lang}, {@code referenced_tweets} of type {@code retweeted} and
 * {@code replied_to}, {@code entities.urls[].expanded_url} (else {@code url}) and
 * {@code entities.hashtags[].tag}.
 *
 * <p>A line that is not valid JSON is one bad record; a page is emitted only when the whole line
 * parsed, so a broken page never yields half its tweets. A bad tweet inside a good page is one bad
 * record whose raw text is that tweet's JSON; so is a {@code data} that is not a list (or a tweet),
 * and each item of {@code data} that is not an object.
 */
final class TwarcTweetParser implements JsonPostParser {

    /** The fields of one tweet as they are met in the stream. */
    private static final class Tweet {
        String id;
        String authorId;
        String createdAt;
        String text;
        String noteText;
        String lang;
        String retweetOf;
        String replyTo;
        List<String> urls;
        List<String> hashtags;
        String raw;
    }

    @Override
    public void parseLine(String line, long lineNumber, Tally tally) {
        List<Tweet> page = null;
        List<String> notTweets = new ArrayList<>();
        Tweet single = new Tweet();
        try (JsonParser p = JsonLines.FACTORY.createParser(line)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                tally.reject(lineNumber, "expected one JSON object per line (a tweet or a twarc2 response page) but found "
                        + JsonLines.describeStart(first), line);
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("data")) {
                    page = page == null ? new ArrayList<>() : page;
                    if (value == JsonToken.START_ARRAY) {
                        JsonToken t;
                        int item = 0;
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            item++;
                            if (t == JsonToken.START_OBJECT) {
                                page.add(readTweet(p, line));
                            } else {
                                notTweets.add("item " + item + " of 'data' is " + JsonLines.describeStart(t)
                                        + ", not a tweet object; the page's other tweets were read");
                                p.skipChildren();
                            }
                        }
                    } else if (value == JsonToken.START_OBJECT) {
                        page.add(readTweet(p, line));
                    } else {
                        notTweets.add("'data' is " + JsonLines.describeStart(value)
                                + ", not a list of tweets; expected a twarc2 response page {\"data\":[tweets],...}");
                        p.skipChildren();
                    }
                } else {
                    readField(single, name, p);
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
        for (String why : notTweets) {
            tally.reject(lineNumber, why, line);
        }
        if (page != null) {
            for (Tweet t : page) {
                emit(t, lineNumber, tally);
            }
        } else {
            single.raw = line;
            emit(single, lineNumber, tally);
        }
    }

    private static Tweet readTweet(JsonParser p, String line) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        Tweet t = new Tweet();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            readField(t, name, p);
        }
        int end = (int) p.currentLocation().getCharOffset();
        t.raw = start >= 0 && end > start && end <= line.length() ? line.substring(start, end) : line;
        return t;
    }

    private static void readField(Tweet t, String name, JsonParser p) throws IOException {
        switch (name) {
            case "id" -> t.id = JsonLines.scalar(p);
            case "author_id" -> t.authorId = JsonLines.scalar(p);
            case "created_at" -> t.createdAt = JsonLines.scalar(p);
            case "text" -> t.text = JsonLines.scalar(p);
            case "lang" -> t.lang = JsonLines.scalar(p);
            case "referenced_tweets" -> readReferences(t, p);
            case "entities" -> readEntities(t, p);
            case "note_tweet" -> t.noteText = fieldOf(p, "text");
            case "author" -> {
                String id = fieldOf(p, "id");
                if (t.authorId == null) {
                    t.authorId = id;
                }
            }
            default -> p.skipChildren();
        }
    }

    private static void readReferences(Tweet t, JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken tok;
        while ((tok = p.nextToken()) != JsonToken.END_ARRAY) {
            if (tok != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String type = null;
            String id = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "type" -> type = JsonLines.scalar(p);
                    case "id" -> id = JsonLines.scalar(p);
                    default -> p.skipChildren();
                }
            }
            if ("retweeted".equals(type)) {
                t.retweetOf = id;
            } else if ("replied_to".equals(type)) {
                t.replyTo = id;
            }
        }
    }

    private static void readEntities(Tweet t, JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "urls" -> t.urls = objectsField(p, "expanded_url", "url");
                case "hashtags" -> t.hashtags = objectsField(p, "tag", null);
                default -> p.skipChildren();
            }
        }
    }

    /** From an array of objects, each object's {@code field} (else {@code fallback}) value. */
    private static List<String> objectsField(JsonParser p, String field, String fallback) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        JsonToken tok;
        while ((tok = p.nextToken()) != JsonToken.END_ARRAY) {
            if (tok != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String value = null;
            String second = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals(field)) {
                    value = JsonLines.scalar(p);
                } else if (name.equals(fallback)) {
                    second = JsonLines.scalar(p);
                } else {
                    p.skipChildren();
                }
            }
            String v = value != null && !value.isBlank() ? value : second;
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    /** One scalar field of an object value, the rest skipped; null when the value is not an object. */
    private static String fieldOf(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals(field)) {
                value = JsonLines.scalar(p);
            } else {
                p.skipChildren();
            }
        }
        return value;
    }

    private static void emit(Tweet t, long lineNumber, Tally tally) {
        if (t.id == null || t.id.isBlank()) {
            tally.reject(lineNumber, "tweet has no 'id'; every post needs an id", t.raw);
            return;
        }
        if (t.authorId == null || t.authorId.isBlank()) {
            tally.reject(lineNumber, "tweet " + t.id + " has no 'author_id'; collect with the author_id field"
                    + " (twarc2 requests it by default)", t.raw);
            return;
        }
        long time;
        try {
            time = Timestamps.parse(t.createdAt, "field 'created_at'");
        } catch (BadRow bad) {
            tally.reject(lineNumber, "tweet " + t.id + ": " + bad.getMessage(), t.raw);
            return;
        }
        tally.accept(new Post(t.id.strip(), t.authorId.strip(), time, t.noteText != null ? t.noteText : t.text,
                t.retweetOf, t.replyTo, t.urls, t.hashtags, t.lang));
    }
}
