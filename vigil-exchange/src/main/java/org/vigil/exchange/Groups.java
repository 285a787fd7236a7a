package org.vigil.exchange;

import org.vigil.model.VigilException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The named groups of {@code groups.tsv}, found by any of their names (case-insensitive). */
final class Groups {
    /** A group under the name Vigil exports it as; {@code attackId} is null when ATT&CK does not track it. */
    record Group(String name, String state, String attackId, List<String> aliases) {
    }

    private static final Map<String, Group> BY_NAME = load();

    private Groups() {
    }

    /** The group a mention names, or a group of its own (no aliases) when the table does not know it. */
    static Group of(String mention, String state) {
        Group g = BY_NAME.get(mention.toLowerCase(Locale.ROOT));
        return g != null ? g : new Group(mention, state, null, List.of());
    }

    private static Map<String, Group> load() {
        Map<String, Group> map = new HashMap<>();
        try (InputStream in = Groups.class.getResourceAsStream("groups.tsv")) {
            if (in == null) {
                throw new VigilException("org/vigil/exchange/groups.tsv is missing from the classpath; rebuild vigil-exchange");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int line = 0;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                if (s.isBlank() || s.startsWith("#")) {
                    continue;
                }
                String[] f = s.split("\t", -1);
                if (f.length != 4) {
                    throw new VigilException("groups.tsv line " + line + ": expected 4 tab-separated columns, found " + f.length);
                }
                List<String> aliases = new ArrayList<>();
                for (String a : f[3].split(";")) {
                    if (!a.isBlank()) {
                        aliases.add(a.strip());
                    }
                }
                Group g = new Group(f[0], f[1], f[2].isBlank() ? null : f[2], List.copyOf(aliases));
                map.put(g.name().toLowerCase(Locale.ROOT), g);
                for (String a : aliases) {
                    map.putIfAbsent(a.toLowerCase(Locale.ROOT), g);
                }
            }
        } catch (IOException e) {
            throw new VigilException("cannot read groups.tsv: " + e.getMessage(), e);
        }
        return map;
    }
}
