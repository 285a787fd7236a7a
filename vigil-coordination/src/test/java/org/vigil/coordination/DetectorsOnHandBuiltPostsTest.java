package org.vigil.coordination;

import org.junit.jupiter.api.Test;
import org.vigil.model.CoordinationKind;
import org.vigil.model.Post;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each detector on small hand-built post sets: what counts as the same object, and what does not. */
class DetectorsOnHandBuiltPostsTest {
    private static final CoordinationSettings SETTINGS = CoordinationSettings.defaults();
    private static final long T = 1_700_000_000L;

    private static Post original(String id, String account, long t, String text, List<String> urls, List<String> tags) {
        return new Post(id, account, t, text, null, null, urls, tags, "en");
    }

    private static Post retweet(String id, String account, long t, String of) {
        return new Post(id, account, t, "", of, null, List.of(), List.of(), "en");
    }

    private static List<String> pairs(List<Post> posts, CoordinationKind kind) {
        return CoActions.find(posts, SETTINGS, kind).stream()
                .map(c -> c.a().compareTo(c.b()) < 0 ? c.a() + "-" + c.b() : c.b() + "-" + c.a()).sorted().toList();
    }

    @Test
    void coRetweetLinksAccountsResharingOnePostWithinTheWindow() {
        List<Post> posts = List.of(retweet("1", "a", T, "p1"), retweet("2", "b", T + 60, "p1"), retweet("3", "c", T + 121, "p1"),
                retweet("4", "d", T + 5, "p2"));
        assertThat(pairs(posts, CoordinationKind.CO_RETWEET)).containsExactly("a-b");
    }

    @Test
    void coRetweetIgnoresTheRetweetsTextAndLinks() {
        List<Post> posts = List.of(new Post("1", "a", T, "RT @x: hello https://e.com/a #tag", "p1", null, List.of("https://e.com/a"), List.of("#tag"), null),
                new Post("2", "b", T + 1, "RT @x: hello https://e.com/a #tag", "p1", null, List.of("https://e.com/a"), List.of("#tag"), null));
        assertThat(pairs(posts, CoordinationKind.CO_RETWEET)).containsExactly("a-b");
        assertThat(pairs(posts, CoordinationKind.CO_LINK)).isEmpty();
        assertThat(pairs(posts, CoordinationKind.CO_HASHTAG)).isEmpty();
        assertThat(pairs(posts, CoordinationKind.CO_TWEET)).isEmpty();
    }

    @Test
    void coLinkTreatsSpellingsOfOneUrlAsOneObject() {
        List<Post> posts = List.of(
                original("1", "a", T, "look", List.of("http://Example.com/story/?utm_source=x"), List.of()),
                original("2", "b", T + 10, "look", List.of("https://www.example.com/story#top"), List.of()),
                original("3", "c", T + 20, "look", List.of("https://example.com/other"), List.of()));
        assertThat(pairs(posts, CoordinationKind.CO_LINK)).containsExactly("a-b");
    }

    @Test
    void emptyUrlCellsAreNotASharedLink() {
        List<Post> posts = List.of(original("1", "a", T, "no link here", List.of(""), List.of()),
                original("2", "b", T + 1, "no link either", List.of(" "), List.of()),
                original("3", "c", T + 2, "none", List.of(), List.of()));
        assertThat(pairs(posts, CoordinationKind.CO_LINK)).isEmpty();
    }

    @Test
    void coLinkFindsUrlsInTheTextWhenTheUrlListIsEmpty() {
        List<Post> posts = List.of(original("1", "a", T, "see https://example.com/x.", List.of(), List.of()),
                original("2", "b", T + 3, "(https://example.com/x) wow", List.of(), List.of()));
        assertThat(pairs(posts, CoordinationKind.CO_LINK)).containsExactly("a-b");
    }

    @Test
    void aPostListingOneUrlTwiceSharesItOnce() {
        List<Post> posts = List.of(original("1", "a", T, "x", List.of("https://e.com/a", "https://e.com/a/"), List.of()),
                original("2", "b", T + 3, "y", List.of("https://e.com/a"), List.of()));
        assertThat(pairs(posts, CoordinationKind.CO_LINK)).containsExactly("a-b");
    }

    @Test
    void coHashtagIsCaseInsensitiveAndSkipsEmptyCells() {
        List<Post> posts = List.of(original("1", "a", T, "x", List.of(), List.of("#Vote")),
                original("2", "b", T + 3, "y", List.of(), List.of("vote", "")),
                original("3", "c", T + 4, "z", List.of(), List.of("", " ")),
                original("4", "d", T + 5, "w", List.of(), List.of("#")));
        assertThat(pairs(posts, CoordinationKind.CO_HASHTAG)).containsExactly("a-b");
    }

    @Test
    void coHashtagReadsTagsFromTheTextWhenTheListIsEmpty() {
        List<Post> posts = List.of(original("1", "a", T, "go #Vote now", List.of(), List.of()),
                original("2", "b", T + 3, "#vote!", List.of(), List.of()));
        assertThat(pairs(posts, CoordinationKind.CO_HASHTAG)).containsExactly("a-b");
    }

    @Test
    void coTweetMatchesNormalisedTextsAndIgnoresShortOnes() {
        List<Post> posts = List.of(original("1", "a", T, "Stop the steal, vote today!", List.of(), List.of()),
                original("2", "b", T + 3, "stop THE steal vote today https://t.co/x", List.of(), List.of()),
                original("3", "c", T + 4, "ok lol", List.of(), List.of()),
                original("4", "d", T + 5, "ok lol", List.of(), List.of()));
        assertThat(pairs(posts, CoordinationKind.CO_TWEET)).containsExactly("a-b");
    }

    @Test
    void coSimilarTextFindsNearDuplicatesButNotUnrelatedTexts() {
        String base = "the candidate lied about the economy and the border again today everyone should know";
        List<Post> posts = List.of(original("1", "a", T, base, List.of(), List.of()),
                original("2", "b", T + 5, base.replace("today", "tonight"), List.of(), List.of()),
                original("3", "c", T + 9, "my cat likes sleeping in the sun near the window all afternoon long", List.of(), List.of()));
        assertThat(pairs(posts, CoordinationKind.CO_SIMILAR_TEXT)).containsExactly("a-b");
    }

    @Test
    void aNearDuplicatePairIsOneCoActionHoweverManyBandsItShares() {
        String base = "identical words in both of these posts about the election and nothing else at all";
        List<Post> posts = List.of(original("1", "a", T, base, List.of(), List.of()), original("2", "b", T + 5, base, List.of(), List.of()));
        assertThat(pairs(posts, CoordinationKind.CO_SIMILAR_TEXT)).containsExactly("a-b");
    }

    @Test
    void outOfOrderPostsGiveTheSameCoActions() {
        List<Post> ordered = List.of(retweet("1", "a", T, "p"), retweet("2", "b", T + 30, "p"), retweet("3", "c", T + 500, "p"));
        List<Post> reversed = List.of(ordered.get(2), ordered.get(1), ordered.get(0));
        assertThat(pairs(reversed, CoordinationKind.CO_RETWEET)).isEqualTo(pairs(ordered, CoordinationKind.CO_RETWEET))
                .containsExactly("a-b");
    }

    @Test
    void duplicatePostIdsDoNotDoubleACoAction() {
        Post a = retweet("1", "a", T, "p");
        List<Post> posts = List.of(a, a, retweet("2", "b", T + 3, "p"), retweet("2", "b", T + 3, "p"));
        assertThat(pairs(posts, CoordinationKind.CO_RETWEET)).containsExactly("a-b");
    }
}
