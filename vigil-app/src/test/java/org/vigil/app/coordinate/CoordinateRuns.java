package org.vigil.app.coordinate;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers for the end-to-end tests: run the command, read its CSV output. */
final class CoordinateRuns {
    record Outcome(int exit, String err) {
    }

    private CoordinateRuns() {
    }

    static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CoordinateCommand());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int exit = cl.execute(args);
        return new Outcome(exit, err.toString());
    }

    /** Rows of a simple CSV written by Vigil (cells quoted only when needed), header included, as maps. */
    static List<Map<String, String>> csv(Path file) throws Exception {
        List<String[]> rows = new ArrayList<>();
        String all = Files.readString(file);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < all.length() && all.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                continue; // CRLF files (Python's csv module writes them)
            } else if (c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(cells.toArray(new String[0]));
                cells.clear();
            } else {
                cell.append(c);
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < rows.get(0).length; i++) {
                m.put(rows.get(0)[i], i < rows.get(r).length ? rows.get(r)[i] : "");
            }
            out.add(m);
        }
        return out;
    }
}
