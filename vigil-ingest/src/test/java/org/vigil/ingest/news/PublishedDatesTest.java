package org.vigil.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2024-09-21 | 2024-09-21",
            "2024-09-21T16:29:00+05:30 | 2024-09-21",
            "20240921 | 2024-09-21",
            "September 21, 2024 | 2024-09-21",
            "Sept. 21, 2024 | 2024-09-21",
            "21 September 2024 | 2024-09-21",
            "21st of Sep 2024 | 2024-09-21",
            "09/21/2024 | 2024-09-21",
            "21/09/2024 | 2024-09-21"})
    void metadataDatesParse(String value, LocalDate expected) {
        assertThat(PublishedDates.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2024-13-40", "03/04/2024", "1850-01-01", "Published 2024"})
    void valuesThatAreNotAnUnambiguousDateGiveNull(String value) {
        assertThat(PublishedDates.parse(value)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://example.org/2024/09/21/some-story/ | 2024-09-21",
            "https://example.org/news/2024/9/5/story.html | 2024-09-05",
            "https://example.org/2024-11-06/leaders-react | 2024-11-06",
            "https://example.org/world/2015/dec/17/story | 2015-12-17",
            "https://example.org/a/story-20240921.html | 2024-09-21"})
    void urlPathsWithADateGiveIt(String url, LocalDate expected) {
        assertThat(PublishedDates.fromUrl(url)).isEqualTo(expected);
    }

    @Test
    void urlsWithoutADateOrWithOnlyNumbersGiveNull() {
        assertThat(PublishedDates.fromUrl("https://example.org/node/2524421/amp")).isNull();
        assertThat(PublishedDates.fromUrl("https://example.org/article/3011514-story")).isNull();
        assertThat(PublishedDates.fromUrl(null)).isNull();
    }

    @Test
    void datelinesGiveTheirDateButOrdinarySentencesDoNot() {
        assertThat(PublishedDates.fromDateline("Updated - September 21, 2024 04:29 pm IST - MOSCOW"))
                .isEqualTo(LocalDate.of(2024, 9, 21));
        assertThat(PublishedDates.fromDateline("Published: 3 March 2023")).isEqualTo(LocalDate.of(2023, 3, 3));
        assertThat(PublishedDates.fromDateline("The vote was held on September 21, 2024.")).isNull();
    }
}
