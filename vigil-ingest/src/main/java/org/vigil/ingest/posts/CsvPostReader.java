package org.vigil.ingest.posts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vigil.model.Post;
import org.vigil.model.Problem;
import org.vigil.model.VigilException;

/** Reads a CSV post file with a header row, one record at a time. */
final class CsvPostReader {
    private CsvPostReader() {
    }

    static ReadSummary read(Path file, PostFormat format, Consumer<Post> sink, Consumer<Problem> quarantine) {
        Tally tally = new Tally(file, sink, quarantine);
        PostInput input = PostInput.open(file);
        try (CsvScanner row = new CsvScanner(input.bytes())) {
            if (!row.next()) {
                return tally.summary(format);
            }
            CsvPostMapper mapper = CsvPostMapper.forFormat(format, header(file, row), file);
            while (true) {
                try {
                    if (!row.next()) {
                        break;
                    }
                } catch (IOException e) {
                    tally.reject(row.nextLineNumber(), "the input ends abruptly (" + e.getMessage()
                            + "); the rows before this line were read; fetch or decompress the file again", "");
                    break;
                }
                if (row.defect() != null) {
                    tally.reject(row.line(), row.defect(), row.raw());
                    continue;
                }
                Post post;
                try {
                    post = mapper.map(row);
                } catch (BadRow bad) {
                    tally.reject(row.line(), bad.getMessage(), row.raw());
                    continue;
                }
                tally.accept(post);
            }
            if (input.truncation() != null) {
                tally.reject(row.nextLineNumber(), PostInput.cutShort(input, "row"), input.fragment());
            }
        } catch (IOException e) {
            throw PostInput.unreadable(file, e);
        }
        return tally.summary(format);
    }

    /** The header of a scanner positioned on the first record; later records must match its width. */
    static CsvHeader header(Path file, CsvScanner row) {
        if (row.defect() != null) {
            throw new VigilException(file + ":" + row.line() + ": the header row is unreadable (" + row.defect()
                    + "); fix the first line");
        }
        List<String> names = new ArrayList<>(row.fieldCount());
        for (int i = 0; i < row.fieldCount(); i++) {
            names.add(row.field(i));
        }
        row.expectColumns(names.size());
        return new CsvHeader(names);
    }
}
