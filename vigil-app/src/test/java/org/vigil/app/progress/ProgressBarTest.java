package org.vigil.app.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void withATotalTheBarShowsDoneOfTotalTheRateAndTheTimeLeft() {
        String line = ProgressBar.line("articles extracted", 25, 100, 10.0);
        assertThat(line).startsWith("\r[#######                       ] 25/100 articles extracted  2.5/s  10.0s, 30s left");
        assertThat(line).hasSize(101);
    }

    @Test
    void withoutATotalItShowsTheCountAndRateOnly() {
        assertThat(ProgressBar.line("reading posts.csv", 32_768, 0, 4.0).strip())
                .isEqualTo("reading posts.csv 32,768  8192.0/s  4.0s");
    }

    @Test
    void neverDrawsNothingAndAnUnknownModeIsRefused() {
        StringWriter out = new StringWriter();
        ProgressBar bar = ProgressBar.forMode("never", new PrintWriter(out));
        bar.progress("x", 1, 2);
        bar.done();
        assertThat(out.toString()).isEmpty();
        assertThatThrownBy(() -> ProgressBar.forMode("loud", new PrintWriter(out)))
                .hasMessage("--progress must be auto, always or never, got 'loud'");
    }
}
