package org.vigil.extract.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigil.extract.NewsExtractor;
import org.vigil.model.Extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * K-fold cross-validation by article: each fold's articles are scored by a model trained on the
 * other folds only (its thresholds chosen inside those, too), so every figure it gives is on
 * articles the model never saw.
 */
public final class CrossValidation {
    /** The articles one fold trained on and the ones it scored. */
    public record Fold(List<String> trainedOn, List<String> scored) {
    }

    /** The folds and, per article, the extraction of the model that did not see it. */
    public record Result(List<Fold> folds, Map<String, Extraction> predictions) {
    }

    private CrossValidation() {
    }

    public static Result run(List<ModelTrainer.Labelled> all, int k, long seed, ModelTrainer.Settings settings,
                             NewsExtractor extractor, java.util.function.IntConsumer foldDone) {
        if (k < 2 || k > all.size()) {
            throw new IllegalArgumentException(all.size() + " article(s) cannot be split into " + k + " folds");
        }
        List<Fold> folds = new ArrayList<>();
        Map<String, Extraction> predictions = new LinkedHashMap<>();
        List<List<Integer>> split = ModelTrainer.folds(all.size(), k, seed);
        for (int f = 0; f < split.size(); f++) {
            Set<Integer> held = new HashSet<>(split.get(f));
            List<ModelTrainer.Labelled> train = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (!held.contains(i)) {
                    train.add(all.get(i));
                }
            }
            ExtractionModel model = new ModelTrainer(settings).fit(train, new ObjectMapper().createObjectNode());
            List<String> scored = new ArrayList<>();
            for (int i : split.get(f)) {
                ModelTrainer.Labelled l = all.get(i);
                predictions.put(l.doc(), model.decide(l.analysis(), l.slots(), extractor));
                scored.add(l.doc());
            }
            folds.add(new Fold(train.stream().map(ModelTrainer.Labelled::doc).toList(), scored));
            foldDone.accept(f + 1);
        }
        return new Result(folds, predictions);
    }
}
