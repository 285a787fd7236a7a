package org.vigil.extract.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vigil.extract.ArticleAnalysis;
import org.vigil.model.Stance;
import org.vigil.model.Technique;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains the {@link ExtractionModel} from annotated articles. A candidate is labelled by the gold
 * item with its key whose evidence is the candidate's sentence; a candidate whose key the article's
 * gold holds but from another sentence is left out (the article may well support it there too, so
 * it is no negative), and every other candidate is a negative. The decision thresholds are chosen
 * by an inner cross-validation over the training articles (folds by article), so they are set on
 * scores of articles the models did not see; the final models are then fitted on all of them.
 */
public final class ModelTrainer {
    /**
     * Learner settings: the L2 penalty on the indicator features and on the embedding dimensions
     * (the embedding's many small weights are held closer to zero), gradient steps, inner folds for
     * the thresholds, the fold seed.
     */
    public record Settings(double l2, double l2Embedding, int iterations, int innerFolds, long seed) {
        public static Settings defaults() {
            return new Settings(1e-2, 1e-2, 250, 4, 17);
        }

        double[] penalty(int dims) {
            double[] p = new double[dims];
            for (int d = 0; d < dims; d++) {
                p[d] = d < dims - SentenceEmbedder.DIMENSIONS ? l2 : l2Embedding;
            }
            return p;
        }
    }

    /** An annotated article, analysed and with its candidates built. */
    public record Labelled(ArticleAnalysis analysis, Candidates.Slots slots, Gold gold) {
        public String doc() {
            return gold.doc();
        }
    }

    private static final double[] GRID = {0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01};
    private static final double[] VETO = {0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3};

    private final Settings settings;

    public ModelTrainer(Settings settings) {
        this.settings = settings;
    }

    public ExtractionModel fit(List<Labelled> train, ObjectNode about) {
        List<Map<String, Double>> outOfFold = new ArrayList<>();
        List<Labelled> order = new ArrayList<>();
        for (List<Integer> fold : folds(train.size(), settings.innerFolds(), settings.seed())) {
            Set<Integer> held = new HashSet<>(fold);
            List<Labelled> rest = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (!held.contains(i)) {
                    rest.add(train.get(i));
                }
            }
            ExtractionModel m = fitModels(rest, ExtractionModel.Thresholds.flat(0.5), about);
            for (int i : fold) {
                outOfFold.add(m.keyScores(train.get(i).slots()));
                order.add(train.get(i));
            }
        }
        double[] claim = best(order, outOfFold, "c:", false);
        double[] none = best(order, outOfFold, "c:", true);
        double[] incident = best(order, outOfFold, "i:", false);
        ExtractionModel.Thresholds th = new ExtractionModel.Thresholds(claim[0], claim[1], none[0], none[1], incident[0], incident[1]);
        about.put("thresholds_chosen_by", settings.innerFolds() + "-fold cross-validation inside the training articles");
        return fitModels(train, th, about);
    }

    private ExtractionModel fitModels(List<Labelled> train, ExtractionModel.Thresholds th, ObjectNode about) {
        List<LogisticRegression.Example> stance = new ArrayList<>();
        List<LogisticRegression.Example> none = new ArrayList<>();
        Map<Technique, List<LogisticRegression.Example>> tech = new EnumMap<>(Technique.class);
        for (Technique t : Technique.values()) {
            tech.put(t, new ArrayList<>());
        }
        for (Labelled l : train) {
            for (Candidates.ClaimSlot s : l.slots().claims()) {
                String sentence = l.analysis().sentences().get(s.sentence()).text();
                int label = 0;
                double weight = 1;
                for (Gold.Item g : l.gold().claims()) {
                    if (!g.who().equals(s.holder()) || !g.what().equals(s.target()) || g.kind().equals("none")) {
                        continue;
                    }
                    if (!g.optional() && (Gold.sameSentence(sentence, g.evidence()) || ruleFound(l, s, g.kind()))) {
                        label = g.kind().equals(Stance.FAVORS.wire()) ? 1 : 2;
                        weight = 1;
                        break;
                    }
                    weight = 0;
                }
                stance.add(new LogisticRegression.Example(s.x(), label, weight));
            }
            for (Candidates.ClaimSlot s : l.slots().nones()) {
                none.add(example(l, s.sentence(), s.x(), g -> g.who().equals(s.holder()) && g.kind().equals("none"), l.gold().claims(),
                        ruleFound(l, s, "none")));
            }
            for (Candidates.IncidentSlot s : l.slots().incidents()) {
                for (Technique t : Technique.values()) {
                    boolean rule = l.analysis().ruleIncidents().get(s.sentence()).stream()
                            .anyMatch(r -> r.actor().equals(s.actor()) && r.technique() == t);
                    tech.get(t).add(example(l, s.sentence(), s.x(), g -> g.who().equals(s.actor()) && g.kind().equals(t.wire()), l.gold().incidents(), rule));
                }
            }
        }
        LogisticRegression stanceModel = LogisticRegression.train(stance, 3, settings.penalty(dims(stance)), settings.iterations(), balance(stance, 3));
        LogisticRegression noneModel = LogisticRegression.train(none, 2, settings.penalty(dims(none)), settings.iterations(), balance(none, 2));
        Map<Technique, LogisticRegression> techniques = new EnumMap<>(Technique.class);
        for (Map.Entry<Technique, List<LogisticRegression.Example>> e : tech.entrySet()) {
            if (e.getValue().stream().anyMatch(x -> x.label() == 1 && x.weight() > 0)) {
                techniques.put(e.getKey(), LogisticRegression.train(e.getValue(), 2, settings.penalty(dims(e.getValue())), settings.iterations(), balance(e.getValue(), 2)));
            }
        }
        return new ExtractionModel(stanceModel, noneModel, techniques, th, about);
    }

    private static int dims(List<LogisticRegression.Example> ex) {
        return ex.isEmpty() ? 0 : ex.get(0).x().length;
    }

    /** True when the rules found this candidate's claim with that stance in its sentence. */
    private static boolean ruleFound(Labelled l, Candidates.ClaimSlot s, String stance) {
        return l.analysis().ruleClaims().get(s.sentence()).stream().anyMatch(r -> s.holder().equals(r.holder())
                && r.stance().wire().equals(stance) && (stance.equals("none") || r.target().equals(s.target())));
    }

    /**
     * A positive when the gold holds the candidate's key with this sentence as evidence, or the rules
     * found that key in this sentence (the annotator chose one of the sentences that say it); left out
     * when the gold holds the key from another sentence; a negative otherwise.
     */
    private static LogisticRegression.Example example(Labelled l, int sentence, float[] x, java.util.function.Predicate<Gold.Item> sameKey,
                                                      List<Gold.Item> gold, boolean ruleFound) {
        String text = l.analysis().sentences().get(sentence).text();
        double weight = 1;
        for (Gold.Item g : gold) {
            if (!sameKey.test(g)) {
                continue;
            }
            if (!g.optional() && (ruleFound || Gold.sameSentence(text, g.evidence()))) {
                return new LogisticRegression.Example(x, 1, 1);
            }
            weight = 0;
        }
        return new LogisticRegression.Example(x, 0, weight);
    }

    /** Class weights that give the positive classes together a third of the total weight at most fivefold up-weighting. */
    private static double[] balance(List<LogisticRegression.Example> ex, int classes) {
        double[] count = new double[classes];
        for (LogisticRegression.Example e : ex) {
            count[e.label()] += e.weight();
        }
        double pos = 0;
        for (int c = 1; c < classes; c++) {
            pos += count[c];
        }
        double up = pos == 0 ? 1 : Math.min(5, Math.max(1, count[0] / (2 * pos)));
        double[] w = new double[classes];
        w[0] = 1;
        for (int c = 1; c < classes; c++) {
            w[c] = up;
        }
        return w;
    }

    /**
     * The pair of thresholds (for items the rules found, for items only the model proposes) that
     * maximises micro F1 of one kind of item over out-of-fold article scores.
     */
    private static double[] best(List<Labelled> articles, List<Map<String, Double>> scores, String prefix, boolean noneOnly) {
        double bestF = -1;
        double[] bestT = {0, 0.5};
        List<Set<String>> ruleKeys = new ArrayList<>();
        for (Labelled l : articles) {
            ruleKeys.add(ExtractionModel.ruleKeys(l.analysis()));
        }
        // the incident rules hold up better on new articles than a veto learned from a few dozen incidents
        for (double vetoT : prefix.equals("i:") ? new double[]{0} : VETO) {
            for (double newT : GRID) {
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (int i = 0; i < articles.size(); i++) {
                    Set<String> required = new HashSet<>();
                    Set<String> optional = new HashSet<>();
                    for (Gold.Item g : prefix.equals("c:") ? articles.get(i).gold().claims() : articles.get(i).gold().incidents()) {
                        if (prefix.equals("c:") && noneOnly != g.kind().equals("none")) {
                            continue;
                        }
                        String key = prefix.equals("c:") ? "c:" + g.who() + "|" + g.what() + "|" + g.kind() : "i:" + g.who() + "|" + g.kind();
                        (g.optional() ? optional : required).add(key);
                    }
                    optional.removeAll(required);
                    Set<String> predicted = new HashSet<>();
                    for (String k : ruleKeys.get(i)) {
                        if (k.startsWith(prefix) && (!prefix.equals("c:") || noneOnly == k.endsWith("|none"))
                                && scores.get(i).getOrDefault(k, 1.0) >= vetoT) {
                            predicted.add(k);
                        }
                    }
                    for (Map.Entry<String, Double> e : scores.get(i).entrySet()) {
                        String k = e.getKey();
                        if (k.startsWith(prefix) && (!prefix.equals("c:") || noneOnly == k.endsWith("|none"))
                                && !ruleKeys.get(i).contains(k) && e.getValue() >= newT) {
                            predicted.add(k);
                        }
                    }
                    for (String k : predicted) {
                        if (required.contains(k)) {
                            tp++;
                        } else if (!optional.contains(k)) {
                            fp++;
                        }
                    }
                    for (String k : required) {
                        if (!predicted.contains(k)) {
                            fn++;
                        }
                    }
                }
                double f = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
                if (f > bestF + 1e-9) {
                    bestF = f;
                    bestT = new double[]{vetoT, newT};
                }
            }
        }
        return bestT;
    }

    /** {@code k} folds of article indexes 0..n-1, shuffled with {@code seed}: each article in exactly one fold. */
    public static List<List<Integer>> folds(int n, int k, long seed) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        Collections.shuffle(idx, new Random(seed));
        List<List<Integer>> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < idx.size(); i++) {
            out.get(i % k).add(idx.get(i));
        }
        return out;
    }
}
