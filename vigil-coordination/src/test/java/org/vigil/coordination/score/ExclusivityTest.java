package org.vigil.coordination.score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.coordination.detect.LaggedCoOccurrences;
import org.vigil.coordination.detect.ObjectShares;
import org.vigil.model.CoordinationKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The exclusivity test of issue 11: co-actions on objects few accounts share, against the lagged background. */
class ExclusivityTest {
    private static final PairSignificance.Exclusivity DEFAULT = new PairSignificance.Exclusivity(2, 100);

    @ParameterizedTest(name = "{0} accounts -> level {1}")
    @CsvSource({"2, 0", "3, 1", "4, 1", "5, 2", "8, 2", "9, 3", "16, 3", "17, 4", "64, 5", "65, 6", "256, 6", "257, 7", "100000, 7"})
    void anObjectsLevelGrowsWithTheLogOfItsAudience(int accounts, int level) {
        assertThat(CoActionCounts.level(accounts)).isEqualTo(level);
    }

    /** Accounts 10..1009 meet each other at lags all the time, on objects of every level: a background. */
    private static BackgroundCounts busyBackground(int accounts) {
        BackgroundCounts bg = new BackgroundCounts(accounts, 4);
        for (int a = 10; a < 1010; a++) {
            for (int level = 0; level < CoActionCounts.EXCLUSIVE_LEVELS; level++) {
                bg.add(a, a + 1, level);
            }
        }
        return bg;
    }

    private static Map<CoordinationKind, CoActionCounts> kinds(CoActionCounts retweet, CoActionCounts tweet) {
        Map<CoordinationKind, CoActionCounts> m = new EnumMap<>(CoordinationKind.class);
        m.put(CoordinationKind.CO_RETWEET, retweet);
        m.put(CoordinationKind.CO_TWEET, tweet);
        return m;
    }

    @Test
    void aReShareAndACopiedTextThatOnlyTwoAccountsShareLinkThemThoughEachKindAloneHasOneCoAction() {
        CoActionCounts rt = new CoActionCounts(2000);
        CoActionCounts tw = new CoActionCounts(2000);
        rt.add(0, 1, 0);
        tw.add(0, 1, 0);
        for (int a = 10; a < 1010; a++) {
            rt.add(a, a + 1); // popular co-actions, the activity test's background
        }
        Map<CoordinationKind, BackgroundCounts> bg = Map.of(CoordinationKind.CO_RETWEET, busyBackground(2000),
                CoordinationKind.CO_TWEET, busyBackground(2000));
        PairSignificance.Outcome o = PairSignificance.edges(kinds(rt, tw), bg, 3, 0.01, DEFAULT);
        assertThat(o.edges()).extracting(e -> e.a() + "-" + e.b() + (e.exclusive() ? " exclusive" : "")).containsExactly("0-1 exclusive");
        assertThat(o.exclusiveOnly()).isEqualTo(1);
    }

    @Test
    void theSameTwoCoActionsOnObjectsThousandsShareAreNoEvidence() {
        CoActionCounts rt = new CoActionCounts(2000);
        CoActionCounts tw = new CoActionCounts(2000);
        rt.add(0, 1, CoActionCounts.LEVELS - 1);
        tw.add(0, 1, CoActionCounts.LEVELS - 1);
        Map<CoordinationKind, BackgroundCounts> bg = Map.of(CoordinationKind.CO_RETWEET, busyBackground(2000),
                CoordinationKind.CO_TWEET, busyBackground(2000));
        assertThat(PairSignificance.edges(kinds(rt, tw), bg, 3, 0.01, DEFAULT).edges()).isEmpty();
    }

    @Test
    void aPairThatAlsoMeetsOutOfStepAllTheTimeIsNotSurprisingInStep() {
        CoActionCounts rt = new CoActionCounts(2000);
        CoActionCounts tw = new CoActionCounts(2000);
        for (int i = 0; i < 3; i++) {
            rt.add(10, 11, 0);
        }
        BackgroundCounts bg = new BackgroundCounts(2000, 4);
        for (int i = 0; i < 400; i++) {
            bg.add(10, 11, 0); // 10 and 11 share the same rare objects minutes apart, over and over
        }
        for (int a = 20; a < 120; a++) {
            bg.add(a, a + 1, 0);
        }
        PairSignificance.Outcome o = PairSignificance.edges(kinds(rt, tw), Map.of(CoordinationKind.CO_RETWEET, bg,
                CoordinationKind.CO_TWEET, busyBackground(2000)), 3, 0.01, DEFAULT);
        assertThat(o.edges()).isEmpty();
    }

    @Test
    void withoutABackgroundToCompareWithNothingIsSurprising() {
        CoActionCounts rt = new CoActionCounts(10);
        CoActionCounts tw = new CoActionCounts(10);
        for (int i = 0; i < 8; i++) {
            rt.add(4, 5, 0);
            tw.add(4, 5, 0);
        }
        Map<CoordinationKind, BackgroundCounts> bg = Map.of(CoordinationKind.CO_RETWEET, new BackgroundCounts(10, 4),
                CoordinationKind.CO_TWEET, new BackgroundCounts(10, 4));
        assertThat(PairSignificance.edges(kinds(rt, tw), bg, 3, 0.01, DEFAULT).edges()).isEmpty();
    }

    /** One original post fires co-link, co-hashtag, co-tweet and co-similar-text at once: that is one act, not four. */
    @Test
    void oneCopiedPostFiringFourKindsCountsOnce() {
        Map<CoordinationKind, CoActionCounts> m = new EnumMap<>(CoordinationKind.class);
        Map<CoordinationKind, BackgroundCounts> bg = new EnumMap<>(CoordinationKind.class);
        for (CoordinationKind k : List.of(CoordinationKind.CO_LINK, CoordinationKind.CO_HASHTAG, CoordinationKind.CO_TWEET,
                CoordinationKind.CO_SIMILAR_TEXT)) {
            CoActionCounts c = new CoActionCounts(2000);
            c.add(0, 1, 0);
            m.put(k, c);
            bg.put(k, busyBackground(2000));
        }
        assertThat(PairSignificance.edges(m, bg, 3, 0.01, DEFAULT).edges()).isEmpty();
        // a second copied post, with a text of its own: two acts
        Map<CoordinationKind, CoActionCounts> again = new EnumMap<>(CoordinationKind.class);
        for (CoordinationKind k : m.keySet()) {
            CoActionCounts c = new CoActionCounts(2000);
            c.add(0, 1, 0);
            if (k == CoordinationKind.CO_TWEET) {
                c.add(0, 1, 0);
            }
            again.put(k, c);
        }
        assertThat(PairSignificance.edges(again, bg, 3, 0.01, DEFAULT).edges()).extracting(e -> e.a() + "-" + e.b()).containsExactly("0-1");
    }

    @Test
    void laggedCoOccurrencesPairSharesWhoseLagLiesInTheBandAndNotOneself() {
        ObjectShares s = ObjectShares.of(7L, new int[] {1, 2, 3, 4, 4}, new long[] {0, 30, 200, 500, 620}, null);
        List<String> seen = new ArrayList<>();
        new LaggedCoOccurrences(120, 360, 64).detect(s, (a, b, later) -> seen.add(a + "-" + b + "@" + later));
        // 200 is 200 after 0 and 170 after 30; 500 is 300 after 200; 620 is 420 after 200 (beyond), 120 after 500 (itself)
        assertThat(seen).containsExactly("2-3@2", "1-3@2", "3-4@3");
    }
}
