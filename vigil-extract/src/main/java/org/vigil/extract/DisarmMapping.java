package org.vigil.extract;

import org.vigil.model.Technique;
import org.vigil.model.VigilException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** Vigil technique to DISARM technique id, from the CC BY-SA data file {@code disarm/technique-map.tsv}. */
public final class DisarmMapping {
    /** A DISARM technique; both fields are null for a technique with no DISARM equivalent. */
    public record DisarmTechnique(String id, String name) {
    }

    private static final Map<Technique, DisarmTechnique> MAP = load();

    private DisarmMapping() {
    }

    public static DisarmTechnique of(Technique t) {
        return MAP.getOrDefault(t, new DisarmTechnique(null, null));
    }

    private static Map<Technique, DisarmTechnique> load() {
        Map<Technique, DisarmTechnique> map = new EnumMap<>(Technique.class);
        try (InputStream in = DisarmMapping.class.getResourceAsStream("disarm/technique-map.tsv")) {
            if (in == null) {
                throw new VigilException("disarm/technique-map.tsv is missing from the classpath; rebuild vigil-extract");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String id = f.length > 1 && !f[1].isBlank() ? f[1].trim() : null;
                String name = f.length > 2 && !f[2].isBlank() ? f[2].trim() : null;
                map.put(Technique.fromWire(f[0]), new DisarmTechnique(id, name));
            }
        } catch (IOException e) {
            throw new VigilException("cannot read disarm/technique-map.tsv: " + e.getMessage(), e);
        }
        return map;
    }
}
