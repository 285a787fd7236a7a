package org.vigil.ingest.posts;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.vigil.model.Post;
import org.vigil.model.Problem;
import org.vigil.model.VigilException;

/**
 * Reads a JSON-lines post file line by line; blank lines are not records. A first line that is
 * not a JSON object fails the file, since the format was then surely given wrongly.
 */
final class JsonlPostReader {
    private JsonlPostReader() {
    }

    static ReadSummary read(Path file, PostFormat format, Consumer<Post> sink, Consumer<Problem> quarantine) {
        Tally tally = new Tally(file, sink, quarantine);
        JsonPostParser parser = format == PostFormat.TWARC2_JSONL ? new TwarcTweetParser() : new VigilJsonParser();
        PostInput input = PostInput.open(file);
        try (BufferedReader in = new BufferedReader(input.reader(), 1 << 16)) {
            long number = 0;
            boolean first = true;
            while (true) {
                String line;
                try {
                    line = in.readLine();
                } catch (IOException e) {
                    tally.reject(number + 1, "the input ends abruptly (" + e.getMessage()
                            + "); the lines before this one were read; fetch or decompress the file again", "");
                    break;
                }
                if (line == null) {
                    break;
                }
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (first) {
                    first = false;
                    refuseNonJson(file, format, number, line);
                }
                parser.parseLine(line, number, tally);
            }
            if (input.truncation() != null) {
                tally.reject(number + 1, PostInput.cutShort(input, "line"), input.fragment());
            }
        } catch (IOException e) {
            throw PostInput.unreadable(file, e);
        }
        return tally.summary(format);
    }

    /** A CSV file read with a JSON format would otherwise yield one problem per line. */
    private static void refuseNonJson(Path file, PostFormat format, long number, String line) {
        if (!line.stripLeading().startsWith("{")) {
            String shown = line.length() > 80 ? line.substring(0, 80) + "…" : line;
            throw new VigilException(file + ":" + number + ": format " + format.cliName() + " needs one JSON object per"
                    + " line, but the first line is '" + shown + "'; pass the right --format or leave it out to detect it");
        }
    }
}
