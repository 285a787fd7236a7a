package org.vigil.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DebrisRepairTest {

    private static List<String> repair(String... lines) {
        return DebrisRepair.repair(List.of(lines)).lines();
    }

    @Test
    void aTokenInjectedIntoWordsAndSentenceEndsIsRemoved() {
        List<String> out = repair(
                "Let the Harbor Games Begin.",
                "begin",
                "The council will prbeginocess the forms before the vote.begin",
                "begin",
                "Officials expect theibeginr report next week; talks begin to resume.",
                "begin");

        assertThat(out).containsExactly(
                "Let the Harbor Games Begin.",
                "",
                "The council will process the forms before the vote.",
                "",
                "Officials expect their report next week; talks begin to resume.",
                "");
    }

    @Test
    void realUsesOfTheTokenSurvive() {
        List<String> out = repair(
                "begin",
                "begin",
                "Work will begin in the beginning of May.",
                "Beginners begin early. The mayor said: begin now.");

        assertThat(out.subList(2, 4)).containsExactly(
                "Work will begin in the beginning of May.",
                "Beginners begin early. The mayor said: begin now.");
    }

    @Test
    void aWordSeenOnlyOnceOnItsOwnLineIsNotTreatedAsDebris() {
        List<String> lines = List.of("main", "The domain was registered in May.");

        DebrisRepair.Result result = DebrisRepair.repair(lines);

        assertThat(result.lines()).isEqualTo(lines);
        assertThat(result.total()).isZero();
    }

    @Test
    void anyRepeatedLoneTokenIsFoundNotJustBegin() {
        List<String> out = repair("zork", "The harbzorkor was closed.zork", "zork");

        assertThat(out.get(1)).isEqualTo("The harbor was closed.");
    }

    @Test
    void aWordKnownFromElsewhereInTheDocumentCountsAsAWord() {
        // "Saltmere" is in no dictionary, but the document itself uses it.
        List<String> out = repair("begin", "begin", "Saltmere harbor.", "The Saltbeginmere port reopened.");

        assertThat(out.get(3)).isEqualTo("The Saltmere port reopened.");
    }

    @Test
    void removalsAreCountedByToken() {
        DebrisRepair.Result result = DebrisRepair.repair(List.of("begin", "begin", "prbeginocess"));

        assertThat(result.removed()).containsEntry("begin", 3);
        assertThat(result.total()).isEqualTo(3);
    }
}
