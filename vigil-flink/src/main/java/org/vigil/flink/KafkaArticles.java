package org.vigil.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.vigil.ingest.news.NewsBatch;
import org.vigil.ingest.news.NewsIngest;
import org.vigil.model.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * News articles from Kafka, one per record. A record's value is a UTF-8 JSON object:
 * {@code {"doc", "url", "title", "published", "html" | "text"}}, the fields of a line of a news
 * {@code .jsonl} file plus {@code doc}, the name the article goes by in the output. {@code doc} may be
 * left out when {@code url} is given (the url names it then, as in a {@code .jsonl} file); one of
 * {@code html} and {@code text} is required. The record key is not read.
 *
 * <p>The source only passes the bytes on, with the record's topic, partition and offset; the slots
 * read them ({@link #read}) with {@link NewsIngest#readRecord}, the code that reads a {@code .jsonl}
 * line. A bad record becomes a problem naming its topic, partition and offset.
 */
final class KafkaArticles implements KafkaRecordDeserializationSchema<NewsJob.NewsInput> {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FORMAT = "produce one JSON object per record: {\"doc\", \"url\", \"title\", \"published\","
            + " \"html\" or \"text\"}";

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<NewsJob.NewsInput> out) {
        out.collect(NewsJob.NewsInput.record(origin(record.topic(), record.partition(), record.offset()), record.value()));
    }

    @Override
    public TypeInformation<NewsJob.NewsInput> getProducedType() {
        return TypeInformation.of(NewsJob.NewsInput.class);
    }

    static String origin(String topic, int partition, long offset) {
        return "kafka " + topic + " partition " + partition + " offset " + offset;
    }

    /**
     * The article in one record's {@code value}, read as ingest reads a {@code .jsonl} line; what is wrong
     * with a bad record goes to {@code quarantine}, named by {@code origin}. Never throws for bad input.
     */
    static NewsBatch read(NewsIngest ingest, byte[] value, String origin, Consumer<Problem> quarantine) {
        String bad = null;
        JsonNode node = null;
        String doc = null;
        long limit = 2 * ingest.maxBytes();
        if (value == null) {
            bad = "empty record (no value; a deletion marker?), no article in it; " + FORMAT;
        } else if (value.length > limit) {
            bad = "the record is " + size(value.length) + ", over " + size(limit) + " (twice ingest.news.max.bytes, the largest"
                    + " page read, to allow for JSON escaping); not read, since a cut page would lose its end: split the page"
                    + " or raise the limit";
        } else if (new String(value, StandardCharsets.UTF_8).isBlank()) {
            bad = "empty record (" + (value.length == 0 ? "no bytes" : value.length + " blank bytes") + "), no article in it; " + FORMAT;
        } else {
            try {
                node = JSON.readTree(value);
            } catch (IOException e) {
                bad = "not JSON (" + firstLine(e.getMessage()) + "); " + FORMAT;
            }
            if (bad == null && (node == null || !node.isObject())) {
                bad = "not a JSON object; " + FORMAT;
            }
            if (bad == null) {
                doc = text(node, "doc");
                if (doc == null) {
                    doc = text(node, "url");
                }
                if (doc == null) {
                    bad = "the record has neither 'doc' nor 'url', so its article would have no name in the output;"
                            + " add \"doc\" (a name unique in the topic) or the page's \"url\"";
                }
            }
        }
        if (bad != null) {
            quarantine.accept(new Problem(origin, 0, bad, value == null ? "" : clip(value)));
            return new NewsBatch(List.of(), List.of());
        }
        return ingest.readRecord(node, doc, origin, quarantine);
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static String firstLine(String s) {
        String first = s == null ? "unreadable" : s.lines().findFirst().orElse("").strip();
        return first.length() > 160 ? first.substring(0, 160) + "..." : first;
    }

    private static String clip(byte[] value) {
        return new String(value, 0, Math.min(value.length, 10_000), StandardCharsets.UTF_8);
    }
}
