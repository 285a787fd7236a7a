package org.vigil.extract.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigil.model.VigilException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The gold annotation of one article (ANNOTATION.md): what training labels candidates with. */
public record Gold(String doc, List<Item> claims, List<Item> incidents) {
    /**
     * One gold claim or incident. For a claim {@code who} is the holder, {@code what} the target
     * ({@code *} for no preference) and {@code kind} the stance; for an incident {@code who} is the
     * actor and {@code kind} the technique.
     */
    public record Item(String who, String what, String kind, String evidence, boolean optional) {
        public String key() {
            return who + "|" + what + "|" + kind;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads gold files; the same doc in several files is merged, as the corpus scorer does. */
    public static Map<String, Gold> read(List<Path> files) {
        Map<String, List<Item>> claims = new LinkedHashMap<>();
        Map<String, List<Item>> incidents = new LinkedHashMap<>();
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode o;
                    try {
                        o = JSON.readTree(line);
                    } catch (IOException e) {
                        throw new VigilException(f + ":" + n + ": not JSON (" + e.getMessage() + "); fix or remove the line");
                    }
                    String doc = o.path("doc").asText("");
                    if (doc.isEmpty()) {
                        throw new VigilException(f + ":" + n + ": no 'doc' field; every gold line names its article");
                    }
                    doc = Path.of(doc).getFileName().toString();
                    List<Item> cs = claims.computeIfAbsent(doc, k -> new ArrayList<>());
                    for (JsonNode c : o.path("claims")) {
                        String stance = c.path("stance").asText("").toLowerCase(Locale.ROOT);
                        String target = stance.equals("none") ? "*" : c.path("target").asText("").toLowerCase(Locale.ROOT);
                        cs.add(new Item(c.path("holder").asText("").toUpperCase(Locale.ROOT), target, stance,
                                c.path("evidence").asText(""), c.path("optional").asBoolean(false)));
                    }
                    List<Item> is = incidents.computeIfAbsent(doc, k -> new ArrayList<>());
                    for (JsonNode c : o.path("incidents")) {
                        is.add(new Item(c.path("actor").asText("").toUpperCase(Locale.ROOT), "", c.path("technique").asText("").toLowerCase(Locale.ROOT),
                                c.path("evidence").asText(""), c.path("optional").asBoolean(false)));
                    }
                }
            } catch (IOException e) {
                throw new VigilException("cannot read gold file " + f + ": " + e.getMessage());
            }
        }
        Map<String, Gold> out = new LinkedHashMap<>();
        for (String doc : claims.keySet()) {
            out.put(doc, new Gold(doc, claims.get(doc), incidents.getOrDefault(doc, List.of())));
        }
        return out;
    }

    /** True when a sentence of the article is the gold evidence sentence (allowing for cleaning and truncation). */
    public static boolean sameSentence(String sentence, String evidence) {
        String s = norm(sentence);
        String e = norm(evidence);
        if (e.isEmpty() || s.isEmpty()) {
            return false;
        }
        if (s.contains(e.substring(0, Math.min(e.length(), 80))) || (s.length() >= 30 && e.contains(s))) {
            return true;
        }
        java.util.Set<String> et = new java.util.HashSet<>(List.of(e.split(" ")));
        java.util.Set<String> st = new java.util.HashSet<>(List.of(s.split(" ")));
        int common = 0;
        for (String t : et) {
            if (st.contains(t)) {
                common++;
            }
        }
        return common >= 0.7 * et.size() && common >= 0.5 * st.size();
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'').replaceAll("[^\\p{L}\\p{N}']+", " ").trim();
    }
}
