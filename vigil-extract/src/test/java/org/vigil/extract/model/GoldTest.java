package org.vigil.extract.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoldTest {
    @Test
    void evidenceMatchesItsSentenceDespiteQuotesCaseAndTruncation() {
        String sentence = "Officials said the ministry’s hackers had targeted the campaign for months.";
        assertThat(Gold.sameSentence(sentence, "Officials said the ministry's hackers had targeted the campaign for months.")).isTrue();
        assertThat(Gold.sameSentence(sentence, "officials said the ministry's hackers had targeted the camp")).isTrue();
        assertThat(Gold.sameSentence(sentence, "The ministry denied it on Tuesday.")).isFalse();
        assertThat(Gold.sameSentence(sentence, "")).isFalse();
    }
}
