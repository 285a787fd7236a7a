package org.vigil.app.report;

import org.vigil.output.Csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.store.MatrixRow;
import org.vigil.store.TimelineRow;

class ReportPrinterTest {
    private static String print(List<MatrixRow> matrix, List<TimelineRow> timeline, ReportFormat format) {
        StringWriter s = new StringWriter();
        ReportPrinter.print(new PrintWriter(s), matrix, timeline, format);
        return s.toString();
    }

    @Test
    void cellsAreCutWithAnEllipsisAndNeverSplitASurrogatePair() {
        assertThat(TerminalTable.fit("abcdefgh", 8)).isEqualTo("abcdefgh");
        assertThat(TerminalTable.fit("abcdefgh", 7)).isEqualTo("abcd...");
        assertThat(TerminalTable.fit("abcdefgh", 2)).isEqualTo("ab");
        assertThat(TerminalTable.fit("ab\uD83D\uDE00cdef", 6)).isEqualTo("ab...");
    }

    @Test
    void controlCharactersAndLineBreaksPrintAsSingleSpaces() {
        assertThat(TerminalTable.clean("a\r\n\tb\u001b[31mc\u0007 \u2028d ")).isEqualTo("a b [31mc d");
        assertThat(TerminalTable.clean(null)).isEqualTo("-");
    }

    @Test
    void csvQuotesOnlyWhatNeedsQuotingAndGuardsFormulasInTextOnly() {
        StringWriter s = new StringWriter();
        Csv.row(new PrintWriter(s, true), List.of("plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", Csv.text("-1+2"),
                Csv.value(-1), Csv.text("@SUM(A1)"), Csv.text(null)));
        assertThat(s.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",'-1+2,-1,'@SUM(A1),\r\n");
    }

    @Test
    void emptySectionsSaySoInEveryFormat() {
        assertThat(print(List.of(), List.of(), ReportFormat.TABLE))
                .isEqualTo(String.format("Who wants whom: no claims match.%n%nIncident timeline: no incidents match.%n"));
        assertThat(print(List.of(), List.of(), ReportFormat.JSON).replaceAll("\\s", "")).isEqualTo("{\"matrix\":[],\"timeline\":[]}");
        assertThat(print(List.of(), null, ReportFormat.CSV)).isEqualTo(String.join(",", ReportPrinter.MATRIX_CSV_HEADER) + "\r\n");
    }

    @Test
    void unknownDatesAndYearsPrintAsDashesInTablesAndNullsInJson() {
        List<TimelineRow> rows = List.of(new TimelineRow(null, null, "RU", "state_media", null, "voters", "alleged", "x.txt", null));
        assertThat(print(null, rows, ReportFormat.TABLE)).contains("-     -         RU     state_media  -       voters  alleged\n      x.txt\n");
        assertThat(print(null, rows, ReportFormat.JSON)).contains("\"date\" : null").contains("\"year\" : null");
        List<MatrixRow> cells = List.of(new MatrixRow("RU", "trump", 1, 0, 0, 0, 0, 1, null, LocalDate.parse("2024-01-02")));
        assertThat(print(cells, null, ReportFormat.CSV)).endsWith("RU,trump,1,0,0,0.0000,0.0000,1,,2024-01-02\r\n");
    }

    @Test
    void formatNamesParseInAnyCase() {
        assertThat(ReportFormat.parse(" Json ")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.TABLE).hasToString("table");
        assertThatThrownBy(() -> ReportFormat.parse("yaml")).hasMessage("expected table, json or csv, got 'yaml'");
    }
}
