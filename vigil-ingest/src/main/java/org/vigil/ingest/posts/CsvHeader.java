package org.vigil.ingest.posts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.model.VigilException;

/**
 * The column names of a CSV header, looked up case-insensitively. Mappers find their columns by
 * name, so reordered or extra columns are fine; a missing required column fails the whole file
 * once, with a message naming it, instead of failing every row.
 */
final class CsvHeader {
    /** Longest header a message echoes; the file is named, so the rest can be looked up there. */
    static final int SHOWN_LIMIT = 200;

    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> missing = new ArrayList<>();

    CsvHeader(List<String> rawNames) {
        List<String> cleaned = new ArrayList<>(rawNames.size());
        for (String raw : rawNames) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            cleaned.add(name);
            index.putIfAbsent(name, cleaned.size() - 1);
        }
        this.names = List.copyOf(cleaned);
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    boolean has(String name) {
        return index.containsKey(name);
    }

    /** Index of a column the format cannot do without; remembered as missing when absent. */
    int required(String name) {
        Integer i = index.get(name);
        if (i == null) {
            missing.add(name);
            return -1;
        }
        return i;
    }

    /** Index of a column the format can do without, or -1. */
    int optional(String name) {
        return index.getOrDefault(name, -1);
    }

    /** Throws when any {@link #required} column was absent. */
    void check(Path file, PostFormat format) {
        if (!missing.isEmpty()) {
            throw new VigilException(file + ":1: the header lacks column(s) " + String.join(", ", missing)
                    + " that format " + format.cliName() + " needs (header: " + shown()
                    + "); fix the header or pass another --format");
        }
    }

    /**
     * The header on one line, as a message shows it: a quoted name may hold line breaks, written here
     * as {@code \r} and {@code \n}, and a header of any length is cut to {@link #SHOWN_LIMIT} characters.
     */
    private String shown() {
        String s = String.join(",", names).replace("\r", "\\r").replace("\n", "\\n");
        return s.length() > SHOWN_LIMIT ? s.substring(0, SHOWN_LIMIT) + "…" : s;
    }
}
