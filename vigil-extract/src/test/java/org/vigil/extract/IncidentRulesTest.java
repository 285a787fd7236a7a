package org.vigil.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.model.Incident;
import org.vigil.model.IncidentStatus;
import org.vigil.model.IncidentTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.extract.ExtractorFixture.extract;
import static org.vigil.extract.ExtractorFixture.incidents;

/** Technique, actor, status, target and year of incidents, on sentences written for these tests. */
class IncidentRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Prosecutors charged three Iranians with hacking the campaign and leaking stolen documents to reporters. | IR hack_and_leak | charged",
            "Researchers traced Kremlin-led efforts to sway voters in two swing states.             | RU influence_operation | alleged",
            "A think tank found that the leaked letter was fabricated by Iranian operatives.         | IR disinformation | alleged",
            "Prosecutors said a Chinese agent tried to infiltrate conservative political groups in Ohio. | CN influence_operation | attributed",
            "Reporters found cash payments from Caracas to a mayor's campaign in 2019.               | VE covert_funding | alleged",
            "Iranian hackers sent spear-phishing emails to campaign staff, researchers said. | IR phishing | alleged",
            "Microsoft said Chinese operators used AI-generated images to deceive American voters in 2024.           | CN ai_generated_content | attributed",
            "The Treasury sanctioned Russian operatives who ran fake news websites.                                     | RU disinformation | sanctioned",
            "A Russian troll farm operated hundreds of fake accounts, the FBI said.                                     | RU inauthentic_accounts | attributed",
            "The party's email server was hacked by Iran, officials confirmed.                                          | IR intrusion | attributed",
            "Researchers said Russian operatives posed as Americans on several platforms.                          | RU inauthentic_accounts | alleged",
            "The FBI said Iranian hackers infiltrated the campaign's email servers in June.                         | IR intrusion | attributed",
            "Officials said a Chinese network used voice cloning to imitate a senator in a robocall.                | CN ai_generated_content | attributed",
            "Prosecutors charged Russian operatives who funnelled $10 million to a media company through shell companies. | RU covert_funding | charged",
            "Prosecutors charged two Russians with running covert social media operations aimed at US voters.   | RU inauthentic_accounts | charged",
            "Researchers found a network of accounts on several platforms linked to Iran that amplified divisive posts.  | IR inauthentic_accounts | alleged",
            "The Justice Department said Russia used spoofed news websites to push its narratives.               | RU disinformation | attributed",
    })
    void techniquesActorsAndStatuses(String sentence, String expected, String status) {
        assertThat(extract(sentence).incidents()).extracting(ExtractorFixture::key).contains(expected.trim());
        Incident i = extract(sentence).incidents().stream().filter(x -> ExtractorFixture.key(x).equals(expected.trim())).findFirst().orElseThrow();
        assertThat(i.status()).isEqualTo(IncidentStatus.fromWire(status));
    }

    @Test
    void hypotheticalsAreNeverIncidents() {
        assertThat(incidents("Russia could try to hack election systems next year.")).isEmpty();
        assertThat(incidents("Officials fear Iran might spread disinformation before the vote.")).isEmpty();
    }

    @Test
    void violenceIsInterferenceOnlyWhenAimedAtTheElection() {
        assertThat(incidents("Indian agents were charged over a plot to assassinate an activist in New York.")).isEmpty();
        assertThat(incidents("Pakistan condemned the assassination attempt on Donald Trump at a rally.")).isEmpty();
        assertThat(incidents("Iranian agents sent threatening emails to voters in Florida, the FBI said."))
                .containsExactly("IR threats_violence");
        assertThat(incidents("Prosecutors said Iran plotted to assassinate Donald Trump.")).containsExactly("IR threats_violence");
    }

    @Test
    void theVictimOfAnActIsNotItsActor() {
        assertThat(incidents("The assassination of an Iranian general in 2020 raised tensions.")).isEmpty();
    }

    @Test
    void influenceOperationIsOnlyForActorsWithNothingMoreSpecific() {
        assertThat(incidents("Russia ran an influence operation aimed at voters, officials said.")).containsExactly("RU influence_operation");
        assertThat(incidents("Russia ran an influence operation, officials said.\nRussian trolls created fake accounts, the FBI said."))
                .containsExactly("RU inauthentic_accounts");
    }

    @Test
    void targetYearAndDisarmIdComeWithTheIncident() {
        Incident i = extract("In 2016, Russian hackers stole and released emails from the Democratic National Committee, officials said.")
                .incidents().get(0);
        assertThat(ExtractorFixture.key(i)).isEqualTo("RU hack_and_leak");
        assertThat(i.year()).isEqualTo(2016);
        assertThat(i.target()).isEqualTo(IncidentTarget.CAMPAIGN);
        assertThat(i.disarmId()).isEqualTo("T0089.001");
    }

    @Test
    void aSentenceThatRefersBackTakesTheActorOfTheSentenceBefore() {
        assertThat(incidents("Officials named the Iranian group APT42.\nThey are accused of publishing the emails they had stolen."))
                .contains("IR hack_and_leak");
    }
}
