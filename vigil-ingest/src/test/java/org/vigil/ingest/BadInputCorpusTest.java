package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.ingest.news.FileOutcome;
import org.vigil.ingest.news.NewsBatch;
import org.vigil.ingest.news.NewsIngest;
import org.vigil.ingest.posts.PostReaders;
import org.vigil.ingest.posts.ReadSummary;
import org.vigil.model.Post;
import org.vigil.model.Problem;

/** The files of {@code src/test/resources/bad-input/}, each with its exact outcome (issue 9). */
class BadInputCorpusTest {
    private static Path corpus(String name) {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-input/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource /bad-input/" + name + " is missing", e);
        }
    }

    @Test
    void crOnlyLineEndsGiveEveryRowAndTheBadOneByItsLine() {
        List<Post> posts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        ReadSummary s = PostReaders.read(corpus("posts/mac-cr-only.csv"), null, posts::add, problems::add);
        assertThat(posts).extracting(Post::postId).containsExactly("1", "2");
        assertThat(problems).extracting(Problem::line, Problem::reason).containsExactly(tuple(4L,
                "column 'timestamp' has 'not-a-time', which is neither epoch seconds nor an ISO-8601 time such as 2024-10-01T12:00:00Z; fix the value"));
        assertThat(s.rows()).isEqualTo(3);
    }

    @Test
    void twarcPagesWithoutAListOfTweetsAreQuarantinedByLine() {
        List<Post> posts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        PostReaders.read(corpus("posts/twarc-data-not-a-list.jsonl"), null, posts::add, problems::add);
        assertThat(posts).extracting(Post::postId).containsExactly("1");
        assertThat(problems).extracting(Problem::line, Problem::reason).containsExactly(
                tuple(2L, "'data' is a string, not a list of tweets; expected a twarc2 response page {\"data\":[tweets],...}"),
                tuple(3L, "item 1 of 'data' is 'true', not a tweet object; the page's other tweets were read"));
    }

    @Test
    void theNewsFolderGivesArticlesOnlyForTheUtf16TextAndNamesEverySkip() {
        Path news = corpus("news");
        NewsBatch batch = new NewsIngest().read(news);
        assertThat(batch.articles()).extracting(a -> a.doc())
                .containsExactly("utf16be-no-bom.txt", "utf16le-no-bom.txt");
        assertThat(batch.outcomes()).filteredOn(o -> o.status() != FileOutcome.Status.OK)
                .extracting(o -> Path.of(o.origin()).getFileName().toString(), FileOutcome::message).containsExactly(
                        tuple("deep-divs-600.html", "HTML nests elements more than 512 deep (news pages nest a few dozen); not parsed,"
                                + " since such a page takes minutes to read; check the file or convert it to text"),
                        tuple("graph-named-xml.xml", "a GEXF graph file, not a news article; not read: leave it out of the news input"),
                        tuple("menu-only.html", "no sentence left after removing boilerplate, only 2 short line(s) such as menus or labels"
                                + " (HTML via readability); not stored as an article; check that it holds a news article"),
                        tuple("network.gexf", "a graph file (GEXF), not a news article; not read: leave it out of the news input"),
                        tuple("posts.csv", "a CSV file (table data), not a news article; not read: leave it out of the news input"
                                + " (posts go to 'vigil coordinate')"));
    }
}
