package org.vigil.extract.model;

import java.util.Arrays;
import java.util.List;

/**
 * Multinomial logistic regression (softmax) with L2 regularisation, trained by full-batch gradient
 * descent with Adam. Small, dependency-free and deterministic: the same examples give the same
 * weights on every machine, which keeps the shipped model reproducible from {@code vigil train}.
 * Chosen over a larger learner because the annotated corpora hold a few hundred positive items:
 * a linear model over a sentence embedding and a few dozen indicator features is what that much
 * data supports, and its weights can be read.
 */
public final class LogisticRegression {
    /** One training example: features, class index, and a weight (0 drops it). */
    public record Example(float[] x, int label, double weight) {
    }

    private final int classes;
    private final int dims;
    /** weights[c][d]; the last column is the bias. */
    private final double[][] weights;

    public LogisticRegression(double[][] weights) {
        this.classes = weights.length;
        this.dims = weights[0].length - 1;
        this.weights = weights;
    }

    public int classes() {
        return classes;
    }

    public int dims() {
        return dims;
    }

    public double[][] weights() {
        return weights;
    }

    /** Class probabilities for one feature vector. */
    public double[] probabilities(float[] x) {
        if (x.length != dims) {
            throw new IllegalArgumentException("feature vector has " + x.length + " dimensions; the model expects " + dims);
        }
        double[] z = new double[classes];
        for (int c = 0; c < classes; c++) {
            double[] w = weights[c];
            double s = w[dims];
            for (int d = 0; d < dims; d++) {
                s += w[d] * x[d];
            }
            z[c] = s;
        }
        return softmax(z);
    }

    /**
     * Fits a model. {@code l2} is the penalty on the weights (not the bias) per example;
     * {@code classWeights} multiplies each example's weight by its class's (null for equal).
     */
    public static LogisticRegression train(List<Example> examples, int classes, double l2, int iterations, double[] classWeights) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        double[] penalty = new double[examples.get(0).x().length];
        java.util.Arrays.fill(penalty, l2);
        return train(examples, classes, penalty, iterations, classWeights);
    }

    /** As {@link #train(List, int, double, int, double[])} with an L2 penalty per feature dimension. */
    public static LogisticRegression train(List<Example> examples, int classes, double[] penalty, int iterations, double[] classWeights) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        int dims = examples.get(0).x().length;
        if (penalty.length != dims) {
            throw new IllegalArgumentException("penalty has " + penalty.length + " dimensions; the examples have " + dims);
        }
        double[][] w = new double[classes][dims + 1];
        double[][] m = new double[classes][dims + 1];
        double[][] v = new double[classes][dims + 1];
        double totalWeight = 0;
        for (Example e : examples) {
            totalWeight += e.weight() * (classWeights == null ? 1 : classWeights[e.label()]);
        }
        if (totalWeight <= 0) {
            throw new IllegalArgumentException("every training example has weight 0");
        }
        double lr = 0.05;
        double b1 = 0.9;
        double b2 = 0.999;
        double[][] g = new double[classes][dims + 1];
        double[] z = new double[classes];
        for (int it = 1; it <= iterations; it++) {
            for (double[] row : g) {
                Arrays.fill(row, 0);
            }
            for (Example e : examples) {
                double ew = e.weight() * (classWeights == null ? 1 : classWeights[e.label()]);
                if (ew == 0) {
                    continue;
                }
                float[] x = e.x();
                for (int c = 0; c < classes; c++) {
                    double[] wc = w[c];
                    double s = wc[dims];
                    for (int d = 0; d < dims; d++) {
                        s += wc[d] * x[d];
                    }
                    z[c] = s;
                }
                double[] p = softmax(z);
                for (int c = 0; c < classes; c++) {
                    double err = (p[c] - (c == e.label() ? 1 : 0)) * ew;
                    if (err == 0) {
                        continue;
                    }
                    double[] gc = g[c];
                    for (int d = 0; d < dims; d++) {
                        gc[d] += err * x[d];
                    }
                    gc[dims] += err;
                }
            }
            double c1 = 1 - Math.pow(b1, it);
            double c2 = 1 - Math.pow(b2, it);
            for (int c = 0; c < classes; c++) {
                for (int d = 0; d <= dims; d++) {
                    double grad = g[c][d] / totalWeight + (d < dims ? penalty[d] * w[c][d] : 0);
                    m[c][d] = b1 * m[c][d] + (1 - b1) * grad;
                    v[c][d] = b2 * v[c][d] + (1 - b2) * grad * grad;
                    w[c][d] -= lr * (m[c][d] / c1) / (Math.sqrt(v[c][d] / c2) + 1e-8);
                }
            }
        }
        return new LogisticRegression(w);
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
