package org.vigil.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuesserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en | The council said that the vote would be held on Friday and that the results were final.",
            "de | Der Rat hat die Abstimmung vertagt, weil die Flugblätter nicht von der Stadt stammen und das Datum falsch ist.",
            "fr | Le conseil a reporté le vote parce que les tracts ne venaient pas de la mairie et que la date était fausse.",
            "es | El consejo aplazó la votación porque los folletos no eran del ayuntamiento y la fecha era falsa según la policía.",
            "it | Il consiglio ha rinviato il voto perché i volantini non erano del comune e la data era sbagliata.",
            "pt | O conselho adiou a votação porque os panfletos não eram da prefeitura e a data estava errada, segundo a polícia.",
            "ru | Совет отложил голосование, потому что листовки были поддельными.",
            "uk | Рада відклала голосування, бо листівки були підробленими і їх поширили в місті.",
            "ar | أجل المجلس التصويت لأن المنشورات كانت مزورة",
            "zh | 理事会推迟了投票，因为传单是伪造的。",
            "ja | 評議会は、ビラが偽造されたため投票を延期した。",
            "ko | 위원회는 전단지가 위조되어 투표를 연기했다."})
    void theLanguageIsRecognisedFromFunctionWordsOrScript(String expected, String text) {
        assertThat(LanguageGuesser.guess(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "'12345 67890'", "'Harlan Saltmere'"})
    void textWithNothingToGoOnGetsNoGuess(String text) {
        assertThat(LanguageGuesser.guess(text)).isNull();
    }
}
