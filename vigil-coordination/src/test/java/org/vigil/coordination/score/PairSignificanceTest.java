package org.vigil.coordination.score;

import org.junit.jupiter.api.Test;
import org.vigil.model.CoordinationKind;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PairSignificanceTest {
    /**
     * Accounts 0 and 1 meet 6 times and meet nobody else; accounts 2 and 3 meet 6 times too but each also
     * meets hundreds of others (hyperactive, as in viral bursts). Only the first pair is surprising.
     */
    @Test
    void aQuietPairThatKeepsMeetingIsSignificantAndAHyperactivePairIsNot() {
        CoActionCounts c = new CoActionCounts(2000);
        for (int i = 0; i < 6; i++) {
            c.add(0, 1);
            c.add(2, 3);
        }
        for (int other = 10; other < 1010; other++) {
            for (int r = 0; r < 3; r++) {
                c.add(2, other);
                c.add(3, other);
            }
            c.add(other, other + 1);
        }
        Map<CoordinationKind, CoActionCounts> m = new EnumMap<>(CoordinationKind.class);
        m.put(CoordinationKind.CO_RETWEET, c);
        PairSignificance.Outcome o = PairSignificance.edges(m, 3, 0.01);
        assertThat(o.edges()).extracting(e -> e.a() + "-" + e.b()).contains("0-1").doesNotContain("2-3");
        assertThat(o.edges()).filteredOn(e -> e.a() == 0).first().satisfies(e -> {
            assertThat(e.counts()[CoordinationKind.CO_RETWEET.ordinal()]).isEqualTo(6);
            assertThat(e.significance()).isGreaterThanOrEqualTo(o.threshold());
        });
    }

    /** With no background at all, a group's meetings are all there is: nothing is surprising relative to anything. */
    @Test
    void inAClosedWorldOfOnePairNothingIsSurprising() {
        CoActionCounts c = new CoActionCounts(10);
        for (int i = 0; i < 8; i++) {
            c.add(4, 5);
        }
        Map<CoordinationKind, CoActionCounts> m = new EnumMap<>(CoordinationKind.class);
        m.put(CoordinationKind.CO_RETWEET, c);
        assertThat(PairSignificance.edges(m, 3, 0.01).edges()).isEmpty();
    }

    @Test
    void pairsBelowTheMinimumCountAreNeverEdges() {
        CoActionCounts c = new CoActionCounts(10);
        c.add(0, 1);
        c.add(0, 1);
        Map<CoordinationKind, CoActionCounts> m = new EnumMap<>(CoordinationKind.class);
        m.put(CoordinationKind.CO_LINK, c);
        assertThat(PairSignificance.edges(m, 3, 0.01).edges()).isEmpty();
        assertThat(PairSignificance.edges(m, 2, 0.01).tests()).isEqualTo(1);
    }

    @Test
    void countsAreKeptForEveryKindOfASignificantPair() {
        CoActionCounts rt = new CoActionCounts(10);
        CoActionCounts link = new CoActionCounts(10);
        for (int i = 0; i < 8; i++) {
            rt.add(4, 5);
        }
        for (int other = 10; other < 2000; other++) {
            rt.add(other, other + 1); // a background, so that 4 and 5 are not the whole world
        }
        link.add(5, 4);
        Map<CoordinationKind, CoActionCounts> m = new EnumMap<>(CoordinationKind.class);
        m.put(CoordinationKind.CO_RETWEET, rt);
        m.put(CoordinationKind.CO_LINK, link);
        PairSignificance.Edge e = PairSignificance.edges(m, 3, 0.01).edges().get(0);
        assertThat(e.counts()[CoordinationKind.CO_RETWEET.ordinal()]).isEqualTo(8);
        assertThat(e.counts()[CoordinationKind.CO_LINK.ordinal()]).isEqualTo(1);
    }
}
