package org.vigil.ingest.posts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void spaceSeparatedCellsSplitOnRunsOfWhiteSpaceAndBlankCellsAreEmpty() {
        assertThat(Tokens.spaceSeparated("")).isEmpty();
        assertThat(Tokens.spaceSeparated(null)).isEmpty();
        assertThat(Tokens.spaceSeparated("   ")).isEmpty();
        assertThat(Tokens.spaceSeparated("a")).containsExactly("a");
        assertThat(Tokens.spaceSeparated(" a  b\tc ")).containsExactly("a", "b", "c");
    }

    @Test
    void pythonStyleListsLoseTheirBracketsAndQuotes() {
        assertThat(Tokens.bracketList("[]")).isEmpty();
        assertThat(Tokens.bracketList("")).isEmpty();
        assertThat(Tokens.bracketList("[tag1, tag2]")).containsExactly("tag1", "tag2");
        assertThat(Tokens.bracketList("['http://a.example/x', \"http://b.example/y\"]"))
                .containsExactly("http://a.example/x", "http://b.example/y");
        assertThat(Tokens.bracketList("solo")).containsExactly("solo");
    }

    @Test
    void hashtagsAreFoundAtWordStartsOnly() {
        assertThat(Tokens.hashtagsIn("w1 #tag238 w2 #tag42")).containsExactly("#tag238", "#tag42");
        assertThat(Tokens.hashtagsIn("#start mid#dle &#39; # alone #Выборы2024 #a_b.")).containsExactly("#start", "#Выборы2024", "#a_b");
        assertThat(Tokens.hashtagsIn("no tags here")).isEmpty();
        assertThat(Tokens.hashtagsIn(null)).isEmpty();
    }

    @Test
    void retweetKeysIgnoreTheRtPrefixAndSpacingButNotTheWords() {
        String key = RetweetKeys.fromText("Breaking: the story");
        assertThat(key).startsWith("text:").hasSize("text:".length() + 16);
        assertThat(RetweetKeys.fromText("RT @someone_1: Breaking:   the\nstory ")).isEqualTo(key);
        assertThat(RetweetKeys.fromText("Breaking: another story")).isNotEqualTo(key);
        assertThat(RetweetKeys.fromText("   ")).isNull();
        assertThat(RetweetKeys.fromText(null)).isNull();
    }
}
