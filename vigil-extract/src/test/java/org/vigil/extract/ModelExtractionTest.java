package org.vigil.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.model.ExtractionModel;
import org.vigil.extract.nlp.CoreNlpAnalyzer;
import org.vigil.model.Article;
import org.vigil.model.Extraction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped model: present, says what it was trained on, reads back as written, and extracts (no ../shared needed). */
class ModelExtractionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Extraction extract(String text) {
        NewsExtractor withModel = new NewsExtractor(ExtractorFixture.EXTRACTOR_ANALYZER, Gazetteer.standard());
        return withModel.extract(new Article("t", "t.txt", null, null, LocalDate.of(2024, 9, 1), "en", text, List.of()));
    }

    @Test
    void theShippedModelIsPresentAndSaysWhatItWasTrainedOn() {
        ExtractionModel m = ExtractionModel.shipped();
        assertThat(m).isNotNull();
        JsonNode about = m.about();
        assertThat(about.path("corpora")).extracting(JsonNode::asText).contains("seeds", "dev", "train");
        assertThat(about.path("trained_on_articles").asInt()).isGreaterThanOrEqualTo(100);
        for (JsonNode g : about.path("gold_files")) {
            assertThat(g.path("sha256").asText()).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void aModelWrittenAndReadBackScoresTheSame(@TempDir Path dir) {
        ExtractionModel m = ExtractionModel.shipped();
        Path file = dir.resolve("m.json");
        m.write(file);
        ExtractionModel back = ExtractionModel.load(file);
        NewsExtractor ex = new NewsExtractor(ExtractorFixture.EXTRACTOR_ANALYZER, Gazetteer.standard(), m);
        ArticleAnalysis a = ex.analyse(new Article("t", "t.txt", null, null, LocalDate.of(2024, 9, 1), "en",
                "Officials said Tehran hoped that Harris would beat Trump. Iranian hackers broke into the campaign's email.", List.of()));
        var slots = m.candidates().of(a);
        assertThat(back.keyScores(slots).keySet()).isEqualTo(m.keyScores(slots).keySet());
        m.keyScores(slots).forEach((k, v) -> assertThat(back.keyScores(slots).get(k)).isCloseTo(v, org.assertj.core.data.Offset.offset(1e-4)));
        assertThat(back.thresholds()).isEqualTo(m.thresholds());
    }

    @Test
    void aModelTrainedOnOtherFeaturesIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.json");
        ExtractionModel.shipped().write(file);
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        ((ArrayNode) root.path("features").path("claim_indicators")).add("a_feature_this_build_lacks");
        Files.writeString(file, JSON.writeValueAsString(root));
        assertThatThrownBy(() -> ExtractionModel.load(file))
                .hasMessage(file + ": the model was trained on other features than this Vigil computes; rebuild it with 'vigil train'");
    }

    @Test
    void plainStatementsOfPreferenceAndOperationsAreFound() {
        Extraction x = extract("Russian officials want Donald Trump to win the election, intelligence analysts said.\n\n"
                + "Separately, prosecutors charged two Iranians with hacking the Trump campaign and leaking its documents to reporters.");
        assertThat(x.claims()).extracting(ExtractorFixture::key).contains("RU trump favors");
        assertThat(x.incidents()).extracting(ExtractorFixture::key).contains("IR hack_and_leak");
    }

    @Test
    void anArticleWithoutForeignActorsYieldsNothing() {
        Extraction x = extract("The senator spoke about the economy in Ohio. Donald Trump and Kamala Harris held rallies on Saturday.");
        assertThat(x.claims()).isEmpty();
        assertThat(x.incidents()).isEmpty();
    }
}
