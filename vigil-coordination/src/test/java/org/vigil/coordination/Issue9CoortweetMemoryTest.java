package org.vigil.coordination;

import org.junit.jupiter.api.Test;
import org.vigil.coordination.detect.ShareExtractor;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;
import org.vigil.model.VigilException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 9: the coortweet method counts co-actions within a bound and says so in one line instead of running out of memory. */
class Issue9CoortweetMemoryTest {
    private static final CoordinationSettings SETTINGS = CoordinationSettings.fromMap(Map.of("coordination.method", "coortweet",
            "coordination.kinds", "co-retweet", "coordination.window.seconds", "3600", "coordination.coortweet.min.participation", "1"));

    /** 200 accounts retweeting one post within the hour, then 100 of them another: 19,900 + 4,950 co-action rows. */
    private static ShareExtractor crowd() {
        ShareExtractor x = new ShareExtractor(SETTINGS);
        for (int round = 0; round < 2; round++) {
            for (int a = 0; a < (round == 0 ? 200 : 100); a++) {
                x.accept(new Post("p" + round + "-" + a, "acct" + a, 1_727_740_800L + round * 100_000 + a, "RT",
                        "orig" + round, null, List.of(), List.of(), "en"));
            }
        }
        return x;
    }

    @Test
    void pastTheRowLimitTheRunStopsWithAOneLineMessageSayingWhatToChange() {
        assertThatThrownBy(() -> new CoortweetMethod(SETTINGS, ProgressListener.NONE, 20_000).run(crowd()))
                .isInstanceOf(VigilException.class)
                .hasMessageStartingWith("coortweet method: more than 20,000 co-actions (co-retweet, window 3600 s), more than the ")
                .hasMessageEndingWith(" MiB heap can count; narrow --window, raise --min-participation, use --method vigil,"
                        + " or give the JVM more memory (VIGIL_JAVA_OPTS=-Xmx8g)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void withinTheLimitEveryPairIsCountedAndThePairsAboveTheMedianFormTheNetwork() {
        CoordinationResult r = new CoortweetMethod(SETTINGS, ProgressListener.NONE, 24_850).run(crowd());
        assertThat(r.stats()).containsEntry("coactions.co-retweet", 24_850L).containsEntry("pairs.tested", 19_900L)
                .containsEntry("pairs.significant", 4_950L);
        assertThat(r.networks()).hasSize(1);
        assertThat(r.accounts()).hasSize(100);
    }
}
