package org.vigil.coordination.characterise;

import org.vigil.model.VigilException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the small comma-separated data files: '#' starts a comment line, blank lines are skipped. */
final class DataFiles {
    /** One data row with its origin and line for messages. */
    record Row(String origin, int line, String[] cells) {
    }

    private DataFiles() {
    }

    static List<Row> resource(String name, int columns) {
        InputStream in = DataFiles.class.getResourceAsStream("/org/vigil/coordination/" + name);
        if (in == null) {
            throw new VigilException("the data file " + name + " is missing from vigil-coordination; rebuild the module");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return rows(r, "resource " + name, columns);
        } catch (IOException e) {
            throw new VigilException("cannot read data file " + name + ": " + e.getMessage(), e);
        }
    }

    static List<Row> file(Path path, int columns) {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return rows(r, path.toString(), columns);
        } catch (IOException e) {
            throw new VigilException(path + ": cannot read (" + e.getMessage() + "); check the path", e);
        }
    }

    private static List<Row> rows(BufferedReader r, String origin, int columns) throws IOException {
        List<Row> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = t.split(",", -1);
            if (cells.length != columns) {
                throw new VigilException(origin + ":" + n + ": expected " + columns + " comma-separated cells, found "
                        + cells.length + "; fix the row");
            }
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            out.add(new Row(origin, n, cells));
        }
        return out;
    }
}
