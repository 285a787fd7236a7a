package org.vigil.coordination.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTokensTest {
    private static long key(String text) {
        TextTokens t = new TextTokens();
        t.tokenize(text);
        return t.sequenceKey();
    }

    private static int count(String text) {
        TextTokens t = new TextTokens();
        t.tokenize(text);
        return t.count();
    }

    @Test
    void caseLinksPunctuationAndSpacingDoNotChangeTheText() {
        assertThat(key("Vote NOW, friends!!  https://t.co/abc")).isEqualTo(key("vote now friends"));
        assertThat(key("vote now friends")).isNotEqualTo(key("friends vote now"));
    }

    @Test
    void aRetweetPrefixIsNotPartOfTheWording() {
        assertThat(key("RT @someone: the same words here")).isEqualTo(key("the same words here"));
    }

    @Test
    void hashtagsAndMentionsAreTokensOfTheirOwn() {
        TextTokens t = new TextTokens();
        t.tokenize("Go #Vote2024 with @Friend and #MAGA, #maga");
        assertThat(t.count()).isEqualTo(7);
        assertThat(t.hashtags()).containsExactly("vote2024", "maga", "maga");
        assertThat(key("#vote")).isNotEqualTo(key("vote"));
    }

    @Test
    void emptyAndSymbolOnlyTextsHaveNoTokens() {
        assertThat(count("")).isZero();
        assertThat(count(null)).isZero();
        assertThat(count("!!! ... # @ ---")).isZero();
        assertThat(count("https://example.com/only-a-link")).isZero();
    }

    @Test
    void compatibilityFormsAreFolded() {
        assertThat(key("\uff36\uff4f\uff54\uff45 now please")).isEqualTo(key("vote now please"));
    }

    @Test
    void hashtagsGivenBySourcesAreLowerCasedWithoutTheHash() {
        assertThat(TextTokens.normalizeHashtag("#MAGA")).isEqualTo("maga");
        assertThat(TextTokens.normalizeHashtag("maga")).isEqualTo("maga");
        assertThat(TextTokens.normalizeHashtag(" # ")).isNull();
        assertThat(TextTokens.normalizeHashtag("")).isNull();
    }
}
