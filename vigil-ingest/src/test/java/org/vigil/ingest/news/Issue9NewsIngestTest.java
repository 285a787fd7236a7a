package org.vigil.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9: news files read in full or skipped by name, links followed, data files and hostile pages refused with a reason. */
class Issue9NewsIngestTest {
    private static final String STORY = "The harbor council postponed its vote on the ferry contract on Tuesday after forged "
            + "leaflets urged residents to stay away from the meeting, officials said.";

    private final NewsIngest ingest = new NewsIngest();

    @TempDir
    Path tmp;

    @Test
    void aFiveMegabytePageIsReadToItsLastSentence() throws IOException {
        Path page = tmp.resolve("long.html");
        String last = "In the final paragraph, officials said Moscow wanted the challenger to win the election.";
        try (Writer w = Files.newBufferedWriter(page)) {
            w.write("<!DOCTYPE html><html><head><title>Long read</title></head><body><article>");
            for (int i = 0; Files.size(page) < 5L * 1024 * 1024 || i < 40_000; i++) {
                w.write("<p>Paragraph " + i + ": " + STORY + "</p>\n");
                if (i % 5000 == 0) {
                    w.flush();
                }
            }
            w.write("<p>" + last + "</p></article></body></html>");
        }
        assertThat(Files.size(page)).isGreaterThan(5L * 1024 * 1024);

        NewsBatch batch = ingest.read(page);

        assertThat(batch.articles()).singleElement().satisfies(a -> assertThat(a.text()).endsWith(last));
        assertThat(batch.outcomes()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(FileOutcome.Status.OK));
    }

    @Test
    void linkedFilesAndFoldersAreFollowedAndALinkLoopIsSkippedByName() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("news"));
        Files.writeString(root.resolve("a.txt"), STORY);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/day2"));
        Files.writeString(elsewhere.resolve("b.txt"), STORY.replace("Tuesday", "Wednesday"));
        Files.writeString(tmp.resolve("elsewhere/c.txt"), STORY.replace("Tuesday", "Thursday"));
        Files.createSymbolicLink(root.resolve("day2"), elsewhere);
        Files.createSymbolicLink(root.resolve("c.txt"), tmp.resolve("elsewhere/c.txt"));
        Files.createSymbolicLink(root.resolve("loop"), root);
        Files.createSymbolicLink(root.resolve("broken.txt"), tmp.resolve("nowhere.txt"));

        NewsBatch batch = ingest.read(root);

        assertThat(batch.articles()).extracting(a -> a.doc()).containsExactly("a.txt", "c.txt", "day2/b.txt");
        assertThat(batch.outcomes()).filteredOn(o -> o.status() != FileOutcome.Status.OK)
                .extracting(FileOutcome::origin, FileOutcome::status, FileOutcome::message).containsExactlyInAnyOrder(
                        tuple(root.resolve("loop").toString(), FileOutcome.Status.SKIPPED,
                                "symbolic link loop (it leads back to a folder above it), not followed again; remove the link"),
                        tuple(root.resolve("broken.txt").toString(), FileOutcome.Status.FAILED,
                                "broken symbolic link or vanished file; fix or remove it"));
    }

    @Test
    void csvAndGexfFilesInANewsFolderAreSkippedByNameNotIngestedAsArticles() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("news"));
        Files.writeString(root.resolve("story.txt"), STORY);
        Files.writeString(root.resolve("posts.csv"), "post_id,account_id,timestamp,text\n1,a,1727740809,hello there everyone\n");
        Files.writeString(root.resolve("network.gexf"), "<?xml version=\"1.0\"?><gexf xmlns=\"http://gexf.net/1.3\"><graph/></gexf>");
        Files.writeString(root.resolve("graph.xml"), "<?xml version=\"1.0\"?>\n<gexf version=\"1.3\"><graph><nodes/></graph></gexf>");

        NewsBatch batch = ingest.read(root);

        assertThat(batch.articles()).extracting(a -> a.doc()).containsExactly("story.txt");
        assertThat(batch.outcomes()).filteredOn(o -> o.status() == FileOutcome.Status.SKIPPED)
                .extracting(FileOutcome::origin, FileOutcome::message).containsExactly(
                        tuple(root.resolve("graph.xml").toString(), "a GEXF graph file, not a news article; not read: leave it out of the news input"),
                        tuple(root.resolve("network.gexf").toString(), "a graph file (GEXF), not a news article; not read: leave it out of the news input"),
                        tuple(root.resolve("posts.csv").toString(), "a CSV file (table data), not a news article; not read: leave it out of the"
                                + " news input (posts go to 'vigil coordinate')"));
    }

    @Test
    void utf16BigAndLittleEndianWithoutAByteOrderMarkAreDecodedNotCalledBinary() throws IOException {
        Path be = Files.write(tmp.resolve("be.txt"), STORY.getBytes(StandardCharsets.UTF_16BE));
        Path le = Files.write(tmp.resolve("le.txt"), STORY.getBytes(StandardCharsets.UTF_16LE));

        for (Path p : new Path[] {be, le}) {
            NewsBatch batch = ingest.read(p);
            assertThat(batch.articles()).singleElement().satisfies(a -> assertThat(a.text()).isEqualTo(STORY));
            assertThat(batch.outcomes().get(0).message()).endsWith(", decoded as " + (p == be ? "UTF-16BE" : "UTF-16LE"));
        }
    }

    @Test
    void aPageOfOnlyMenusAndLabelsIsSkippedNotStoredAsAnArticle() throws IOException {
        Path page = Files.writeString(tmp.resolve("menu.html"), "<html><body><h1>x</h1><div>HomeNews</div></body></html>");
        Path text = Files.writeString(tmp.resolve("menu.txt"), "x\n\nHomeNews");

        for (Path p : new Path[] {page, text}) {
            NewsBatch batch = ingest.read(p);
            assertThat(batch.articles()).isEmpty();
            assertThat(batch.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(FileOutcome.Status.SKIPPED);
                assertThat(o.message()).isEqualTo("no sentence left after removing boilerplate, only 2 short line(s) such as menus or"
                        + " labels (" + (p == page ? "HTML via readability" : "text") + "); not stored as an article; check that it holds a news article");
            });
        }
    }

    @Test
    void pagesOfOneAndTwoHundredThousandNestedDivsAreSkippedWithTheDepthLimit() throws IOException {
        for (int depth : new int[] {100_000, 200_000}) {
            Path page = Files.writeString(tmp.resolve("deep" + depth + ".html"), "<html><body>" + "<div>".repeat(depth)
                    + "<p>" + STORY + "</p>" + "</div>".repeat(depth) + "</body></html>");
            long t0 = System.nanoTime();

            NewsBatch batch = ingest.read(page);

            System.out.printf("%,d nested divs: %d ms%n", depth, (System.nanoTime() - t0) / 1_000_000);
            assertThat(batch.articles()).isEmpty();
            assertThat(batch.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(FileOutcome.Status.SKIPPED);
                assertThat(o.message()).isEqualTo("HTML nests elements more than 512 deep (news pages nest a few dozen); not parsed,"
                        + " since such a page takes minutes to read; check the file or convert it to text");
            });
        }
    }

    @Test
    void nestingBelowTheLimitAndUnclosedParagraphsAreStillRead() throws IOException {
        Path nested = Files.writeString(tmp.resolve("nested.html"), "<html><body>" + "<div>".repeat(300)
                + "<p>" + STORY + "</p>" + "</div>".repeat(300) + "</body></html>");
        Path unclosed = Files.writeString(tmp.resolve("unclosed.html"), "<html><body><article>"
                + ("<p>" + STORY + "<li>item<br>").repeat(2_000) + "<script>var s = '<div><div><div>';</script></article></body></html>");

        assertThat(HtmlDepth.of(Files.readString(unclosed), 512)).isEqualTo(1);
        assertThat(ingest.read(nested).articles()).singleElement().satisfies(a -> assertThat(a.text()).isEqualTo(STORY));
        assertThat(ingest.read(unclosed).articles()).hasSize(1);
    }
}
