package org.vigil.ingest.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.model.VigilException;

class PostFormatTest {

    @ParameterizedTest
    @CsvSource({
            "qut, QUT_CSV", "QUT, QUT_CSV", "ira, IRA_CSV", "io-archive, IO_ARCHIVE_CSV", "io_archive, IO_ARCHIVE_CSV",
            "twarc2, TWARC2_JSONL", "twarc, TWARC2_JSONL", "coortweet, COORTWEET_CSV", "vigil-csv, VIGIL_CSV",
            "vigil-jsonl, VIGIL_JSONL", "coortweet-german, COORTWEET_GERMAN_CSV", "german, COORTWEET_GERMAN_CSV",
            "COORTWEET_GERMAN_CSV, COORTWEET_GERMAN_CSV", "' ira ', IRA_CSV"})
    void namesAndAliasesResolveToTheirFormat(String name, PostFormat expected) {
        assertThat(PostFormat.fromName(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(PostFormat.class)
    void everyCommandLineNameResolvesBackToItsFormat(PostFormat format) {
        assertThat(PostFormat.fromName(format.cliName())).isEqualTo(format);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tweets", "", "csv"})
    void anUnknownNameFailsWithAMessageListingEveryFormat(String name) {
        assertThatThrownBy(() -> PostFormat.fromName(name))
                .isInstanceOf(VigilException.class)
                .hasMessageStartingWith("unknown post format '" + name + "'; use one of: ")
                .hasMessageContainingAll("vigil-csv", "vigil-jsonl", "twarc2", "io-archive", "qut", "coortweet",
                        "ira", "coortweet-german");
    }
}
