package org.vigil.ingest.posts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.model.Post;
import org.vigil.model.Problem;
import org.vigil.model.VigilException;

/**
 * Reads social-media post exports into {@link Post}s, streaming: one record in memory at a time
 * (one response page for twarc2), so file size does not matter.
 *
 * <p>Every format: gzip is recognised by its magic bytes whatever the file is called; text is
 * UTF-8 (a byte-order mark is skipped; invalid bytes become U+FFFD); blank lines are not records;
 * CSV files need a header row, and columns are found by name, so order and extra columns do not
 * matter. How each format maps onto a {@code Post} is in {@code docs/formats.md} and in the
 * javadoc of {@link PostFormat}'s constants.
 *
 * <p>Bad records never stop a read. Each one (wrong column count, broken quoting, control
 * characters, a missing id or account id, an unparseable time, broken JSON) goes to the
 * quarantine consumer as a {@link Problem} with the file, the 1-based line on which the record
 * starts, a one-line reason and the raw text, is counted in {@link ReadSummary#bad()}, and reading
 * goes on with the next record. A quoted CSV field that does not close within 1,000 lines or
 * 1,048,576 characters costs only the line where it opened; the lines after it are read again.
 *
 * <p>Posts reach the sink in file order. Duplicate post ids are passed through as they come:
 * deduplicating is the detector's job (the CooRTweet formats legitimately repeat a post id, one row
 * per shared object).
 */
public final class PostReaders {
    private static final int DETECT_MAX_LINES = 20;

    private PostReaders() {
    }

    /**
     * The format of {@code file}, from its CSV header or its first JSON record (gzip transparent).
     *
     * @throws VigilException naming the file and the known formats when none matches, or when the
     *                        file cannot be read or is empty
     */
    public static PostFormat detect(Path file) {
        try (BufferedReader in = new BufferedReader(PostInput.open(file).reader())) {
            String first = null;
            int seen = 0;
            for (String line; (line = in.readLine()) != null; ) {
                if (seen == 0 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                seen++;
                if (!line.isBlank()) {
                    first = line;
                    break;
                }
            }
            if (first == null) {
                throw new VigilException(file + ": the file is empty, so its post format cannot be told;"
                        + " check the file or pass --format NAME (" + PostFormat.names() + ")");
            }
            String head = first.stripLeading();
            PostFormat found;
            if (head.startsWith("{")) {
                found = detectJson(first, in);
            } else if (head.startsWith("[")) {
                throw new VigilException(file + ": holds a JSON array; Vigil reads JSON lines (one object per"
                        + " line): convert it first, e.g. jq -c '.[]'");
            } else {
                found = detectCsv(first);
            }
            if (found == null) {
                throw new VigilException(file + ": unknown post format, first line '" + shorten(first)
                        + "'; expected the header or record of one of: " + FormatDetection.EXPECTED
                        + "; or pass --format NAME");
            }
            return found;
        } catch (IOException e) {
            throw PostInput.unreadable(file, e);
        }
    }

    /**
     * Streams every good record of {@code file} to {@code sink} in file order and every bad one to
     * {@code quarantine}; see the class comment for what counts as bad.
     *
     * @param formatOrNull the format, or null to {@linkplain #detect detect} it
     * @throws VigilException only when the file cannot be read at all: missing or unreadable, a
     *                        format that cannot be detected, or a CSV header lacking a column the
     *                        format needs. A file cut short mid-way is one more bad record instead.
     */
    public static ReadSummary read(Path file, PostFormat formatOrNull, Consumer<Post> sink,
                                   Consumer<Problem> quarantine) {
        if (file == null) {
            throw new NullPointerException("The parameter 'file' must not be null.");
        }
        if (sink == null) {
            throw new NullPointerException("The parameter 'sink' must not be null.");
        }
        if (quarantine == null) {
            throw new NullPointerException("The parameter 'quarantine' must not be null.");
        }
        PostFormat format = formatOrNull != null ? formatOrNull : detect(file);
        return format.isJsonLines()
                ? JsonlPostReader.read(file, format, sink, quarantine)
                : CsvPostReader.read(file, format, sink, quarantine);
    }

    private static PostFormat detectCsv(String firstLine) throws IOException {
        try (CsvScanner row = new CsvScanner(new ByteArrayInputStream(firstLine.getBytes(StandardCharsets.UTF_8)))) {
            if (!row.next() || row.defect() != null) {
                return null;
            }
            return FormatDetection.fromCsvHeader(CsvPostReader.header(Path.of("header"), row));
        }
    }

    /** From the top-level field names of the first record that parses, within the first lines. */
    private static PostFormat detectJson(String first, BufferedReader rest) throws IOException {
        String line = first;
        for (int i = 0; line != null && i < DETECT_MAX_LINES; i++, line = rest.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            Set<String> names = topLevelNames(line);
            if (names != null) {
                return FormatDetection.fromJsonFields(names);
            }
        }
        return null;
    }

    private static Set<String> topLevelNames(String line) throws IOException {
        try (JsonParser p = JsonLines.FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Set<String> names = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                names.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
            return names;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
