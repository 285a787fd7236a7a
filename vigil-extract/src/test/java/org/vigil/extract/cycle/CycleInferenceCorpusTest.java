package org.vigil.extract.cycle;

import org.vigil.testing.Needs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Cycle inference against the gold years of the shared corpus: every incident the annotators dated
 * (the year field is the cycle it took place in) is inferred from its real evidence sentence and
 * article, read here at test time, with no publication date, so only the text can tell.
 */
class CycleInferenceCorpusTest {
    record Dated(String part, String doc, String technique, String evidence, int year, String text, LocalDate published) {
    }

    // the corpus files carry no date field; ingest reads one from the URL path or a "date" token, and so does this test
    private static final Pattern URL_DATE = Pattern.compile("^URL: \\S*/(20\\d{2})/(\\d{1,2})/(\\d{1,2})(?:/|-|$)", Pattern.MULTILINE);
    private static final Pattern DATE_TOKEN = Pattern.compile("\\bdate (20\\d{2})-(\\d{2})-(\\d{2})\\b");

    static LocalDate published(String text) {
        for (Pattern p : List.of(URL_DATE, DATE_TOKEN)) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        }
        return null;
    }

    static Path corpus() {
        return Needs.shared("corpus/dev").getParent();
    }

    static List<Dated> dated() throws IOException {
        Path corpus = corpus();
        ObjectMapper json = new ObjectMapper();
        List<Dated> out = new ArrayList<>();
        for (String part : List.of("seeds", "dev", "train")) {
            for (String line : Files.readAllLines(corpus.resolve(part).resolve("gold.jsonl"), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode g = json.readTree(line);
                String doc = g.get("doc").asText();
                String text = Files.readString(corpus.resolve(part).resolve(doc), StandardCharsets.UTF_8);
                for (JsonNode i : g.path("incidents")) {
                    if (i.hasNonNull("year") && i.get("year").asInt() % 2 == 0) {
                        out.add(new Dated(part, doc, i.get("technique").asText(), i.get("evidence").asText(), i.get("year").asInt(), text,
                                published(text)));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void whenTheTextAloneNamesACycleItIsMostlyTheGoldOne() throws IOException {
        int decided = 0;
        int right = 0;
        List<Dated> all = dated();
        for (Dated d : all) {
            CycleInference.Cycle c = CycleInference.of(d.text(), null).cycleOf(d.evidence());
            if (c != null) {
                decided++;
                right += c.year() == d.year() ? 1 : 0;
            }
        }
        double precision = (double) right / decided;
        System.out.printf("cycle inference from the text alone: decides %d of %d dated incidents, %d right (%.3f)%n",
                decided, all.size(), right, precision);
        assertThat(decided).isGreaterThan(all.size() / 2);
        assertThat(precision).isGreaterThanOrEqualTo(TEXT_PRECISION_FLOOR);
    }

    @Test
    void mostDatedIncidentsOfTheCorpusGetTheirGoldCycle() throws IOException {
        List<Dated> all = dated();
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (Dated d : all) {
            CycleInference.Cycle c = CycleInference.of(d.text(), d.published()).cycleOf(d.evidence());
            if (c != null && c.year() == d.year()) {
                right++;
            } else {
                wrong.add(d.part() + "/" + d.doc() + " " + d.technique() + ": gold " + d.year() + ", got " + c);
            }
        }
        double accuracy = (double) right / all.size();
        System.out.printf("cycle inference on the shared corpus: %d of %d dated incidents right (%.3f)%n", right, all.size(), accuracy);
        wrong.forEach(w -> System.out.println("  " + w));
        assertThat(all).hasSizeGreaterThan(100);
        assertThat(accuracy).as("cycle accuracy; misses: %s", wrong).isGreaterThanOrEqualTo(ACCURACY_FLOOR);
    }

    @Test
    void aRealSentenceNamingThe2016ElectionIsAbout2016InAnArticleAbout2024() throws IOException {
        Dated d = dated().stream().filter(x -> x.part().equals("dev") && x.doc().equals("004.txt") && x.year() == 2016)
                .findFirst().orElseThrow();
        CycleInference article = CycleInference.of(d.text(), d.published());
        assertThat(article.cycleOf(d.evidence())).isEqualTo(new CycleInference.Cycle(2016, CycleInference.Basis.SENTENCE_ELECTION));
    }

    /** Just under what the rules reach; raise it when they improve. */
    static final double ACCURACY_FLOOR = 0.78;
    static final double TEXT_PRECISION_FLOOR = 0.83;
}
