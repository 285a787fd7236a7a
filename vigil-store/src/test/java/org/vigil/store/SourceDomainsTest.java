package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceDomainsTest {
    @ParameterizedTest(name = "{0} | {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "https://www.Reuters.com/world/us/story-1 | NULL          | reuters.com",
        "https://m.reuters.com/a?b=c              | NULL          | reuters.com",
        "http://amp.cnn.com/x                     | NULL          | cnn.com",
        "https://edition.cnn.com/x                | NULL          | edition.cnn.com",
        "https://user@news.example.org:8443/p     | NULL          | news.example.org",
        "https://news.example.com/a story?x=[1]    | NULL          | news.example.com",
        "www.example.com/no-scheme                | NULL          | example.com",
        "NULL                                     | seeds/002.txt | file:seeds/002.txt",
        "'   '                                    | NULL          | doc:fallback.txt",
        "https://www.com/                         | NULL          | www.com",
    })
    void aSourceCountsAsItsHostOrItsFile(String url, String origin, String expected) {
        assertThat(SourceDomains.of(url, origin, "fallback.txt")).isEqualTo(expected);
    }
}
