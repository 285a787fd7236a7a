package org.vigil.extract.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogisticRegressionTest {
    /** Three classes, each a noisy cloud around its own corner of the plane. */
    private static List<LogisticRegression.Example> clouds(long seed, int n) {
        Random r = new Random(seed);
        float[][] centres = {{0, 0}, {3, 0}, {0, 3}};
        List<LogisticRegression.Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            out.add(new LogisticRegression.Example(new float[]{centres[c][0] + (float) r.nextGaussian() * 0.5f,
                    centres[c][1] + (float) r.nextGaussian() * 0.5f}, c, 1));
        }
        return out;
    }

    @Test
    void separableCloudsAreLearnedAndHeldOutPointsClassified() {
        LogisticRegression m = LogisticRegression.train(clouds(1, 300), 3, 1e-3, 300, null);
        int right = 0;
        List<LogisticRegression.Example> test = clouds(2, 300);
        for (LogisticRegression.Example e : test) {
            double[] p = m.probabilities(e.x());
            int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            right += best == e.label() ? 1 : 0;
        }
        assertThat(right).isGreaterThan(290);
    }

    @Test
    void probabilitiesSumToOne() {
        LogisticRegression m = LogisticRegression.train(clouds(1, 90), 3, 1e-3, 50, null);
        double[] p = m.probabilities(new float[]{1.5f, 1.5f});
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void trainingIsDeterministic() {
        double[][] a = LogisticRegression.train(clouds(3, 90), 3, 1e-3, 80, null).weights();
        double[][] b = LogisticRegression.train(clouds(3, 90), 3, 1e-3, 80, null).weights();
        assertThat(a).isDeepEqualTo(b);
    }

    @Test
    void zeroWeightExamplesAreIgnored() {
        List<LogisticRegression.Example> ex = new ArrayList<>(clouds(4, 90));
        List<LogisticRegression.Example> withNoise = new ArrayList<>(ex);
        for (int i = 0; i < 50; i++) {
            withNoise.add(new LogisticRegression.Example(new float[]{0, 0}, 2, 0)); // mislabelled, but weight 0
        }
        assertThat(LogisticRegression.train(withNoise, 3, 1e-3, 60, null).weights())
                .isDeepEqualTo(LogisticRegression.train(ex, 3, 1e-3, 60, null).weights());
    }

    @Test
    void aVectorOfTheWrongSizeIsRefusedWithTheSizes() {
        LogisticRegression m = LogisticRegression.train(clouds(1, 30), 3, 1e-3, 5, null);
        assertThatThrownBy(() -> m.probabilities(new float[3])).hasMessage("feature vector has 3 dimensions; the model expects 2");
    }
}
