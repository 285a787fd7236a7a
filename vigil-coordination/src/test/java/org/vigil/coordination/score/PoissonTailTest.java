package org.vigil.coordination.score;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PoissonTailTest {
    @Test
    void atLeastOneEventHasProbabilityOneMinusExpMinusLambda() {
        for (double lambda : new double[]{1e-6, 0.01, 0.5, 3}) {
            assertThat(PoissonTail.minusLog10(1, lambda)).isCloseTo(-Math.log10(-Math.expm1(-lambda)), within(1e-6));
        }
    }

    @Test
    void deepTailsMatchTheDirectSum() {
        double lambda = 0.02;
        int c = 12;
        double p = 0;
        double term = Math.exp(-lambda);
        for (int k = 0; k < 60; k++) {
            if (k >= c) {
                p += term;
            }
            term *= lambda / (k + 1);
        }
        assertThat(PoissonTail.minusLog10(c, lambda)).isCloseTo(-Math.log10(p), within(1e-6));
    }

    @Test
    void moreCoActionsOrAQuieterPairIsMoreSurprising() {
        assertThat(PoissonTail.minusLog10(5, 0.1)).isGreaterThan(PoissonTail.minusLog10(4, 0.1));
        assertThat(PoissonTail.minusLog10(5, 0.01)).isGreaterThan(PoissonTail.minusLog10(5, 0.1));
        assertThat(PoissonTail.minusLog10(3, 50)).isLessThan(1e-6);
    }

    @Test
    void edgeCasesAreBounded() {
        assertThat(PoissonTail.minusLog10(0, 1)).isZero();
        assertThat(PoissonTail.minusLog10(3, 0)).isEqualTo(PoissonTail.MAX);
        assertThat(PoissonTail.minusLog10(4000, 1e-9)).isEqualTo(PoissonTail.MAX);
        assertThat(PoissonTail.minusLog10(100_000, 99_000)).isBetween(0.0, PoissonTail.MAX);
    }
}
