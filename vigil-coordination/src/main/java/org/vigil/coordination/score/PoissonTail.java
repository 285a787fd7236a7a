package org.vigil.coordination.score;

/** Upper tail of the Poisson distribution, in -log10 units, accurate far into the tail. */
public final class PoissonTail {
    /** What {@link #minusLog10(long, double)} returns for an impossible observation (expected count 0). */
    public static final double MAX = 300.0;
    private static final double LN10 = Math.log(10.0);
    private static final double[] LOG_FACTORIAL = new double[1 << 16];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
        }
    }

    private PoissonTail() {
    }

    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        double x = k + 1.0; // Stirling series for ln Gamma(x)
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1.0 / (12 * x) - 1.0 / (360 * x * x * x);
    }

    /** -log10 P(X >= c) for X ~ Poisson(lambda); 0 when c <= 0, {@link #MAX} at most. */
    public static double minusLog10(long c, double lambda) {
        if (c <= 0) {
            return 0.0;
        }
        if (lambda <= 0) {
            return MAX;
        }
        if (c <= lambda) {
            double term = Math.exp(-lambda);
            double cdf = 0;
            for (long k = 0; k < c; k++) {
                cdf += term;
                term *= lambda / (k + 1);
            }
            double p = Math.max(1e-300, 1.0 - cdf);
            return Math.min(MAX, -Math.log10(p));
        }
        double logTerm = -lambda + c * Math.log(lambda) - logFactorial(c);
        double sum = 1.0;
        double r = 1.0;
        for (long k = c + 1; k < c + 10_000; k++) {
            r *= lambda / k;
            sum += r;
            if (r < 1e-17 * sum) {
                break;
            }
        }
        double log10p = (logTerm + Math.log(sum)) / LN10;
        return Math.min(MAX, Math.max(0.0, -log10p));
    }
}
