package org.vigil.coordination.detect;

import org.junit.jupiter.api.Test;
import org.vigil.model.CoordinationKind;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WindowedCoActionDetectorTest {
    private static List<String> run(int window, int maxPartners, int[] accounts, long[] times) {
        List<String> out = new ArrayList<>();
        new WindowedCoActionDetector(CoordinationKind.CO_LINK, window, maxPartners, null)
                .detect(ObjectShares.of(1L, accounts, times, null), (a, b, ta, tb, ra, rb) -> out.add(Math.min(a, b) + "-" + Math.max(a, b)));
        return out;
    }

    @Test
    void sharesExactlyAWindowApartCoActButOneSecondMoreDoNot() {
        assertThat(run(60, 64, new int[]{1, 2}, new long[]{1000, 1060})).containsExactly("1-2");
        assertThat(run(60, 64, new int[]{1, 2}, new long[]{1000, 1061})).isEmpty();
        assertThat(run(0, 64, new int[]{1, 2}, new long[]{1000, 1000})).containsExactly("1-2");
    }

    @Test
    void anAccountNeverCoActsWithItself() {
        assertThat(run(60, 64, new int[]{1, 1, 1}, new long[]{0, 5, 10})).isEmpty();
    }

    @Test
    void theSameAccountSharingTwiceInAWindowCountsOncePerPartner() {
        assertThat(run(60, 64, new int[]{1, 2, 1}, new long[]{0, 10, 20})).containsExactly("1-2");
    }

    @Test
    void aDuplicatedPostCountsOnce() {
        assertThat(run(60, 64, new int[]{1, 1, 2}, new long[]{100, 100, 130})).containsExactly("1-2");
    }

    @Test
    void thePairCountsAgainWhenItMeetsAgainMoreThanAWindowLater() {
        assertThat(run(60, 64, new int[]{1, 2, 1, 2}, new long[]{0, 10, 500, 505})).containsExactly("1-2", "1-2");
    }

    @Test
    void outOfOrderTimestampsAreOrderedBeforeDetection() {
        List<String> ordered = run(60, 64, new int[]{1, 2, 3}, new long[]{0, 30, 1000});
        List<String> shuffled = run(60, 64, new int[]{3, 2, 1}, new long[]{1000, 30, 0});
        assertThat(shuffled).containsExactlyInAnyOrderElementsOf(ordered).containsExactly("1-2");
    }

    @Test
    void aBurstYieldsAtMostMaxPartnersCoActionsPerShare() {
        int n = 5000;
        int[] accounts = new int[n];
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            accounts[i] = i;
            times[i] = i / 100; // 5000 shares within 50 seconds
        }
        List<String> out = run(60, 16, accounts, times);
        assertThat(out).hasSizeLessThanOrEqualTo(n * 16);
        assertThat(out.size()).isGreaterThan(n * 15); // and the cap is reached, not avoided
    }

    @Test
    void withinTheCapEveryPairInTheWindowIsFound() {
        List<String> out = run(60, 64, new int[]{1, 2, 3, 4}, new long[]{0, 1, 2, 3});
        assertThat(out).containsExactlyInAnyOrder("1-2", "1-3", "2-3", "1-4", "2-4", "3-4");
    }

    @Test
    void aPairCheckCanRejectCoActions() {
        List<String> out = new ArrayList<>();
        new WindowedCoActionDetector(CoordinationKind.CO_SIMILAR_TEXT, 60, 64, (key, ra, rb) -> ra + rb == 1)
                .detect(ObjectShares.of(1L, new int[]{1, 2, 3}, new long[]{0, 1, 2}, new int[]{0, 1, 5}),
                        (a, b, ta, tb, ra, rb) -> out.add(a + "-" + b));
        assertThat(out).containsExactly("1-2");
    }

    @Test
    void cooRTweetsAllPairsCountsEveryPairOfShares() {
        List<String> out = new ArrayList<>();
        new AllPairsDetector(CoordinationKind.CO_RETWEET, 60)
                .detect(ObjectShares.of(1L, new int[]{1, 2, 1}, new long[]{0, 10, 20}, null), (a, b, ta, tb, ra, rb) -> out.add(a + "-" + b));
        assertThat(out).containsExactly("1-2", "2-1");
    }
}
