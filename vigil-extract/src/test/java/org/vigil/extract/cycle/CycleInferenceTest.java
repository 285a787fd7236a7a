package org.vigil.extract.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.vigil.extract.cycle.CycleInference.Basis;
import org.vigil.extract.cycle.CycleInference.Cycle;

class CycleInferenceTest {
    private static final LocalDate SEPT_2024 = LocalDate.of(2024, 9, 12);

    private static Cycle cycle(String sentence, LocalDate published) {
        return CycleInference.of(sentence, published).cycleOf(sentence);
    }

    @Test
    void aYearTiedToAnElectionWordWinsOverThePublicationDate() {
        assertThat(cycle("Officials said Moscow meddled in the 2016 presidential election.", SEPT_2024))
                .isEqualTo(new Cycle(2016, Basis.SENTENCE_ELECTION));
        assertThat(cycle("It was the same playbook as in the 2020 race.", SEPT_2024)).isEqualTo(new Cycle(2020, Basis.SENTENCE_ELECTION));
        assertThat(cycle("Ahead of the 2018 midterm elections, the trolls went quiet.", SEPT_2024).year()).isEqualTo(2018);
        assertThat(cycle("The hack shaped the election of 2016, the report says.", SEPT_2024).year()).isEqualTo(2016);
        assertThat(cycle("Tehran's 2020 U.S. election campaign of threats failed.", SEPT_2024).year()).isEqualTo(2020);
    }

    @Test
    void theFirstElectionYearOfASentenceIsItsCycle() {
        assertThat(cycle("Russia backed Trump in the 2016 election and again in the 2020 election.", SEPT_2024).year())
                .isEqualTo(2016);
    }

    @Test
    void relativePhrasesAreReadAgainstThePublicationDate() {
        assertThat(cycle("Iran wants to sway the vote this November.", SEPT_2024)).isEqualTo(new Cycle(2024, Basis.SENTENCE_RELATIVE));
        assertThat(cycle("Moscow is betting on next month's election.", LocalDate.of(2020, 10, 2)).year()).isEqualTo(2020);
        assertThat(cycle("The trolls worked in the last presidential election too.", SEPT_2024).year()).isEqualTo(2020);
        assertThat(cycle("The trolls worked in the last presidential election too.", LocalDate.of(2024, 12, 1)).year())
                .isEqualTo(2024);
        assertThat(cycle("Beijing may try again in the next presidential election.", LocalDate.of(2021, 3, 1)).year())
                .isEqualTo(2024);
        assertThat(cycle("Beijing may try again in the next election.", LocalDate.of(2021, 3, 1)).year()).isEqualTo(2022);
    }

    @Test
    void aBareYearInTheSentenceCountsAndAnOddOneLeadsToTheNextElection() {
        assertThat(cycle("In 2016, hackers stole the emails.", SEPT_2024)).isEqualTo(new Cycle(2016, Basis.SENTENCE_YEAR));
        assertThat(cycle("In 2019, the network began posting about candidates.", SEPT_2024).year()).isEqualTo(2020);
        assertThat(cycle("Agencies concluded in January 2017 that Moscow had meddled.", SEPT_2024).year()).isEqualTo(2016);
        assertThat(cycle("By October 3, 2019 the accounts were busy.", SEPT_2024).year()).isEqualTo(2020);
        // sums, percentages and far futures are no years of an election
        assertThat(cycle("They spent $2016 and grew 2020% on a budget for 2099.", SEPT_2024)).isEqualTo(new Cycle(2024, Basis.PUBLISHED));
    }

    @Test
    void theArticlesElectionYearsSpeakForSentencesThatNameNone() {
        String text = "Looking back at the 2016 election. Officers were charged over the 2016 election. "
                + "The Kremlin wanted Trump to win. A note on the 2020 race.";
        // one passing mention is background, not the subject
        assertThat(CycleInference.of("The Kremlin wanted Trump to win, as in the 2016 election.", LocalDate.of(2018, 7, 14))
                .cycleOf("The Kremlin wanted Trump to win.")).isEqualTo(new Cycle(2018, Basis.PUBLISHED));
        CycleInference article = CycleInference.of(text, LocalDate.of(2018, 7, 14));
        assertThat(article.cycleOf("The Kremlin wanted Trump to win.")).isEqualTo(new Cycle(2016, Basis.ARTICLE));
        // the publication cycle wins when the article names it at all
        CycleInference current = CycleInference.of("The 2016 election is history; the 2024 race is open. The 2016 election again.",
                SEPT_2024);
        assertThat(current.cycleOf("Putin wants Trump to win.")).isEqualTo(new Cycle(2024, Basis.ARTICLE));
    }

    @Test
    void withoutTextCluesThePublicationDateDecides() {
        assertThat(cycle("Putin wants Trump to win.", SEPT_2024)).isEqualTo(new Cycle(2024, Basis.PUBLISHED));
        assertThat(cycle("Putin wants Trump to win.", LocalDate.of(2017, 1, 6)).year()).isEqualTo(2016);
        assertThat(cycle("Putin wants Trump to win.", LocalDate.of(2023, 8, 1)).year()).isEqualTo(2024);
        assertThat(cycle("Putin wants Trump to win.", null)).isNull();
        assertThat(cycle("Iran wants to sway the vote this November.", null)).isNull();
        assertThat(CycleInference.of(null, null).cycleOf(null)).isNull();
    }

    @Test
    void electionDayIsTheTuesdayAfterTheFirstMondayOfNovember() {
        assertThat(CycleInference.electionDay(2024)).isEqualTo(LocalDate.of(2024, 11, 5));
        assertThat(CycleInference.electionDay(2016)).isEqualTo(LocalDate.of(2016, 11, 8));
        assertThat(CycleInference.electionDay(2022)).isEqualTo(LocalDate.of(2022, 11, 8));
        assertThat(CycleInference.electionDay(2020)).isEqualTo(LocalDate.of(2020, 11, 3));
    }
}
