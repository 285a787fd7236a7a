package org.vigil.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.Article;
import org.vigil.model.Problem;
import org.vigil.model.Source;

class NewsIngestTest {

    private final NewsIngest ingest = new NewsIngest();

    @TempDir
    Path tmp;

    private static Article only(NewsBatch batch) {
        assertThat(batch.articles()).hasSize(1);
        return batch.articles().get(0);
    }

    @Test
    void anHtmlPageYieldsItsStoryAndMetadataWithoutNavigationOrAds() {
        NewsBatch batch = ingest.read(TestFiles.resource("page-with-nav-and-ads.html"));
        Article a = only(batch);

        assertThat(a.text())
                .contains("The Tidewater harbor council postponed Tuesday's vote on the new ferry contract")
                .contains("\"Somebody wanted the room empty,\" she said.")
                .contains("The company denied any role.")
                .contains("The council will meet again on May 30")
                .doesNotContain("Advertisement", "Skip to content", "Copy link", "Sign up", "cookies",
                        "All rights reserved", "Lighthouse restoration", "Weather");
        assertThat(a.text()).contains("\n\n");
        assertThat(a.title()).isEqualTo("Harbor council vote delayed after forged leaflets");
        assertThat(a.url()).isEqualTo("https://ledger.example.org/news/harbor-council-vote-delayed");
        assertThat(a.published()).isEqualTo(LocalDate.of(2023, 5, 14));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.doc()).isEqualTo("page-with-nav-and-ads.html");
        assertThat(batch.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(FileOutcome.Status.OK);
            assertThat(o.message()).startsWith("HTML via readability");
        });
    }

    @Test
    void aPageWithTooLittleForReadabilityFallsBackToItsBodyWithoutNavigation() throws IOException {
        Path page = tmp.resolve("short.html");
        Files.writeString(page, "<html><head><title>Ferry notice</title></head><body><nav><ul><li>Home</li><li>Local</li>"
                + "<li>Harbor</li></ul></nav><table><tr><td>The ferry to Gull Point will not run on Sunday because of "
                + "the storm warning, the operator said.</td></tr></table><footer>Contact us</footer></body></html>");

        Article a = only(ingest.read(page));

        assertThat(a.text()).isEqualTo("The ferry to Gull Point will not run on Sunday because of the storm warning, the operator said.");
        assertThat(a.title()).isEqualTo("Ferry notice");
    }

    @Test
    void htmlIsRecognisedByContentWhateverTheFileIsCalled() throws IOException {
        Path disguised = tmp.resolve("page.txt");
        Files.copy(TestFiles.resource("page-with-nav-and-ads.html"), disguised);

        Article a = only(ingest.read(disguised));

        assertThat(a.text()).doesNotContain("<p>").contains("forged leaflets");
        assertThat(a.published()).isEqualTo(LocalDate.of(2023, 5, 14));
    }

    @Test
    void aFlattenedScrapeLosesItsBoilerplateAndKeepsEveryStorySentence() {
        Article a = only(ingest.read(TestFiles.resource("text-with-boilerplate.txt")));

        assertThat(a.text().split("\n\n")).containsExactly(
                "The regional broadcasting board said on Monday that the two-day outage of the Northport radio mast was caused by intruders who entered the control room with a stolen key card.",
                "Board chair Wilma Osei told reporters that the intruders disabled the backup generator before cutting the main feed. \"This was planned by people who knew the building,\" she said.",
                "Police have not named a suspect. A spokesperson said officers were reviewing camera footage from the night of the outage.",
                "Engineers restored full service on Wednesday morning, the board said.");
        assertThat(a.url()).isEqualTo("https://coastwatch.example.net/2022/03/08/radio-mast-outage");
        assertThat(a.title()).isEqualTo("Radio mast outage blamed on intruders, regional board says");
        assertThat(a.published()).isEqualTo(LocalDate.of(2022, 3, 8));
        assertThat(a.text()).doesNotContain("URL:", "TITLE:", "date 2022");
    }

    @Test
    void theIdIsTheSha256OfTheCleanTextAndTheSourceNamesTheFile() {
        Path file = TestFiles.resource("text-with-boilerplate.txt");
        Article a = only(ingest.read(file));

        assertThat(a.id()).isEqualTo(ArticleAssembler.sha256(a.text())).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(a.sources()).containsExactly(new Source(a.url(), a.title(), a.published(), file.toString()));
    }

    @Test
    void anEmptyFileIsSkippedWithAMessage() {
        NewsBatch batch = ingest.read(TestFiles.resource("empty.txt"));

        assertThat(batch.articles()).isEmpty();
        assertThat(batch.skipped()).isEqualTo(1);
        assertThat(batch.outcomes().get(0).message()).startsWith("empty file");
    }

    @Test
    void aBinaryFileIsSkippedWithAMessage() throws IOException {
        Path png = tmp.resolve("photo.txt");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1});

        NewsBatch batch = ingest.read(png);

        assertThat(batch.articles()).isEmpty();
        assertThat(batch.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(FileOutcome.Status.SKIPPED);
            assertThat(o.message()).isEqualTo("binary file, not text or HTML; remove it from the input");
        });
    }

    @Test
    void windows1252AndLatin1FilesDecodeCorrectly() throws IOException {
        String story = "The mayor’s office said the “forged” leaflets cost €300 to print, and that Zoë Müller "
                + "reported them first. Officials expect a decision on the ferry contract next week.";
        Path cp1252 = tmp.resolve("cp1252.txt");
        Files.write(cp1252, story.getBytes("windows-1252"));
        String latin = "The café owner in Zürich said the señor left before the vote was counted by the council.";
        Path latin1 = tmp.resolve("latin1.txt");
        Files.write(latin1, latin.getBytes(StandardCharsets.ISO_8859_1));

        NewsBatch batch = ingest.read(tmp);

        assertThat(batch.articles()).extracting(Article::text).containsExactly(story, latin);
        assertThat(batch.outcomes()).allSatisfy(o -> assertThat(o.message()).contains("decoded as windows-1252"));
    }

    @Test
    void aGermanOrFrenchArticleIsStillAnArticleWithItsLanguage() {
        Article de = only(ingest.read(TestFiles.resource("german-article.txt")));
        Article fr = only(ingest.read(TestFiles.resource("french-article.txt")));

        assertThat(de.language()).isEqualTo("de");
        assertThat(de.title()).isEqualTo("Stadtrat vertagt die Abstimmung über den neuen Hafenvertrag");
        assertThat(de.text()).contains("gefälschte Flugblätter");
        assertThat(fr.language()).isEqualTo("fr");
        assertThat(fr.text()).contains("faux tracts");
    }

    @Test
    void aBrokenJsonlLineFailsAloneAndTheRestOfTheFileIsRead() {
        Path file = TestFiles.resource("news-with-broken-line.jsonl");
        List<Problem> quarantined = new ArrayList<>();

        NewsBatch batch = ingest.read(file, quarantined::add);

        assertThat(batch.articles()).extracting(Article::doc)
                .containsExactly("https://example.org/a/first-story", "news-with-broken-line.jsonl#3");
        assertThat(batch.ok()).isEqualTo(2);
        assertThat(batch.failed()).isEqualTo(2);
        assertThat(batch.outcomes()).extracting(FileOutcome::origin)
                .containsExactly(file + ":1", file + ":2", file + ":3", file + ":4");
        assertThat(batch.outcomes().get(1).message()).startsWith("not valid JSON (").endsWith("; fix or remove this line");
        assertThat(batch.outcomes().get(3).message()).isEqualTo("record has neither 'html' nor 'text'; add the page's HTML or text");
        assertThat(quarantined).extracting(Problem::line).containsExactly(2L, 4L);
        assertThat(quarantined.get(0).raw()).startsWith("{\"url\": \"https://example.org/a/broken\"");
        assertThat(batch.problems()).extracting(Problem::origin).containsOnly(file.toString());
    }

    @Test
    void jsonlMetadataFillsTheArticleAndHtmlRecordsAreCleaned() {
        NewsBatch batch = ingest.read(TestFiles.resource("news-with-broken-line.jsonl"));
        Article first = batch.articles().get(0);
        Article html = batch.articles().get(1);

        assertThat(first.title()).isEqualTo("Mast outage traced to stolen key card");
        assertThat(first.published()).isEqualTo(LocalDate.of(2022, 3, 8));
        assertThat(first.sources().get(0).origin()).endsWith("news-with-broken-line.jsonl:1");
        assertThat(html.published()).isEqualTo(LocalDate.of(2022, 3, 9));
        assertThat(html.text()).startsWith("The harbor council postponed its vote").doesNotContain("Home", "Copyright");
    }

    @Test
    void gzippedJsonlIsReadLikePlainJsonl() throws IOException {
        Path gz = tmp.resolve("news.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(TestFiles.resource("news-with-broken-line.jsonl")));
        }

        NewsBatch batch = ingest.read(gz);

        assertThat(batch.ok()).isEqualTo(2);
        assertThat(batch.failed()).isEqualTo(2);
    }

    @Test
    void aJsonlFileOfSomethingElseIsSkippedAsAWholeNotLineByLine() throws IOException {
        Path annotations = tmp.resolve("gold.jsonl");
        Files.writeString(annotations, "{\"doc\": \"001.txt\", \"claims\": []}\n{\"doc\": \"002.txt\", \"claims\": []}\n");

        NewsBatch batch = ingest.read(annotations);

        assertThat(batch.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(FileOutcome.Status.SKIPPED);
            assertThat(o.message()).startsWith("not a news JSONL file");
        });
    }

    @Test
    void aFolderIsReadRecursivelyInPathOrderAndOneBadFileDoesNotStopIt() throws IOException {
        Files.createDirectories(tmp.resolve("b/inner"));
        Files.writeString(tmp.resolve("b/inner/z.txt"), "The ferry operator said all crossings would resume on Monday after the strike ended.");
        Files.writeString(tmp.resolve("a.txt"), "The harbor council said the vote will be held again at the end of the month.");
        Files.write(tmp.resolve("b/broken.bin"), new byte[] {0, 1, 2, 3, 0, 0});
        Files.writeString(tmp.resolve("c.txt"), "");
        Files.writeString(tmp.resolve(".hidden.txt"), "Never read.");

        NewsBatch batch = ingest.read(tmp);

        assertThat(batch.outcomes()).extracting(o -> tmp.relativize(Path.of(o.origin())).toString().replace('\\', '/'))
                .containsExactly(".hidden.txt", "a.txt", "b/broken.bin", "b/inner/z.txt", "c.txt");
        assertThat(batch.articles()).extracting(Article::doc).containsExactly("a.txt", "b/inner/z.txt");
        assertThat(batch.ok()).isEqualTo(2);
        assertThat(batch.skipped()).isEqualTo(3);
        assertThat(batch.failed()).isZero();
    }

    @Test
    void aMissingPathIsOneFailedOutcomeNotAnException() {
        NewsBatch batch = ingest.read(tmp.resolve("nope"));

        assertThat(batch.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(FileOutcome.Status.FAILED);
            assertThat(o.message()).isEqualTo("no such file or folder; check the input path");
        });
    }

    @Test
    void aFiftyMegabyteHtmlPageIsSkippedWithItsSizeNotCut() throws IOException {
        Path big = tmp.resolve("huge.html");
        String paragraph = "<p>The harbor council met again on Tuesday and heard from residents about the forged leaflets and the ferry contract.</p>\n";
        try (Writer w = Files.newBufferedWriter(big)) {
            w.write("<!DOCTYPE html><html><head><title>Huge page</title></head><body><article>");
            long written = 0;
            for (int i = 0; written < 50L * 1024 * 1024; i++) {
                w.write(paragraph);
                written += paragraph.length();
            }
            w.write("</article></body></html>");
        }

        NewsBatch batch = ingest.read(big);

        assertThat(batch.articles()).isEmpty();
        assertThat(batch.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(FileOutcome.Status.SKIPPED);
            assertThat(o.message()).matches("the document is 50\\.0 MiB, over the 16\\.0 MiB limit \\(ingest\\.news\\.max\\.bytes\\);"
                    + " not read, since a cut page would lose its end: split it or raise the limit");
        });
    }

    @Test
    void aSmallerReadCapIsHonouredAndValidated() throws IOException {
        Path file = tmp.resolve("long.txt");
        Files.writeString(file, "The council met again on Tuesday to discuss the ferry contract and the leaflets.\n".repeat(100));

        NewsBatch batch = new NewsIngest(2048).read(file);

        assertThat(batch.articles()).isEmpty();
        assertThat(batch.outcomes().get(0).message()).startsWith("the document is 7.9 KiB, over the 2.0 KiB limit (ingest.news.max.bytes)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NewsIngest(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ingest.news.max.bytes must be between 1024 and 2147483631 but was 10");
    }

    @Test
    void datesComeFromDatelinesAndUrlsWhenThereIsNoMetadata() throws IOException {
        Path dateline = tmp.resolve("dateline.txt");
        Files.writeString(dateline, "Ferry strike ends\n\nPublished: 3 March 2023\n\n"
                + "The ferry strike ended on Thursday after the union accepted a new offer from the operator.");
        Path url = tmp.resolve("url.txt");
        Files.writeString(url, "URL: https://example.org/2021/06/30/ferry-strike\n"
                + "The ferry strike ended on Thursday after the union accepted a new offer from the operator, officials said.");

        assertThat(only(ingest.read(dateline)).published()).isEqualTo(LocalDate.of(2023, 3, 3));
        assertThat(only(ingest.read(dateline)).text()).doesNotContain("Published");
        assertThat(only(ingest.read(url)).published()).isEqualTo(LocalDate.of(2021, 6, 30));
    }

    @Test
    void hardWrappedTextIsJoinedBackIntoParagraphs() throws IOException {
        Path wrapped = tmp.resolve("wrapped.txt");
        Files.writeString(wrapped, """
                The harbor council postponed its vote on the ferry
                contract on Tuesday after forged leaflets urged
                residents to stay away from the meeting, officials
                said.

                Investigators traced the print order to a company
                registered overseas, according to two officials
                who asked not to be named because the inquiry is
                still open.
                """);

        Article a = only(ingest.read(wrapped));

        assertThat(a.text()).isEqualTo("The harbor council postponed its vote on the ferry contract on Tuesday after forged "
                + "leaflets urged residents to stay away from the meeting, officials said.\n\nInvestigators traced the print "
                + "order to a company registered overseas, according to two officials who asked not to be named because "
                + "the inquiry is still open.");
    }
    @Test
    void aRecordFromAQueueIsReadAsTheSameJsonlLineIsAndNamedByItsOrigin() throws IOException {
        String line = "{\"url\":\"https://ledger.example.org/news/ferry\",\"title\":\"Ferry vote delayed\",\"published\":\"2023-05-14\","
                + "\"text\":\"The harbor council postponed its vote on the ferry contract after forged leaflets urged residents"
                + " to stay away from the meeting, officials said.\\n\\nInvestigators traced the print order to a company"
                + " registered overseas.\"}";
        Path jsonl = tmp.resolve("feed.jsonl");
        Files.writeString(jsonl, line + "\n", StandardCharsets.UTF_8);
        Article fromFile = only(ingest.read(jsonl));

        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        List<Problem> problems = new ArrayList<>();
        NewsBatch batch = ingest.readRecord(node, "ferry-1", "kafka news partition 0 offset 3", problems::add);
        Article fromRecord = only(batch);
        assertThat(problems).isEmpty();
        assertThat(fromRecord.doc()).isEqualTo("ferry-1");
        assertThat(fromRecord.text()).isEqualTo(fromFile.text());
        assertThat(fromRecord.title()).isEqualTo(fromFile.title());
        assertThat(fromRecord.url()).isEqualTo(fromFile.url());
        assertThat(fromRecord.published()).isEqualTo(fromFile.published());
        assertThat(fromRecord.language()).isEqualTo(fromFile.language());
        assertThat(batch.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.origin()).isEqualTo("kafka news partition 0 offset 3");
            assertThat(o.status()).isEqualTo(FileOutcome.Status.OK);
        });

        NewsBatch empty = ingest.readRecord(new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"title\":\"x\"}"),
                "no-page", "kafka news partition 0 offset 4", problems::add);
        assertThat(empty.articles()).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.origin()).isEqualTo("kafka news partition 0 offset 4");
            assertThat(p.line()).isZero();
            assertThat(p.reason()).isEqualTo("record has neither 'html' nor 'text'; add the page's HTML or text");
        });
    }
}
