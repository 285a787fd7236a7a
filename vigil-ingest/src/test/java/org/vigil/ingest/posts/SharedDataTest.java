package org.vigil.ingest.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Post;
import org.vigil.model.Problem;
import org.vigil.testing.Needs;

/**
 * Reads the real third-party files under the shared data folder in place (system property
 * {@code vigil.shared}, else {@code ../shared} from the repository root). When they are absent a
 * test fails under CI=true and is skipped with a message elsewhere. Checks shape and invariants, never copies the data's content.
 */
class SharedDataTest {
    private static final long SEP_1_2016 = 1_472_688_000L;
    private static final long JAN_1_2017 = 1_483_228_800L;
    private static final long JAN_1_2021 = 1_609_459_200L;
    private static final long JAN_1_2022 = 1_640_995_200L;
    private static final int FIRST_ROWS = 5_000;

    /** Stops a read early once enough posts have arrived. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    private static Path shared(String relative) {
        Path file = Needs.shared(relative);
        Needs.present(Files.isReadable(file), file + " readable", "check its permissions");
        return file;
    }

    private static List<Post> firstPosts(Path file, int n, List<Problem> problems) {
        List<Post> posts = new ArrayList<>(n);
        try {
            PostReaders.read(file, null, p -> {
                posts.add(p);
                if (posts.size() == n) {
                    throw new Enough();
                }
            }, problems::add);
        } catch (Enough stop) {
            // read as far as needed
        }
        return posts;
    }

    @Test
    void iraFirstRowsAreAutumn2016TweetsWithDerivedRetweetKeysAndNoLabels() {
        Path file = shared("data/ira/ira_2016q4.csv.gz");
        assertThat(PostReaders.detect(file)).isEqualTo(PostFormat.IRA_CSV);
        List<Problem> problems = new ArrayList<>();

        List<Post> posts = firstPosts(file, FIRST_ROWS, problems);

        assertThat(problems).isEmpty();
        assertThat(posts).hasSize(FIRST_ROWS).allSatisfy(p -> {
            assertThat(p.postId()).isNotBlank();
            assertThat(p.accountId()).isNotBlank();
            assertThat(p.timestamp()).isBetween(SEP_1_2016, JAN_1_2017);
            assertThat(p.text()).isNotNull();
            assertThat(p.replyTo()).isNull();
            assertThat(p.urls()).noneMatch(String::isBlank);
            assertThat(p.hashtags()).allMatch(h -> h.startsWith("#"));
        });
        List<String> keys = posts.stream().map(Post::retweetOf).filter(k -> k != null).toList();
        assertThat(keys).isNotEmpty().allMatch(k -> k.startsWith(RetweetKeys.PREFIX));
        assertThat(keys.stream().distinct().count()).as("some tweets are retweeted more than once").isLessThan(keys.size());
        List<String> labels = List.of("RightTroll", "LeftTroll", "NewsFeed", "HashtagGamer", "Fearmonger", "NonEnglish", "Commercial");
        assertThat(posts).flatExtracting(Post::accountId, Post::language).doesNotContainAnyElementsOf(labels);
    }

    @Test
    void iraWholeFileReadsWithoutProblems() {
        Path file = shared("data/ira/ira_2016q4.csv.gz");
        long[] retweets = {0};

        ReadSummary summary = PostReaders.read(file, null, p -> retweets[0] += p.retweetOf() != null ? 1 : 0,
                problem -> { });

        assertThat(summary.bad()).isZero();
        assertThat(summary.rows()).isEqualTo(326_980);
        assertThat(retweets[0]).isGreaterThan(summary.rows() / 2);
    }

    @Test
    void coortweetRussianSharesAreAllRetweetsOfAnotherPost() {
        Path file = shared("data/coortweet/russian_coord_tweets.csv");
        List<Post> posts = new ArrayList<>();

        ReadSummary summary = PostReaders.read(file, null, posts::add, problem -> { });

        assertThat(summary.format()).isEqualTo(PostFormat.COORTWEET_CSV);
        assertThat(summary.bad()).isZero();
        assertThat(summary.rows()).isEqualTo(35_125);
        assertThat(posts).allSatisfy(p -> {
            assertThat(p.retweetOf()).isNotBlank().isNotEqualTo(p.postId());
            assertThat(p.timestamp()).isBetween(JAN_1_2021, JAN_1_2022);
        });
    }

    @Test
    void coortweetGermanRowsWithoutAPostIdAreTheOnlyProblemsAndDomainsStayOut() {
        Path file = shared("data/coortweet/german_elections.csv.gz");
        List<Post> posts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();

        ReadSummary summary = PostReaders.read(file, null, posts::add, problems::add);

        assertThat(summary.format()).isEqualTo(PostFormat.COORTWEET_GERMAN_CSV);
        assertThat(summary.rows()).isEqualTo(218_971);
        assertThat(problems).isNotEmpty().hasSizeLessThan(10)
                .allSatisfy(p -> assertThat(p.reason()).isEqualTo("column 'post_id' is empty; every post needs an id"));
        assertThat(posts).flatExtracting(Post::urls).noneMatch(u -> u.startsWith("domain"))
                .anyMatch(u -> u.startsWith(CoorTweetGermanCsvMapper.PHASH_PREFIX));
        assertThat(posts).anyMatch(p -> !p.hashtags().isEmpty());
    }
}
