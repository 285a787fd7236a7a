package org.vigil.coordination.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlNormalizerTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "HTTPS://Example.COM/Path | https://example.com/Path",
            "http://example.com/a | https://example.com/a",
            "https://www.example.com/a | https://example.com/a",
            "https://example.com:443/a | https://example.com/a",
            "http://example.com:80/a | https://example.com/a",
            "https://example.com:8080/a | https://example.com:8080/a",
            "https://example.com/a/ | https://example.com/a",
            "https://example.com/ | https://example.com",
            "https://example.com | https://example.com",
            "https://example.com/a#section-2 | https://example.com/a",
            "https://example.com/a?utm_source=tw&utm_medium=social | https://example.com/a",
            "https://example.com/a?id=7&utm_campaign=x&fbclid=abc | https://example.com/a?id=7",
            "https://example.com/a?gclid=1&page=2&igshid=3 | https://example.com/a?page=2",
            "https://example.com/a?ID=7 | https://example.com/a?ID=7",
            "www.example.com/a | https://example.com/a",
            "'(https://example.com/a).' | https://example.com/a",
            "https://user:pw@Example.com/a | https://example.com/a",
    })
    void spellingsOfOneLinkNormaliseToTheSameUrl(String raw, String expected) {
        assertThat(UrlNormalizer.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void blankCellsAndNonLinksAreNoUrlAtAll() {
        assertThat(UrlNormalizer.normalize("")).isNull();
        assertThat(UrlNormalizer.normalize("   ")).isNull();
        assertThat(UrlNormalizer.normalize(null)).isNull();
        assertThat(UrlNormalizer.normalize("not a link")).isNull();
        assertThat(UrlNormalizer.normalize("ftp://example.com/file")).isNull();
        assertThat(UrlNormalizer.normalize("mailto:someone@example.com")).isNull();
        assertThat(UrlNormalizer.normalize("https://")).isNull();
    }

    @Test
    void pathCaseIsKeptBecauseServersMayTellItApart() {
        assertThat(UrlNormalizer.normalize("https://example.com/A"))
                .isNotEqualTo(UrlNormalizer.normalize("https://example.com/a"));
    }

    @Test
    void domainDropsWwwAndPortAndPath() {
        assertThat(UrlNormalizer.domain("https://news.rt.com/a/b?x=1")).isEqualTo("news.rt.com");
        assertThat(UrlNormalizer.domain("https://www.example.com:8080/x")).isEqualTo("example.com");
    }

    @org.junit.jupiter.api.Test
    void opaqueObjectIdsAreSharedAsTheyAreAndHaveNoDomain() {
        assertThat(UrlNormalizer.normalize("23678")).isEqualTo("23678");
        assertThat(UrlNormalizer.normalize("phash:539")).isEqualTo("phash:539");
        assertThat(UrlNormalizer.domain("phash:539")).isEmpty();
        assertThat(UrlNormalizer.domain("23678")).isEmpty();
    }
}
