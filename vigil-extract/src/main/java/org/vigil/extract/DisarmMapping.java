package org.vigil.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigil.model.Technique;
import org.vigil.model.VigilException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vigil technique to DISARM technique (and ATT&CK technique where one applies). The choice of
 * technique is {@code disarm/technique-map.tsv}; everything else about a DISARM technique (name,
 * tactic, the id of its STIX object) comes from {@code disarm/disarm-techniques.tsv}, which
 * {@link #main} generates from DISARM's own STIX bundle, so no DISARM id or name is typed by hand.
 * Both files are CC BY-SA 4.0 (see {@code disarm/LICENSE.md}).
 */
public final class DisarmMapping {
    /** A DISARM technique as published; {@code parentId} is null for a top-level technique. */
    public record DisarmEntry(String id, String name, String tacticId, String tacticName, String parentId, String stixId) {
    }

    /**
     * What a Vigil technique is reported as. {@code id} and {@code name} are the DISARM technique's,
     * both null for a technique with no DISARM equivalent; {@code attackId} is the MITRE ATT&CK
     * technique id, null where none applies.
     */
    public record DisarmTechnique(String id, String name, String attackId, DisarmEntry entry) {
        public DisarmTechnique(String id, String name) {
            this(id, name, null, null);
        }
    }

    static final String TABLE = "disarm/disarm-techniques.tsv";
    static final String MAP_FILE = "disarm/technique-map.tsv";
    private static final String TABLE_HEADER = "disarm_id\tname\ttactic_id\ttactic_name\tparent_id\tstix_id";

    private static final Map<String, DisarmEntry> ENTRIES = loadTable();
    private static final Map<Technique, DisarmTechnique> MAP = loadMap(ENTRIES);

    private DisarmMapping() {
    }

    public static DisarmTechnique of(Technique t) {
        return MAP.getOrDefault(t, new DisarmTechnique(null, null));
    }

    /** The DISARM technique with this id ({@code T0089.001}), if the shipped table has it. */
    public static Optional<DisarmEntry> entry(String disarmId) {
        return Optional.ofNullable(ENTRIES.get(disarmId));
    }

    /** Every technique of the shipped DISARM table, in its order. */
    public static List<DisarmEntry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    private static BufferedReader open(String name) {
        InputStream in = DisarmMapping.class.getResourceAsStream(name);
        if (in == null) {
            throw new VigilException(name + " is missing from the classpath; rebuild vigil-extract");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static Map<String, DisarmEntry> loadTable() {
        Map<String, DisarmEntry> map = new LinkedHashMap<>();
        try (BufferedReader r = open(TABLE)) {
            String header = r.readLine();
            if (!TABLE_HEADER.equals(header)) {
                throw new VigilException(TABLE + " line 1: expected the header '" + TABLE_HEADER.replace('\t', ' ')
                        + "'; regenerate it with DisarmMapping's main");
            }
            int line = 1;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                String[] f = s.split("\t", -1);
                if (f.length != 6) {
                    throw new VigilException(TABLE + " line " + line + ": expected 6 columns, found " + f.length
                            + "; regenerate it with DisarmMapping's main");
                }
                map.put(f[0], new DisarmEntry(f[0], f[1], f[2], f[3], f[4].isEmpty() ? null : f[4], f[5]));
            }
        } catch (IOException e) {
            throw new VigilException("cannot read " + TABLE + ": " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<Technique, DisarmTechnique> loadMap(Map<String, DisarmEntry> entries) {
        Map<Technique, DisarmTechnique> map = new EnumMap<>(Technique.class);
        try (BufferedReader r = open(MAP_FILE)) {
            int line = 0;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                if (s.isBlank() || s.startsWith("#")) {
                    continue;
                }
                String[] f = s.split("\t", -1);
                Technique t;
                try {
                    t = Technique.fromWire(f[0]);
                } catch (IllegalArgumentException e) {
                    throw new VigilException(MAP_FILE + " line " + line + ": '" + f[0] + "' is not a Vigil technique");
                }
                String id = f.length > 1 && !f[1].isBlank() ? f[1].trim() : null;
                String attack = f.length > 2 && !f[2].isBlank() ? f[2].trim() : null;
                DisarmEntry e = id == null ? null : entries.get(id);
                if (id != null && e == null) {
                    throw new VigilException(MAP_FILE + " line " + line + ": DISARM has no technique " + id
                            + "; use an id from " + TABLE);
                }
                map.put(t, new DisarmTechnique(id, e == null ? null : e.name(), attack, e));
            }
        } catch (IOException e) {
            throw new VigilException("cannot read " + MAP_FILE + ": " + e.getMessage(), e);
        }
        return map;
    }

    /** The rows of {@code disarm-techniques.tsv} generated from DISARM's STIX bundle (header first). */
    static List<String> tableFromBundle(InputStream disarmBundle) throws IOException {
        JsonNode objects = new ObjectMapper().readTree(disarmBundle).path("objects");
        Map<String, String[]> tactics = new HashMap<>(); // shortname -> id, name
        for (JsonNode o : objects) {
            if (o.path("type").asText().equals("x-mitre-tactic")) {
                tactics.put(o.path("x_mitre_shortname").asText(),
                        new String[] {o.path("external_references").path(0).path("external_id").asText(), o.path("name").asText()});
            }
        }
        List<String> rows = new ArrayList<>();
        for (JsonNode o : objects) {
            if (!o.path("type").asText().equals("attack-pattern")) {
                continue;
            }
            String id = o.path("external_references").path(0).path("external_id").asText();
            String[] tactic = tactics.getOrDefault(o.path("kill_chain_phases").path(0).path("phase_name").asText(), new String[] {"", ""});
            String parent = id.contains(".") ? id.substring(0, id.indexOf('.')) : "";
            rows.add(String.join("\t", id, clean(o.path("name").asText()), tactic[0], clean(tactic[1]), parent, o.path("id").asText()));
        }
        rows.sort(null);
        rows.add(0, TABLE_HEADER);
        return rows;
    }

    private static String clean(String s) {
        return s.replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    /**
     * Regenerates the technique table: {@code DisarmMapping DISARM.json OUT.tsv}, e.g. with
     * {@code ../shared/reference/disarm/DISARM.json} and
     * {@code vigil-extract/src/main/resources/org/vigil/extract/disarm/disarm-techniques.tsv}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DisarmMapping DISARM.json OUT.tsv");
            System.exit(2);
        }
        List<String> rows;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            rows = tableFromBundle(in);
        }
        try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (String row : rows) {
                w.write(row);
                w.write('\n');
            }
        }
        System.out.println(args[1] + ": " + (rows.size() - 1) + " techniques");
    }
}
