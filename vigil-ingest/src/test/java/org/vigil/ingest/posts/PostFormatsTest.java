package org.vigil.ingest.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Post;

/** One small hand-written file per format, read through the public API, every field checked. */
class PostFormatsTest {
    private static final long OCT_1_2024_NOON = 1_727_784_000L;

    @Test
    void vigilCsvReadsQuotedCommasDoubledQuotesMultiLineTextAndOffsets() {
        Reads r = Reads.of(Reads.resource("vigil.csv"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.summary()).isEqualTo(new ReadSummary(Reads.resource("vigil.csv"), PostFormat.VIGIL_CSV, 4, 4, 0));
        assertThat(r.posts()).containsExactly(
                new Post("p1", "acct_a", OCT_1_2024_NOON, "Polls open today, vote early! #vote https://example.org/polls",
                        null, null, List.of("https://example.org/polls"), List.of("#vote"), "en"),
                new Post("p2", "acct_b", OCT_1_2024_NOON + 60, "She said \"go vote\"", "p1", null, List.of(), List.of(), "en"),
                new Post("p3", "acct_c", OCT_1_2024_NOON + 60, "line one\nline two", null, "p1",
                        List.of("https://a.example/x", "https://b.example/y"), List.of("#one", "#two"), "de"),
                new Post("p4", "acct_d", 1_727_790_000L, "", null, null, List.of(), List.of(), null));
    }

    @Test
    void vigilJsonLinesGiveTheSamePostsAsVigilCsvAndSkipBlankLines() {
        Reads r = Reads.of(Reads.resource("vigil.jsonl"));

        assertThat(r.summary().format()).isEqualTo(PostFormat.VIGIL_JSONL);
        assertThat(r.problems()).isEmpty();
        List<Post> csv = Reads.of(Reads.resource("vigil.csv")).posts();
        assertThat(r.posts()).containsExactly(csv.get(0), csv.get(1), csv.get(2));
    }

    @Test
    void twarc2PagesYieldEachTweetInDataButNotTheIncludedTweets() {
        Reads r = Reads.of(Reads.resource("twarc2-pages.jsonl"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.summary().rows()).isEqualTo(4);
        assertThat(r.posts()).containsExactly(
                new Post("1500000000000000001", "11", 1_646_474_400L, "Read this https://t.co/aaa #Ukraine", null, null,
                        List.of("https://news.example/story"), List.of("Ukraine"), "en"),
                new Post("1500000000000000002", "12", 1_646_474_430L, "RT @first: Read this https://t.co/aaa #Ukraine",
                        "1500000000000000001", null, List.of("https://news.example/story"), List.of("Ukraine"), "en"),
                new Post("1500000000000000003", "13", 1_646_478_000L, "@first I disagree", null, "1500000000000000001",
                        List.of(), List.of(), "en"),
                new Post("1500000000000000004", "14", 1_646_478_300L, "Long post, cut short by the API but complete here",
                        null, null, List.of(), List.of(), "en"));
    }

    @Test
    void twarc2FlattenedTweetsTakeTheAuthorFromTheExpansionWhenAuthorIdIsAbsent() {
        Reads r = Reads.of(Reads.resource("twarc2-flat.jsonl"));

        assertThat(r.summary().format()).isEqualTo(PostFormat.TWARC2_JSONL);
        assertThat(r.problems()).isEmpty();
        assertThat(r.posts()).containsExactly(
                new Post("1500000000000000001", "11", 1_646_474_400L, "Read this https://t.co/aaa #Ukraine", null, null,
                        List.of("https://news.example/story"), List.of("Ukraine"), "en"),
                new Post("1500000000000000002", "12", 1_646_474_430L, "RT @first: Read this https://t.co/aaa #Ukraine",
                        "1500000000000000001", null, List.of("https://t.co/aaa"), List.of(), "en"));
    }

    @Test
    void ioArchiveRowsMapRetweetsRepliesAndPythonStyleLists() {
        Reads r = Reads.of(Reads.resource("io-archive.csv"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.posts()).hasSize(4);
        assertThat(r.posts().get(0)).isEqualTo(new Post("900000000000000001", "hashedUserA1", 1_477_934_520L,
                "Vote for change #Election2016 https://t.co/x1", null, null,
                List.of("http://news.example/vote"), List.of("Election2016"), "en"));
        assertThat(r.posts().get(1).retweetOf()).isEqualTo("900000000000000001");
        assertThat(r.posts().get(1).timestamp()).isEqualTo(1_477_934_580L);
        assertThat(r.posts().get(2)).isEqualTo(new Post("900000000000000003", "hashedUserB2", 1_477_935_015L,
                "@example_one agreed", null, "900000000000000001", List.of(), List.of(), "en"));
    }

    @Test
    void ioArchiveRetweetWithoutARetweetIdGetsAKeyFromItsText() {
        Post post = Reads.of(Reads.resource("io-archive.csv")).posts().get(3);

        assertThat(post.retweetOf()).isEqualTo(RetweetKeys.fromText("Текст без идентификатора")).startsWith("text:");
        assertThat(post.urls()).isEmpty();
        assertThat(post.hashtags()).isEmpty();
    }

    @Test
    void qutRowsTakeHashtagsFromTheMessageAndAnEmptyUrlCellGivesNoUrl() {
        Reads r = Reads.of(Reads.resource("qut.csv"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.posts()).containsExactly(
                new Post("101", "1", 1_727_740_809L, "w1 w2, w3 #tagA https://news1.example/a/1", null, null,
                        List.of("https://news1.example/a/1"), List.of("#tagA"), null),
                new Post("102", "2", 1_727_740_815L, "", "101", null, List.of(), List.of(), null),
                new Post("103", "3", 1_727_740_900L, "w9 reply without links", null, "101", List.of(), List.of(), null),
                new Post("104", "4", 1_727_741_000L, "two links #tagB #tagC", null, null,
                        List.of("https://x.example/1", "https://y.example/2"), List.of("#tagB", "#tagC"), null));
    }

    @Test
    void coortweetObjectsBecomeRetweetsUrlsOrHashtagsAndAnOwnIdMarksAnOriginal() {
        Reads r = Reads.of(Reads.resource("coortweet.csv"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.posts()).containsExactly(
                new Post("c1", "accA", 1_623_881_091L, null, "obj9", null, List.of(), List.of(), null),
                new Post("c2", "accB", 1_623_881_100L, null, "obj9", null, List.of(), List.of(), null),
                new Post("c3", "accC", 1_623_881_200L, null, null, null, List.of(), List.of(), null),
                new Post("c4", "accD", 1_623_881_300L, null, null, null, List.of("https://news.example/a"), List.of(), null),
                new Post("c5", "accE", 1_623_881_400L, null, null, null, List.of(), List.of("#campaign"), null));
    }

    @Test
    void iraRetweetsOfTheSameTextShareOneKeyAndQuotesGetNone() {
        Reads r = Reads.of(Reads.resource("ira.csv"));

        assertThat(r.problems()).isEmpty();
        List<Post> posts = r.posts();
        assertThat(posts.get(0)).isEqualTo(new Post("1", "troll_one", 1_476_272_460L,
                "Watch tonight #MAGA #Debate https://t.co/aaa", null, null,
                List.of("https://t.co/aaa"), List.of("#MAGA", "#Debate"), "English"));
        assertThat(posts.get(1).retweetOf()).startsWith("text:")
                .isEqualTo(posts.get(2).retweetOf())
                .isEqualTo(posts.get(3).retweetOf());
        assertThat(posts.get(4).retweetOf()).as("a quote is not a retweet").isNull();
    }

    @Test
    void iraFallsBackToPublishDateWhenTsIsEmpty() {
        Post post = Reads.of(Reads.resource("ira.csv")).posts().get(5);

        assertThat(post.timestamp()).isEqualTo(1_476_272_760L);
    }

    @Test
    void iraAccountLabelsNeverReachAPost() {
        List<String> labels = List.of("RightTroll", "LeftTroll", "NewsFeed", "HashtagGamer", "Fearmonger", "NonEnglish",
                "Right", "left", "local", "Hashtager", "Russian");

        for (Post post : Reads.of(Reads.resource("ira.csv")).posts()) {
            assertThat(List.of(post.postId(), post.accountId(), String.valueOf(post.retweetOf()),
                    String.valueOf(post.replyTo()))).doesNotContainAnyElementsOf(labels);
            assertThat(post.text()).doesNotContain("Troll");
            assertThat(post.urls()).doesNotContainAnyElementsOf(labels);
            assertThat(post.hashtags()).doesNotContainAnyElementsOf(labels);
        }
    }

    @Test
    void coortweetGermanMapsUrlAndImageIdsToUrlsLeavesDomainsOutAndKeepsRepeatedPostIds() {
        Reads r = Reads.of(Reads.resource("coortweet-german.csv"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.posts()).containsExactly(
                new Post("5001", "fb_1", 1_629_589_836L, null, null, null, List.of("23678"), List.of(), null),
                new Post("5002", "fb_1", 1_629_589_069L, null, null, null, List.of(), List.of("77"), null),
                new Post("5003", "tw_2", 1_631_165_794L, null, null, null, List.of("18687", "phash:539"), List.of(), null),
                new Post("5003", "tw_2", 1_631_165_794L, null, null, null, List.of("18687", "phash:9061"), List.of(), null),
                new Post("5004", "fb_3", 1_629_589_050L, null, null, null, List.of(), List.of(), null));
    }
}
