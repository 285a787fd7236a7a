package org.vigil.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentEventsTest {
    private static long ids = 100;

    static IncidentRow report(String article, String published, String actor, String technique, String target, String status,
                              Integer cycle, String sentence) {
        return new IncidentRow(ids++, published == null ? null : LocalDate.parse(published), null, actor, technique, "T0000",
                target, status, article, article + ".txt", "title of " + article, ids, sentence, 0, sentence.length(), cycle);
    }

    @Test
    void fiveOutletsReportingOneHackWithinWeeksAreOneEventWithItsStatusHistory() {
        List<IncidentRow> rows = List.of(
                report("a", "2024-08-10", "IR", "hack_and_leak", "campaign", "alleged", 2024,
                        "The campaign said Iranian hackers stole internal documents."),
                report("b", "2024-08-12", "IR", "hack_and_leak", "campaign", "alleged", 2024,
                        "Hackers tied to Iran stole internal campaign documents, the campaign said."),
                report("c", "2024-08-19", "IR", "hack_and_leak", "campaign", "attributed", 2024,
                        "The FBI said Iran was behind the hack of the campaign's internal documents."),
                report("d", "2024-09-27", "IR", "hack_and_leak", "campaign", "charged", 2024,
                        "Three Iranians were charged over the hack of the campaign and the leak of its documents."),
                report("e", "2024-09-28", "IR", "hack_and_leak", null, "charged", null,
                        "Prosecutors charged three Iranian hackers who stole the campaign documents."));
        List<IncidentEvent> events = IncidentEvents.merge(rows);
        assertThat(events).hasSize(1);
        IncidentEvent e = events.get(0);
        assertThat(e.reports()).extracting(IncidentRow::articleId).containsExactly("a", "b", "c", "d", "e");
        assertThat(e.first()).isEqualTo(LocalDate.parse("2024-08-10"));
        assertThat(e.last()).isEqualTo(LocalDate.parse("2024-09-28"));
        assertThat(e.statuses()).extracting(IncidentEvent.StatusChange::status).containsExactly("alleged", "attributed", "charged");
        assertThat(e.statuses().get(1).date()).isEqualTo(LocalDate.parse("2024-08-19"));
        assertThat(e.status()).isEqualTo("charged");
        assertThat(e.id()).isEqualTo(rows.get(0).id());
        assertThat(e.target()).isEqualTo("campaign");
        assertThat(e.cycle()).isEqualTo(2024);
    }

    @Test
    void anotherStateTechniqueTargetCycleOrSeasonIsAnotherEvent() {
        String hack = "Hackers stole internal campaign documents and leaked them to reporters.";
        List<IncidentRow> rows = List.of(
                report("a", "2024-08-10", "IR", "hack_and_leak", "campaign", "alleged", 2024, hack),
                report("b", "2024-08-11", "RU", "hack_and_leak", "campaign", "alleged", 2024, hack),
                report("c", "2024-08-11", "IR", "phishing", "campaign", "alleged", 2024, hack),
                report("d", "2024-08-12", "IR", "hack_and_leak", "officials", "alleged", 2024, hack),
                report("e", "2024-08-12", "IR", "hack_and_leak", "campaign", "alleged", 2020, hack),
                report("f", "2024-12-01", "IR", "hack_and_leak", "campaign", "alleged", 2024, hack));
        assertThat(IncidentEvents.merge(rows)).hasSize(6);
    }

    @Test
    void closeInTimeButWordedApartIsAnotherOperation() {
        List<IncidentRow> rows = List.of(
                report("a", "2024-10-01", "RU", "disinformation", "voters", "alleged", 2024,
                        "A fake video claimed ballots were shredded in Pennsylvania."),
                report("b", "2024-10-03", "RU", "disinformation", "voters", "alleged", 2024,
                        "Doppelganger sites cloned German newspapers to spread war stories."),
                report("c", "2024-10-04", "RU", "disinformation", "voters", "attributed", 2024,
                        "Officials said the video of shredded Pennsylvania ballots was fake and Russian."));
        List<IncidentEvent> events = IncidentEvents.merge(rows);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).reports()).extracting(IncidentRow::articleId).containsExactly("a", "c");
        assertThat(events.get(1).reports()).extracting(IncidentRow::articleId).containsExactly("b");
    }

    @Test
    void undatedReportsMergeOnWordingAndSortLast() {
        List<IncidentRow> rows = List.of(
                report("u", null, "CN", "inauthentic_accounts", "voters", "alleged", null,
                        "Spamouflage accounts posed as American voters."),
                report("d", "2024-09-01", "CN", "inauthentic_accounts", "voters", "alleged", 2024,
                        "Spamouflage accounts posing as American voters spread memes."),
                report("x", "2022-09-01", "KP", "threats_violence", "officials", "alleged", 2022, "Threats were sent."));
        List<IncidentEvent> events = IncidentEvents.merge(rows);
        assertThat(events).extracting(IncidentEvent::actor).containsExactly("KP", "CN");
        assertThat(events.get(1).reports()).hasSize(2);
    }

    @Test
    void wordsAreComparedByCrudeStems() {
        assertThat(IncidentEvents.words("Hackers hacked, hacking the campaigns")).containsExactlyInAnyOrder("hack", "campaign");
        assertThat(IncidentEvents.overlap(IncidentEvents.words("hackers stole documents"),
                IncidentEvents.words("the hacked documents were stolen by hackers"))).isEqualTo(2.0 / 3);
    }
}
