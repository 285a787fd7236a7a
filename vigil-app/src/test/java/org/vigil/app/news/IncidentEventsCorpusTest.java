package org.vigil.app.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.store.query.IncidentEvent;
import org.vigil.store.query.IncidentEvents;
import org.vigil.store.query.IncidentRow;

/**
 * Incident merging on real reports: the gold incidents of the shared dev corpus, their sentences
 * read here at test time. The corpus keeps no publication dates, so each report gets the date its
 * story ran (looked up once by hand, to the day or near it).
 */
class IncidentEventsCorpusTest {
    /** When each dev article's story ran. */
    private static final Map<String, String> RAN = Map.ofEntries(
            Map.entry("010.txt", "2024-08-10"), Map.entry("004.txt", "2024-08-12"), Map.entry("001.txt", "2024-08-19"),
            Map.entry("007.txt", "2024-08-20"), Map.entry("046.txt", "2024-09-27"), Map.entry("031.txt", "2024-09-20"),
            Map.entry("025.txt", "2024-09-04"), Map.entry("028.txt", "2024-09-05"), Map.entry("034.txt", "2024-10-01"),
            Map.entry("043.txt", "2024-08-16"), Map.entry("064.txt", "2024-10-26"), Map.entry("134.txt", "2024-10-10"));

    static List<IncidentRow> goldReports(String actor, String technique) throws IOException {
        Path gold = org.vigil.testing.Needs.shared("corpus/dev/gold.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<IncidentRow> out = new ArrayList<>();
        long id = 1;
        for (String line : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode g = json.readTree(line);
            String doc = g.get("doc").asText();
            for (JsonNode i : g.path("incidents")) {
                if (i.get("actor").asText().equals(actor) && i.get("technique").asText().equals(technique) && RAN.containsKey(doc)) {
                    String sentence = i.get("evidence").asText();
                    out.add(new IncidentRow(id++, LocalDate.parse(RAN.get(doc)), i.path("year").isInt() ? i.get("year").asInt() : null,
                            actor, technique, null, i.path("target").asText(null), i.path("status").asText(null), doc, doc, doc,
                            id, sentence, 0, sentence.length(), i.path("year").isInt() ? i.get("year").asInt() : null));
                }
            }
        }
        return out;
    }

    private static List<String> docs(IncidentEvent e) {
        return e.reports().stream().map(IncidentRow::articleId).toList();
    }

    @Test
    void fiveOutletsOnIransHackOfTheTrumpCampaignAreOneEventFromTheLeakToTheCharges() throws IOException {
        List<IncidentRow> reports = goldReports("IR", "hack_and_leak");
        List<IncidentEvent> events = IncidentEvents.merge(reports);
        IncidentEvent hack = events.stream().filter(e -> docs(e).contains("010.txt")).findFirst().orElseThrow();
        assertThat(docs(hack)).containsExactlyInAnyOrder("010.txt", "004.txt", "001.txt", "007.txt", "046.txt");
        assertThat(hack.first()).isEqualTo(LocalDate.parse("2024-08-10"));
        assertThat(hack.last()).isEqualTo(LocalDate.parse("2024-09-27"));
        assertThat(hack.statuses().get(hack.statuses().size() - 1).status()).isEqualTo("charged");
        // one report names a person's wider campaign of hacking and fake news: other words, another event
        assertThat(events.stream().filter(e -> docs(e).contains("031.txt")).findFirst().orElseThrow().reports()).hasSize(1);
    }

    @Test
    void russianDisinformationStoriesOfOneSeasonStayApartWhenTheirWordsDo() throws IOException {
        List<IncidentRow> reports = goldReports("RU", "disinformation");
        assertThat(reports).hasSizeGreaterThanOrEqualTo(6);
        List<IncidentEvent> events = IncidentEvents.merge(reports);
        // domain seizures, the RT indictment, fake Harris videos, AI models misused: different operations
        IncidentEvent seized = events.stream().filter(e -> docs(e).contains("025.txt")).findFirst().orElseThrow();
        assertThat(docs(seized)).containsExactly("025.txt");
        IncidentEvent rt = events.stream().filter(e -> docs(e).contains("028.txt")).findFirst().orElseThrow();
        assertThat(docs(rt)).doesNotContain("031.txt", "043.txt");
        assertThat(events).hasSize(reports.size());
    }
}
