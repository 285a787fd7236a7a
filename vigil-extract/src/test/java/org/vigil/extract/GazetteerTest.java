package org.vigil.extract;

import org.junit.jupiter.api.Test;
import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.gazetteer.Mention;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GazetteerTest {
    private final Gazetteer g = Gazetteer.standard();

    private List<String> actors(String s) {
        return g.actors(s).stream().map(m -> m.text() + "=" + m.value()).toList();
    }

    private List<String> candidates(String s, int cycle) {
        return g.candidates(s, cycle).stream().map(m -> m.text() + "=" + m.value()).toList();
    }

    @Test
    void leadersAgenciesOutletsAndGroupsCountForTheirState() {
        assertThat(actors("The Kremlin, Lavrov and RT echoed APT28 while APT42 and the IRGC worked for Tehran."))
                .containsExactly("Kremlin=RU", "Lavrov=RU", "RT=RU", "APT28=RU", "APT42=IR", "IRGC=IR", "Tehran=IR");
        assertThat(actors("Spamouflage accounts tied to Beijing and Xi Jinping")).containsExactly("Spamouflage=CN", "Beijing=CN", "Xi Jinping=CN");
        assertThat(actors("Mint Sandstorm and Storm-1516 and Doppelganger")).containsExactly("Mint Sandstorm=IR", "Storm-1516=RU", "Doppelganger=RU");
    }

    @Test
    void theLongestAliasWinsAndPossessivesStillMatch() {
        List<Mention> m = g.actors("Vladimir Putin’s aide and Iran's envoy");
        assertThat(m).extracting(Mention::text).containsExactly("Vladimir Putin", "Iran");
        assertThat(m.get(0).isPerson()).isTrue();
    }

    @Test
    void caseSensitiveAcronymsDoNotMatchOrdinaryWords() {
        assertThat(actors("Ira said the art of the rt deal")).isEmpty();
        assertThat(actors("the IRA and RT")).containsExactly("IRA=RU", "RT=RU");
    }

    @Test
    void descriptionsResolveToTheCandidateOfTheCycle() {
        assertThat(candidates("the former president met the Democratic nominee", 2024))
                .containsExactly("the former president=trump", "the Democratic nominee=harris");
        assertThat(candidates("the Democratic nominee", 2016)).containsExactly("the Democratic nominee=clinton");
        assertThat(candidates("the Democratic nominee and the former vice president", 2020))
                .containsExactly("the Democratic nominee=biden", "former vice president=biden");
    }

    @Test
    void relativesOfCandidatesAreNotTheCandidates() {
        assertThat(candidates("Hunter Biden and Melania Trump met Joe Biden", 2024)).containsExactly("Joe Biden=biden");
    }

    @Test
    void partiesAreTargetsToo() {
        assertThat(candidates("hurt the Democratic Party and the GOP", 2024))
                .containsExactly("the Democratic Party=democrats", "the GOP=republicans");
    }

    @Test
    void typographicApostrophesMatchAliasesWrittenWithStraightOnes() {
        assertThat(actors("the People’s Republic of China and People's Daily")).containsExactly("People’s Republic of China=CN", "People's Daily=CN");
    }

    @Test
    void everyStateIsKnownByNameDemonymPluralAndCapital() {
        assertThat(actors("Saudis, the Emirati foreign ministry, Riyadh and Brazil")).containsExactly("Saudis=SA", "Emirati=AE", "Riyadh=SA", "Brazil=BR");
        assertThat(actors("North Koreans and Pyongyang-backed hackers met Hungarians in Budapest"))
                .containsExactly("North Koreans=KP", "Pyongyang-backed=KP", "Hungarians=HU", "Budapest=HU");
    }

    @Test
    void namesThatCollideWithUsPlacesAndWordsAreNotStates() {
        assertThat(actors("Voters in Georgia and New Mexico met Jordan and a Turkey farmer in Kingston")).isEmpty();
        assertThat(actors("Tbilisi said")).containsExactly("Tbilisi=GE");
    }
}
