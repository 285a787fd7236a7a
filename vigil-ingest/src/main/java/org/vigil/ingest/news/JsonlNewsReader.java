package org.vigil.ingest.news;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams a JSONL file of news records {@code {url, title, published, html|text}}, one record per
 * line, each read like a file of its own. A bad line becomes a FAILED outcome naming
 * {@code file:line} and the rest of the file is still read.
 */
final class JsonlNewsReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NEWS_FIELDS = {"url", "title", "published", "html", "text"};

    /** Records carry text, not bytes: the byte cap is applied to characters, a close enough bound. */
    private final long maxChars;

    JsonlNewsReader(long maxChars) {
        this.maxChars = maxChars;
    }

    void read(Path file, NewsIngest.Sink sink) throws IOException {
        String origin = file.toString();
        String fileName = file.getFileName().toString();
        boolean gzip = fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
        long lineNo = 0;
        boolean sawNewsRecord = false;
        boolean sawRecord = false;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gzip ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                sawRecord = true;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    sink.outcome(origin, FileOutcome.Status.FAILED, lineNo, "not valid JSON ("
                            + firstLine(e.getOriginalMessage()) + "); fix or remove this line", line);
                    continue;
                }
                if (node == null || !node.isObject()) {
                    sink.outcome(origin, FileOutcome.Status.FAILED, lineNo,
                            "expected a JSON object {url, title, published, html|text}; fix or remove this line", line);
                    continue;
                }
                if (!sawNewsRecord && !hasAnyNewsField(node)) {
                    // Not a news file at all (an annotation file next to the articles, say):
                    // one outcome for the file beats one failure per line.
                    sink.outcome(origin, FileOutcome.Status.SKIPPED, 0, "not a news JSONL file: record at line "
                            + lineNo + " has none of url, title, published, html, text; leave this file out", line);
                    return;
                }
                sawNewsRecord = true;
                String url = textField(node, "url");
                readRecord(node, line, origin, lineNo, url != null ? url : fileName + "#" + lineNo, sink);
            }
        } catch (ZipException | EOFException e) {
            sawRecord = true;
            sink.outcome(origin, FileOutcome.Status.FAILED, lineNo + 1, "gzip data is corrupt or cut short after line "
                    + lineNo + " (" + NewsIngest.describe(e) + "); re-create the file to read the rest", "");
        }
        if (!sawRecord) {
            // found by fuzzing: a JSONL file of blank lines gave no outcome at all, so it vanished from the summary
            sink.outcome(origin, FileOutcome.Status.SKIPPED, 0, "no records: the file is empty or holds only blank lines;"
                    + " remove it or fetch it again", "");
        }
    }

    /**
     * One record, read into {@code sink} as an article named {@code doc}. {@code lineNo} is its line in
     * {@code origin}, or 0 when the record is not a line of a file (a message from a queue): then
     * {@code origin} alone names it.
     */
    void readRecord(JsonNode node, String line, String origin, long lineNo, String doc, NewsIngest.Sink sink) {
        String html = textField(node, "html");
        String text = textField(node, "text");
        if (html == null && text == null) {
            sink.outcome(origin, FileOutcome.Status.FAILED, lineNo,
                    "record has neither 'html' nor 'text'; add the page's HTML or text", line);
            return;
        }
        String url = textField(node, "url");
        String title = textField(node, "title");
        String publishedRaw = node.hasNonNull("published") ? node.get("published").asText() : null;
        LocalDate published = PublishedDates.parse(publishedRaw);
        String content = html != null ? html : text;
        String cut = "";
        if (content.length() > maxChars) {
            sink.outcome(origin, FileOutcome.Status.SKIPPED, lineNo, "the record's " + (html != null ? "html" : "text") + " is "
                    + content.length() + " characters, over the " + maxChars + " limit (ingest.news.max.bytes); not read, since a"
                    + " cut page would lose its end: split it or raise the limit", line);
            return;
        }
        content = TextDecoder.clean(content);
        String recordOrigin = lineNo > 0 ? origin + ":" + lineNo : origin;
        try {
            ArticleAssembler.Assembled a = ArticleAssembler.assemble(content, html != null,
                    new ArticleAssembler.Hints(url, title, published), doc, recordOrigin);
            String dateNote = publishedRaw != null && !publishedRaw.isBlank() && published == null
                    ? ", published '" + abbreviate(publishedRaw) + "' is not a date and was left empty" : "";
            if (a.article() == null) {
                sink.outcome(origin, FileOutcome.Status.SKIPPED, lineNo, a.note() + cut, line);
            } else {
                sink.article(a.article());
                sink.outcome(origin, FileOutcome.Status.OK, lineNo, a.note() + dateNote + cut, "");
            }
        } catch (RuntimeException | StackOverflowError e) {
            sink.outcome(origin, FileOutcome.Status.FAILED, lineNo, "could not be processed ("
                    + NewsIngest.describe(e) + "); please report this record to the Vigil developers", line);
        }
    }

    private static boolean hasAnyNewsField(JsonNode node) {
        for (String f : NEWS_FIELDS) {
            if (node.has(f)) {
                return true;
            }
        }
        return false;
    }

    private static String textField(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String first = s.lines().findFirst().orElse("").strip();
        return abbreviate(first);
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
