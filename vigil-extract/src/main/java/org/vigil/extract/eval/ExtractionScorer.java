package org.vigil.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigil.model.VigilException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores predicted claims and incidents against gold files exactly as the evaluation corpus's
 * {@code score_extraction.py} does: per-article matching on (holder, target, stance) for claims
 * (a {@code none} claim on holder alone) and (actor, technique) for incidents, micro-averaged;
 * predictions matching an optional gold item count for nothing; flags as accuracy over matches.
 */
public final class ExtractionScorer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Counts and flag accuracy for one kind of item. */
    public record Score(String kind, int tp, int fp, int fn, Map<String, int[]> flags, List<String> errors) {
        public double precision() {
            return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Share of matched items whose flags are right, over all flags counted. */
        public double flagAccuracy(String... names) {
            int right = 0;
            int all = 0;
            for (String n : names) {
                int[] h = flags.get(n);
                if (h != null) {
                    right += h[0];
                    all += h[1];
                }
            }
            return all == 0 ? 1 : right / (double) all;
        }

        public String line() {
            StringBuilder f = new StringBuilder();
            for (Map.Entry<String, int[]> e : flags.entrySet()) {
                if (f.length() > 0) {
                    f.append(' ');
                }
                f.append(e.getKey()).append('=').append(e.getValue()[0]).append('/').append(e.getValue()[1]);
            }
            return String.format(Locale.ROOT, "%s: tp=%d fp=%d fn=%d P=%.3f R=%.3f F1=%.3f  flags %s",
                    kind, tp, fp, fn, precision(), recall(), f1(), f);
        }
    }

    /** Both scores and the scorer's closing line. */
    public record Result(Score claims, Score incidents) {
        public String summary() {
            return String.format(Locale.ROOT, "claims P=%.3f R=%.3f F1=%.3f | incidents P=%.3f R=%.3f F1=%.3f",
                    claims.precision(), claims.recall(), claims.f1(), incidents.precision(), incidents.recall(), incidents.f1());
        }
    }

    private record Doc(List<JsonNode> claims, List<JsonNode> incidents) {
    }

    private ExtractionScorer() {
    }

    public static Result score(List<Path> gold, Path pred) {
        Map<String, Doc> g = load(gold);
        Map<String, Doc> p = load(List.of(pred));
        return new Result(
                score(g, p, "claims", Doc::claims, ExtractionScorer::claimKey, List.of("hedged", "disputed", "basis")),
                score(g, p, "incidents", Doc::incidents, ExtractionScorer::incidentKey, List.of("status", "target")));
    }

    /** Scores in-memory gold-format lines (one JSON object per article) against a gold file set. */
    public static Result score(List<Path> gold, List<String> predLines) {
        Map<String, Doc> g = load(gold);
        Map<String, Doc> p = new HashMap<>();
        int n = 0;
        for (String line : predLines) {
            n++;
            add(p, line, "predictions", n);
        }
        return new Result(
                score(g, p, "claims", Doc::claims, ExtractionScorer::claimKey, List.of("hedged", "disputed", "basis")),
                score(g, p, "incidents", Doc::incidents, ExtractionScorer::incidentKey, List.of("status", "target")));
    }

    private static Score score(Map<String, Doc> gold, Map<String, Doc> pred, String kind, Function<Doc, List<JsonNode>> items,
                               Function<JsonNode, String> key, List<String> flagNames) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        Map<String, int[]> flags = new LinkedHashMap<>();
        flagNames.forEach(f -> flags.put(f, new int[2]));
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, Doc> e : gold.entrySet()) {
            Map<String, JsonNode> required = new LinkedHashMap<>();
            Set<String> optional = new HashSet<>();
            for (JsonNode x : items.apply(e.getValue())) {
                if (x.path("optional").asBoolean(false)) {
                    optional.add(key.apply(x));
                } else {
                    required.put(key.apply(x), x);
                }
            }
            Map<String, JsonNode> predicted = new LinkedHashMap<>();
            Doc pd = pred.get(e.getKey());
            if (pd != null) {
                for (JsonNode x : items.apply(pd)) {
                    predicted.putIfAbsent(key.apply(x), x);
                }
            }
            for (Map.Entry<String, JsonNode> px : predicted.entrySet()) {
                JsonNode g = required.get(px.getKey());
                if (g != null) {
                    tp++;
                    for (String f : flagNames) {
                        if (g.has(f)) {
                            flags.get(f)[1]++;
                            if (text(px.getValue().get(f)).equals(text(g.get(f)))) {
                                flags.get(f)[0]++;
                            }
                        }
                    }
                } else if (!optional.contains(px.getKey())) {
                    fp++;
                    errors.add("FP " + kind + " " + e.getKey() + ": " + px.getKey());
                }
            }
            for (String k : required.keySet()) {
                if (!predicted.containsKey(k)) {
                    fn++;
                    errors.add("FN " + kind + " " + e.getKey() + ": " + k);
                }
            }
        }
        return new Score(kind, tp, fp, fn, flags, errors);
    }

    /** Python's str(x).lower() of a JSON value, as the reference scorer compares flags. */
    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return "none";
        }
        return (n.isTextual() ? n.asText() : n.toString()).toLowerCase(Locale.ROOT);
    }

    private static String claimKey(JsonNode c) {
        String stance = c.path("stance").asText("").toLowerCase(Locale.ROOT);
        String target = stance.equals("none") ? "*" : c.path("target").asText("").toLowerCase(Locale.ROOT);
        return "(" + c.path("holder").asText("").toUpperCase(Locale.ROOT) + ", " + target + ", " + stance + ")";
    }

    private static String incidentKey(JsonNode i) {
        return "(" + i.path("actor").asText("").toUpperCase(Locale.ROOT) + ", " + i.path("technique").asText("").toLowerCase(Locale.ROOT) + ")";
    }

    private static Map<String, Doc> load(List<Path> files) {
        Map<String, Doc> docs = new LinkedHashMap<>();
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                int n = 0;
                for (String line; (line = r.readLine()) != null; ) {
                    n++;
                    add(docs, line, f.toString(), n);
                }
            } catch (IOException e) {
                throw new VigilException("cannot read " + f + ": " + e.getMessage() + "; check the path", e);
            }
        }
        return docs;
    }

    private static void add(Map<String, Doc> docs, String line, String origin, int n) {
        if (line.isBlank()) {
            return;
        }
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (IOException e) {
            throw new VigilException(origin + ":" + n + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + "); fix or remove the line");
        }
        String doc = Path.of(o.path("doc").asText("")).getFileName() == null ? "" : Path.of(o.path("doc").asText("")).getFileName().toString();
        if (doc.isEmpty()) {
            throw new VigilException(origin + ":" + n + ": no 'doc' field; every line needs the article's file name");
        }
        Doc d = docs.computeIfAbsent(doc, k -> new Doc(new ArrayList<>(), new ArrayList<>()));
        o.path("claims").forEach(d.claims::add);
        o.path("incidents").forEach(d.incidents::add);
    }
}
