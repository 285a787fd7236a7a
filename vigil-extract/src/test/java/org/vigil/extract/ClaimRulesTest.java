package org.vigil.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.model.Basis;
import org.vigil.model.Claim;
import org.vigil.model.Extraction;

import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.extract.ExtractorFixture.claims;
import static org.vigil.extract.ExtractorFixture.extract;

/** Each claim rule family on sentences written for these tests. */
class ClaimRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Russia wants Donald Trump to win the election, officials said.                 | RU trump favors",
            "Moscow is rooting for the return of the former president.                      | RU trump favors",
            "Analysts said a Trump win would be a boon to Moscow.                            | RU trump favors",
            "Viktor Orban gave Donald Trump a warm endorsement on Tuesday.                    | HU trump favors",
            "Russia is working to denigrate Joe Biden, the assessment says.                   | RU biden opposes",
            "Beijing ran an influence campaign against Marco Rubio last year.                 | CN rubio opposes",
            "Tehran sees Trump as an adversary, experts say.                                  | IR trump opposes",
            "Officials said China has no clear preference in the presidential race.          | CN * none",
            "Iranian hackers worked to help Joe Biden by hurting Donald Trump.                | IR biden favors;IR trump opposes",
            "China and Iran do not want Trump to win a second term.                           | CN trump opposes;IR trump opposes",
            "The Kremlin prefers Kamala Harris over Donald Trump, the report said.            | RU harris favors;RU trump opposes",
            "Moscow set out to smear Trump’s challenger, Joe Biden, online.                    | RU biden opposes",
            "Pyongyang would welcome a Trump victory, the analyst wrote.                       | KP trump favors",
            "Tehran wants to see Donald Trump defeated in November.                           | IR trump opposes",
            "Beijing fears a Trump return, according to diplomats.                            | CN trump opposes",
            "Officials said the Kremlin's favored candidate, Donald Trump, benefits from the effort. | RU trump favors",
            "Russian trolls pushed anti-Harris memes across social media, researchers found.  | RU harris opposes",
            "Iranian operatives posed as activists on behalf of Joe Biden, prosecutors said.  | IR biden favors",
            "Analysts say Moscow hopes that Trump will win in November.                       | RU trump favors",
            "A Biden win would be the better result for Kyiv, the minister said.              | UA biden favors",
            "Chinese state media said Trump would be the worst choice for the country.        | CN trump opposes",
            "Beijing prefers Donald Trump not win a second term, the memo says.               | CN trump opposes",
            "The cable said Tehran “prefers” Joe Biden, officials said.                        | IR biden favors",
            "Joe Biden said on Monday that Moscow hopes to see him lose.                        | RU biden opposes",
            "Kamala Harris said the Kremlin hopes to see her defeated.                           | RU harris opposes",
            "Officials said Tehran wants Kamala Harris to beat him in November.                  | IR harris favors",
            "Leaders who have backed Trump's campaign include President Javier Milei of Argentina. | AR trump favors",
            "The premier said things will be far better for Poland if Trump wins the vote.        | PL trump favors",
            "The minister said it would be a disaster for Mexico if Trump wins again.             | MX trump opposes",
            "Iranian operatives spread derogatory stories about Donald Trump online.             | IR trump opposes",
            "Poland's president gave the Republican candidate Donald Trump his full endorsement on Monday. | PL trump favors",
            "Leaders who backed Trump's bid include Serbia's President Aleksandar Vucic and Hungary's Prime Minister Orban. | RS trump favors;HU trump favors",
            "Hungary's Prime Minister Orban and Slovakia's Prime Minister Fico both endorse Donald Trump. | HU trump favors;SK trump favors",
            "The Serbian president believes Donald Trump deserves a second term.                 | RS trump favors",
            "Tehran's envoy said Joe Biden is his country's “better” option this year.            | IR biden favors",
            "Analysts said Harris would be the safer choice for Berlin.                           | DE harris favors",
            "Chinese commentators celebrated Joe Biden's victory on social media.                 | CN biden favors",
            "Russian officials reacted with jubilation when Donald Trump won in November.      | RU trump favors",
            "Biden said Beijing would prefer to see his rival, Donald Trump, take office.        | CN trump favors",
    })
    void cueFamiliesFindHolderTargetAndStance(String sentence, String expected) {
        assertThat(claims(sentence)).containsExactlyInAnyOrder(expected.trim().split(";"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Reporters asked whether Beijing would prefer Joe Biden or Donald Trump.",
            "The panel debated whether Moscow favors Kamala Harris at all.",
            "It is not true that Tehran wants Donald Trump to win, the minister said.",
            "It would not be right to say that the Kremlin prefers Joe Biden, a spokesman said.",
            "Israel's premier declined to endorse Donald Trump before the vote.",
            "Kamala Harris told reporters Moscow hopes to see him lose.",
    })
    void aPreferenceAskedAboutOrDeniedIsNoClaim(String sentence) {
        assertThat(claims(sentence)).isEmpty();
    }

    @Test
    void aPollOfAPeopleIsNotTheirGovernmentsPreference() {
        assertThat(claims("A new poll finds that 60 percent of Canadians prefer Kamala Harris.")).isEmpty();
        assertThat(claims("In the survey, most Mexicans favored Joe Biden.")).isEmpty();
        assertThat(claims("Ottawa prefers Kamala Harris, a survey of diplomats suggests.")).containsExactly("CA harris favors");
    }

    @Test
    void helpAimedAtDefeatingACandidateOpposesThem() {
        assertThat(claims("Russian operatives offered to help defeat Hillary Clinton, prosecutors said."))
                .containsExactly("RU clinton opposes");
        assertThat(claims("Russian operatives offered to help Hillary Clinton, prosecutors said."))
                .containsExactly("RU clinton favors");
    }

    @Test
    void theActorsOwnWordsAreAStatementAndOfficialsInferenceAnAssessment() {
        Claim own = extract("Vladimir Putin said he backs Kamala Harris.").claims().get(0);
        assertThat(own.basis()).isEqualTo(Basis.STATEMENT);
        Claim inferred = extract("US intelligence officials said Russia prefers Donald Trump.").claims().get(0);
        assertThat(inferred.basis()).isEqualTo(Basis.ASSESSMENT);
        Claim operation = extract("Russian operatives spread videos to discredit Kamala Harris.").claims().get(0);
        assertThat(operation.basis()).isEqualTo(Basis.OPERATION);
    }

    @Test
    void hedgingWordsMarkTheClaimHedged() {
        assertThat(extract("Russia reportedly favors Donald Trump.").claims()).singleElement()
                .satisfies(c -> assertThat(c.hedged()).isTrue());
        assertThat(extract("Russia favors Donald Trump, officials said.").claims()).singleElement()
                .satisfies(c -> assertThat(c.hedged()).isFalse());
    }

    @Test
    void aDenialByTheHolderDisputesItsClaims() {
        Extraction x = extract("Iran is trying to hurt Donald Trump, US officials said.\nIran denied the accusation on Friday.");
        assertThat(x.claims()).singleElement().satisfies(c -> assertThat(c.disputed()).isTrue());
    }

    @Test
    void aCandidatesDenialDoesNotDisputeTheForeignClaim() {
        Extraction x = extract("Russia wants Trump to win, officials said.\nTrump denied that Russia ever helped him.");
        assertThat(x.claims()).extracting(ExtractorFixture::key).contains("RU trump favors");
        assertThat(x.claims()).allSatisfy(c -> assertThat(c.disputed()).isFalse());
    }

    @Test
    void aJokeAboutTheSameCandidateDisputesTheClaim() {
        Extraction x = extract("Putin said Russia supports Kamala Harris.\nThe Kremlin later said the remark about Harris was a joke.");
        assertThat(x.claims()).extracting(ExtractorFixture::key).containsExactly("RU harris favors");
        assertThat(x.claims().get(0).disputed()).isTrue();
    }

    @Test
    void aNegatedOppositionIsNotSupport() {
        assertThat(claims("Russia does not oppose Joe Biden, the official said.")).isEmpty();
    }

    @Test
    void candidatesOwnViewsOfForeignStatesAreNotClaims() {
        assertThat(claims("Trump said he would get along well with Russia and China.")).isEmpty();
    }

    @Test
    void descriptionsResolveByTheArticlesCycle() {
        assertThat(extract("Moscow wants the Democratic nominee to win.", LocalDate.of(2016, 10, 1)).claims())
                .extracting(ExtractorFixture::key).containsExactly("RU clinton favors");
        assertThat(extract("Moscow wants the Democratic nominee to win.", LocalDate.of(2024, 10, 1)).claims())
                .extracting(ExtractorFixture::key).containsExactly("RU harris favors");
    }

    @Test
    void oneClaimPerHolderTargetAndStanceWithVerbatimEvidence() {
        String text = "Russia wants Trump to win.\nAgain, Russia wants Trump to win, officials said.";
        Extraction x = extract(text);
        assertThat(x.claims()).hasSize(1);
        Claim c = x.claims().get(0);
        assertThat(text.substring(c.evidence().start(), c.evidence().end())).isEqualTo(c.evidence().sentence());
        assertThat(Arrays.asList(text.split("\n"))).contains(c.evidence().sentence());
    }

    @Test
    void heContinuesASentenceAboutANamedLeaderButNotAQuotation() {
        assertThat(claims("Vladimir Putin gave a long interview on Sunday.\nIn it, he said he preferred Mr. Biden to Donald Trump."))
                .containsExactlyInAnyOrder("RU biden favors", "RU trump opposes");
        assertThat(claims("Vladimir Putin gave a long interview on Sunday.\nHe called the visit “a campaign event designed to help Joe Biden”."))
                .isEmpty();
    }
}
