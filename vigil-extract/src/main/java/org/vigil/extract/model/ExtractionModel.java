package org.vigil.extract.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vigil.extract.ArticleAnalysis;
import org.vigil.extract.NewsExtractor;
import org.vigil.extract.rules.ClaimCandidate;
import org.vigil.extract.rules.ClaimRules;
import org.vigil.extract.rules.IncidentCandidate;
import org.vigil.extract.rules.IncidentRules;
import org.vigil.extract.rules.SentenceContext;
import org.vigil.model.Basis;
import org.vigil.model.Extraction;
import org.vigil.model.IncidentStatus;
import org.vigil.model.IncidentTarget;
import org.vigil.model.Stance;
import org.vigil.model.Technique;
import org.vigil.model.VigilException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned claim and incident model: a stance classifier over (sentence, holder, candidate)
 * candidates, a no-preference classifier over (sentence, holder) candidates and one classifier per
 * technique over (sentence, actor) candidates, each a logistic regression over the candidate's
 * features ({@link Candidates}). An article gets a claim or incident when its best candidate scores
 * at or above the threshold that training chose; the evidence is that candidate's sentence.
 * {@code about} records what it was trained on, when, and with which settings.
 */
public final class ExtractionModel {
    public static final int FORMAT = 1;
    private static final String RESOURCE = "/org/vigil/extract/model/extraction-model.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile ExtractionModel shipped;
    private static volatile boolean shippedLoaded;

    /**
     * Decision thresholds on an item's article-level best candidate score: one for items the rules
     * also found (the model may veto them) and one for items only the model proposes, per kind.
     */
    public record Thresholds(double claimRule, double claimNew, double noneRule, double noneNew,
                             double incidentRule, double incidentNew) {
        public static Thresholds flat(double t) {
            return new Thresholds(t, t, t, t, t, t);
        }

        double of(String key, boolean rule) {
            if (key.startsWith("i:")) {
                return rule ? incidentRule : incidentNew;
            }
            return key.endsWith("|none") ? (rule ? noneRule : noneNew) : (rule ? claimRule : claimNew);
        }
    }

    private final LogisticRegression stance;
    private final LogisticRegression none;
    private final Map<Technique, LogisticRegression> techniques;
    private final Thresholds thresholds;
    private final JsonNode about;
    private final Candidates candidates;

    public ExtractionModel(LogisticRegression stance, LogisticRegression none,
                           Map<Technique, LogisticRegression> techniques, Thresholds thresholds, JsonNode about) {
        this.stance = stance;
        this.none = none;
        this.techniques = new EnumMap<>(techniques);
        this.thresholds = thresholds;
        this.about = about;
        this.candidates = new Candidates(SentenceEmbedder.shared());
    }

    /** The model that ships inside vigil-extract (built by {@code vigil train}), or null when the jar has none. */
    public static ExtractionModel shipped() {
        if (!shippedLoaded) {
            synchronized (ExtractionModel.class) {
                if (!shippedLoaded) {
                    try (InputStream in = ExtractionModel.class.getResourceAsStream(RESOURCE)) {
                        shipped = in == null ? null : read(JSON.readTree(in), "the shipped model " + RESOURCE);
                    } catch (IOException e) {
                        throw new VigilException("cannot read the shipped model " + RESOURCE + ": " + e.getMessage(), e);
                    }
                    shippedLoaded = true;
                }
            }
        }
        return shipped;
    }

    public static ExtractionModel load(Path file) {
        try {
            return read(JSON.readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new VigilException("cannot read model " + file + ": " + e.getMessage() + "; rebuild it with 'vigil train'", e);
        }
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public JsonNode about() {
        return about;
    }

    public Candidates candidates() {
        return candidates;
    }

    public Extraction decide(ArticleAnalysis a, NewsExtractor extractor) {
        return decide(a, candidates.of(a), extractor);
    }

    /**
     * Claims and incidents of an article from its scored candidates: what the rules found, unless the
     * model scores it below the veto threshold, and what only the model proposes when it scores it at
     * or above the (higher) threshold for new items.
     */
    public Extraction decide(ArticleAnalysis a, Candidates.Slots slots, NewsExtractor extractor) {
        // each candidate is scored once: the same best-per-key maps give the scores and the items
        Map<String, Best> bestClaims = bestClaims(slots);
        Map<String, BestIncident> bestIncidents = bestIncidents(slots);
        Map<String, Double> scores = keyScores(bestClaims, bestIncidents);
        List<ClaimCandidate> claims = new ArrayList<>();
        Set<String> ruleKeys = new HashSet<>();
        for (List<ClaimCandidate> list : a.ruleClaims()) {
            for (ClaimCandidate c : list) {
                if (c.holder() == null) {
                    continue;
                }
                String key = claimKey(c.holder(), c.target(), c.stance());
                ruleKeys.add(key);
                Double score = scores.get(key);
                if (score == null || score >= thresholds.of(key, true)) {
                    claims.add(c);
                }
            }
        }
        for (ClaimCandidate c : claims(a, bestClaims)) {
            if (!ruleKeys.contains(claimKey(c.holder(), c.target(), c.stance()))) {
                claims.add(c);
            }
        }
        List<IncidentCandidate> incidents = new ArrayList<>();
        ruleKeys.clear();
        for (List<IncidentCandidate> list : a.ruleIncidents()) {
            for (IncidentCandidate c : list) {
                String key = "i:" + c.actor() + "|" + c.technique().wire();
                ruleKeys.add(key);
                Double score = scores.get(key);
                if (score == null || score >= thresholds.of(key, true)) {
                    incidents.add(c);
                }
            }
        }
        for (IncidentCandidate c : incidents(a, bestIncidents)) {
            if (!ruleKeys.contains("i:" + c.actor() + "|" + c.technique().wire())) {
                incidents.add(c);
            }
        }
        return extractor.assemble(a, claims, incidents, true);
    }

    static String claimKey(String holder, String target, Stance stance) {
        return "c:" + holder + "|" + (stance == Stance.NONE ? "*" : target) + "|" + stance.wire();
    }

    /** The keys of the items the rules found in an article, as {@link #keyScores} names them. */
    public static Set<String> ruleKeys(ArticleAnalysis a) {
        Set<String> out = new HashSet<>();
        for (List<ClaimCandidate> list : a.ruleClaims()) {
            for (ClaimCandidate c : list) {
                if (c.holder() != null) {
                    out.add(claimKey(c.holder(), c.target(), c.stance()));
                }
            }
        }
        for (List<IncidentCandidate> list : a.ruleIncidents()) {
            for (IncidentCandidate c : list) {
                out.add("i:" + c.actor() + "|" + c.technique().wire());
            }
        }
        return out;
    }

    /** Best score and sentence per (holder, target, stance) key. */
    private record Best(double score, Candidates.ClaimSlot slot) {
    }

    /** The best candidate per (holder, target, stance), favour and oppose of one pair keeping only the higher. */
    private Map<String, Best> bestClaims(Candidates.Slots slots) {
        Map<String, Best> best = new LinkedHashMap<>();
        for (Candidates.ClaimSlot s : slots.claims()) {
            double[] p = stance.probabilities(s.x());
            for (int c = 1; c <= 2; c++) {
                String key = s.holder() + "|" + s.target() + "|" + (c == 1 ? Stance.FAVORS : Stance.OPPOSES);
                Best b = best.get(key);
                if (b == null || p[c] > b.score) {
                    best.put(key, new Best(p[c], s));
                }
            }
        }
        Map<String, Best> out = new LinkedHashMap<>();
        for (Map.Entry<String, Best> e : best.entrySet()) {
            String[] k = e.getKey().split("\\|");
            Stance st = Stance.valueOf(k[2]);
            Best other = best.get(k[0] + "|" + k[1] + "|" + (st == Stance.FAVORS ? Stance.OPPOSES : Stance.FAVORS));
            if (other == null || e.getValue().score >= other.score) {
                out.put(e.getKey(), e.getValue());
            }
        }
        for (Candidates.ClaimSlot s : slots.nones()) {
            double p = none.probabilities(s.x())[1];
            String key = s.holder() + "|*|" + Stance.NONE;
            Best b = out.get(key);
            if (b == null || p > b.score) {
                out.put(key, new Best(p, s));
            }
        }
        return out;
    }

    private Map<String, BestIncident> bestIncidents(Candidates.Slots slots) {
        Map<String, BestIncident> best = new LinkedHashMap<>();
        for (Candidates.IncidentSlot s : slots.incidents()) {
            for (Map.Entry<Technique, LogisticRegression> m : techniques.entrySet()) {
                double p = m.getValue().probabilities(s.x())[1];
                String key = s.actor() + "|" + m.getKey().name();
                BestIncident b = best.get(key);
                if (b == null || p > b.score) {
                    best.put(key, new BestIncident(p, s));
                }
            }
        }
        return best;
    }

    /**
     * Article-level scores before thresholds, keyed as the corpus scorer matches items:
     * {@code c:HOLDER|target|stance} (target {@code *} for no preference) and {@code i:ACTOR|technique}.
     */
    public Map<String, Double> keyScores(Candidates.Slots slots) {
        return keyScores(bestClaims(slots), bestIncidents(slots));
    }

    private static Map<String, Double> keyScores(Map<String, Best> bestClaims, Map<String, BestIncident> bestIncidents) {
        Map<String, Double> out = new LinkedHashMap<>();
        bestClaims.forEach((k, b) -> {
            String[] p = k.split("\\|");
            out.put("c:" + p[0] + "|" + p[1] + "|" + Stance.valueOf(p[2]).wire(), b.score);
        });
        bestIncidents.forEach((k, b) -> {
            String[] p = k.split("\\|");
            out.put("i:" + p[0] + "|" + Technique.valueOf(p[1]).wire(), b.score);
        });
        return out;
    }

    private List<ClaimCandidate> claims(ArticleAnalysis a, Map<String, Best> best) {
        List<ClaimCandidate> out = new ArrayList<>();
        for (Map.Entry<String, Best> e : best.entrySet()) {
            Stance st = Stance.valueOf(e.getKey().split("\\|")[2]);
            String[] k = e.getKey().split("\\|");
            if (e.getValue().score >= thresholds.of(claimKey(k[0], k[1], st), false)) {
                out.add(claim(a, e.getValue().slot, st));
            }
        }
        return out;
    }

    private static ClaimCandidate claim(ArticleAnalysis a, Candidates.ClaimSlot slot, Stance st) {
        SentenceContext s = a.sentences().get(slot.sentence());
        String target = st == Stance.NONE ? "*" : slot.target();
        Basis basis = null;
        for (ClaimCandidate r : a.ruleClaims().get(slot.sentence())) {
            if (slot.holder().equals(r.holder()) && r.stance() == st && r.target().equals(target)) {
                basis = r.basis();
                s = r.sentence(); // the rules' copy carries the parse
                break;
            }
        }
        if (basis == null) {
            basis = ClaimRules.basisOf(s, slot.holder());
        }
        return new ClaimCandidate(slot.holder(), target, st, basis, ClaimRules.hedged(s),
                slot.holderMention() == null ? null : slot.holderMention().text(), s);
    }

    private record BestIncident(double score, Candidates.IncidentSlot slot) {
    }

    private List<IncidentCandidate> incidents(ArticleAnalysis a, Map<String, BestIncident> best) {
        List<IncidentCandidate> out = new ArrayList<>();
        for (Map.Entry<String, BestIncident> e : best.entrySet()) {
            Technique t = Technique.valueOf(e.getKey().split("\\|")[1]);
            if (e.getValue().score < thresholds.of("i:", false)) {
                continue;
            }
            Candidates.IncidentSlot slot = e.getValue().slot;
            IncidentCandidate rule = null;
            for (IncidentCandidate r : a.ruleIncidents().get(slot.sentence())) {
                if (r.actor().equals(slot.actor()) && r.technique() == t) {
                    rule = r;
                }
            }
            if (rule != null) {
                out.add(rule);
                continue;
            }
            SentenceContext s = a.sentences().get(slot.sentence());
            IncidentStatus status = IncidentRules.statusOf(s.text());
            IncidentTarget target = IncidentRules.targetOf(t, s);
            out.add(new IncidentCandidate(slot.actor(), t, target, status == null ? IncidentStatus.ATTRIBUTED : status,
                    IncidentRules.yearOf(s.text(), a.incidentYear()), status != null, s));
        }
        return out;
    }

    // ---- persistence ----

    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.set("about", about);
        ObjectNode th = root.putObject("thresholds");
        th.put("claim_rule", thresholds.claimRule());
        th.put("claim_new", thresholds.claimNew());
        th.put("none_rule", thresholds.noneRule());
        th.put("none_new", thresholds.noneNew());
        th.put("incident_rule", thresholds.incidentRule());
        th.put("incident_new", thresholds.incidentNew());
        ObjectNode features = root.putObject("features");
        features.put("embedding", "all-MiniLM-L6-v2 (quantised), " + SentenceEmbedder.DIMENSIONS + " dimensions, after the indicators");
        features.set("claim_indicators", JSON.valueToTree(Candidates.CLAIM_FEATURES));
        features.set("incident_indicators", JSON.valueToTree(Candidates.INCIDENT_FEATURES));
        ObjectNode models = root.putObject("models");
        models.set("stance", weights(stance));
        models.set("none", weights(none));
        for (Map.Entry<Technique, LogisticRegression> e : techniques.entrySet()) {
            models.set("technique_" + e.getKey().wire(), weights(e.getValue()));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new VigilException("cannot write model " + file + ": " + e.getMessage(), e);
        }
    }

    private static ArrayNode weights(LogisticRegression m) {
        ArrayNode rows = JSON.createArrayNode();
        for (double[] w : m.weights()) {
            ArrayNode row = rows.addArray();
            for (double v : w) {
                row.add(Math.round(v * 1e6) / 1e6);
            }
        }
        return rows;
    }

    private static ExtractionModel read(JsonNode root, String where) {
        if (root.path("format").asInt() != FORMAT) {
            throw new VigilException(where + ": model format " + root.path("format").asText("?") + ", this Vigil reads " + FORMAT
                    + "; rebuild it with 'vigil train'");
        }
        if (!JSON.valueToTree(Candidates.CLAIM_FEATURES).equals(root.path("features").path("claim_indicators"))
                || !JSON.valueToTree(Candidates.INCIDENT_FEATURES).equals(root.path("features").path("incident_indicators"))) {
            throw new VigilException(where + ": the model was trained on other features than this Vigil computes; rebuild it with 'vigil train'");
        }
        JsonNode models = root.path("models");
        Map<Technique, LogisticRegression> techniques = new EnumMap<>(Technique.class);
        for (Technique t : Technique.values()) {
            JsonNode w = models.get("technique_" + t.wire());
            if (w != null) {
                techniques.put(t, regression(w));
            }
        }
        JsonNode th = root.path("thresholds");
        return new ExtractionModel(regression(models.path("stance")), regression(models.path("none")), techniques,
                new Thresholds(th.path("claim_rule").asDouble(), th.path("claim_new").asDouble(), th.path("none_rule").asDouble(),
                        th.path("none_new").asDouble(), th.path("incident_rule").asDouble(), th.path("incident_new").asDouble()), root.path("about"));
    }

    private static LogisticRegression regression(JsonNode rows) {
        double[][] w = new double[rows.size()][];
        for (int c = 0; c < rows.size(); c++) {
            JsonNode row = rows.get(c);
            w[c] = new double[row.size()];
            for (int d = 0; d < row.size(); d++) {
                w[c][d] = row.get(d).asDouble();
            }
        }
        return new LogisticRegression(w);
    }
}
