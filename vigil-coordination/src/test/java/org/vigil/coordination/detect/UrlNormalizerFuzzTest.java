package org.vigil.coordination.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes URL normalisation with any text, and text shaped like a link. A result is null (not a
 * shareable link) or a link on https with a non-empty host and no whitespace, or an opaque id
 * without whitespace; its domain can always be taken; nothing escapes.
 *
 * <p>A normal test run replays the saved inputs under
 * {@code src/test/resources/org/vigil/coordination/detect/UrlNormalizerFuzzTestInputs/}; how to fuzz
 * for a set time is in {@code docs/fuzzing.md}.
 */
class UrlNormalizerFuzzTest {
    private static final String[] PREFIXES = {"", "http://", "https://", "HTTP://WWW.", "www.", "https://user@", "ftp://", "phash:"};

    @FuzzTest(maxDuration = "30s")
    void anyTextNormalisesToNullOrAWhitespaceFreeLinkOrId(FuzzedDataProvider data) {
        String raw = PREFIXES[data.consumeInt(0, PREFIXES.length - 1)] + data.consumeRemainingAsString();

        String url = UrlNormalizer.normalize(raw);

        if (url == null) {
            return;
        }
        assertThat(url).isNotEmpty();
        assertThat(url.chars().noneMatch(Character::isWhitespace)).as("no whitespace in '%s'", url).isTrue();
        String domain = UrlNormalizer.domain(url);
        if (url.startsWith("https://")) {
            assertThat(url.length()).isGreaterThan("https://".length());
            assertThat(domain).doesNotContain("/");
        } else {
            assertThat(url).doesNotContain("://");
        }
    }
}
