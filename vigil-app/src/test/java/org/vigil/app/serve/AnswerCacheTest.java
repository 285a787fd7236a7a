package org.vigil.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Answers are computed once, the byte budget holds, and a failure keeps nothing. */
class AnswerCacheTest {
    @Test
    void aKeptAnswerIsComputedOnce() {
        AnswerCache cache = new AnswerCache(1600);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            assertThat(cache.get("k", () -> new byte[] {(byte) computed.incrementAndGet()})).containsExactly(1);
        }
        assertThat(computed).hasValue(1);
        assertThat(cache.hits()).isEqualTo(4);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedAnswersLeaveWhenTheBudgetIsFull() {
        AnswerCache cache = new AnswerCache(1600); // answers of up to 100 bytes are kept
        for (int i = 0; i < 20; i++) {
            cache.get("k" + i, () -> new byte[100]);
            cache.get("k0", () -> new byte[100]); // k0 stays the most recently used
        }
        assertThat(cache.bytes()).isEqualTo(1600);
        assertThat(cache.size()).isEqualTo(16);
        AtomicInteger computed = new AtomicInteger();
        cache.get("k0", () -> new byte[computed.incrementAndGet()]);
        cache.get("k1", () -> new byte[computed.incrementAndGet()]);
        assertThat(computed).as("k0 kept, k1 evicted").hasValue(1);
        cache.get("big", () -> new byte[101]);
        assertThat(cache.size()).as("an answer over a sixteenth of the budget is not kept").isEqualTo(16);
    }

    @Test
    void aFailedComputationKeepsNothing() {
        AnswerCache cache = new AnswerCache(1600);
        assertThatThrownBy(() -> cache.get("k", () -> {
            throw ApiProblem.notFound("gone");
        })).isInstanceOf(ApiProblem.class);
        assertThat(cache.size()).isZero();
        assertThat(cache.get("k", () -> new byte[] {7})).containsExactly(7);
    }
}
