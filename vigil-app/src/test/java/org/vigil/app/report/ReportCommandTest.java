package org.vigil.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.Article;
import org.vigil.model.Basis;
import org.vigil.model.Claim;
import org.vigil.model.Evidence;
import org.vigil.model.Extraction;
import org.vigil.model.Incident;
import org.vigil.model.IncidentStatus;
import org.vigil.model.IncidentTarget;
import org.vigil.model.Source;
import org.vigil.model.Stance;
import org.vigil.model.Technique;
import org.vigil.store.ReportFilter;
import org.vigil.store.VigilStore;
import picocli.CommandLine;

class ReportCommandTest {
    /** Evidence as hostile as scraped text gets: quotes, commas, a line break, a terminal escape, and length. */
    static final String NASTY = "Officials said \"Moscow, again\" backed Trump;\nthe \u001b[2J note "
            + "ran on and on about the operation, its budget, its staff and its many fake personas online.";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\") said Tehran opposes Harris.";

    @TempDir
    Path dir;
    Path db;

    record Run(int exit, String out, String err) {
    }

    private static Evidence evidence(String text, String sentence) {
        int start = text.indexOf(sentence);
        return new Evidence(sentence, start, start + sentence.length());
    }

    @BeforeEach
    void store() {
        db = dir.resolve("data/vigil.duckdb");
        String t1 = "Intro line. " + NASTY + " The Kremlin denied it.";
        String t2 = FORMULA + " More text.";
        try (VigilStore store = VigilStore.open(db)) {
            store.saveExtraction(new Extraction(
                    new Article("h1", "001_moscow.txt", "https://www.wire.com/1", "One", LocalDate.parse("2024-07-10"), "en", t1,
                            List.of(new Source("https://www.wire.com/1", "One", LocalDate.parse("2024-07-10"), "corpus/001_moscow.txt"),
                                    new Source("https://daily.example.org/1", "One", LocalDate.parse("2024-07-11"), "corpus/feed.jsonl"))),
                    List.of(new Claim("RU", "trump", Stance.FAVORS, false, true, Basis.ASSESSMENT, "Moscow", evidence(t1, NASTY))),
                    List.of(new Incident("RU", Technique.INAUTHENTIC_ACCOUNTS, IncidentTarget.VOTERS, IncidentStatus.ATTRIBUTED,
                            2024, "T0007", evidence(t1, NASTY)))));
            store.saveExtraction(new Extraction(
                    new Article("h2", "002_tehran.txt", null, null, LocalDate.parse("2024-09-02"), "en", t2, List.of()),
                    List.of(new Claim("IR", "harris", Stance.OPPOSES, true, false, Basis.STATEMENT, "Tehran", evidence(t2, FORMULA))),
                    List.of(new Incident("IR", Technique.HACK_AND_LEAK, IncidentTarget.ELECTION_INFRASTRUCTURE,
                            IncidentStatus.CHARGED, 2020, "T0123.456", evidence(t2, FORMULA)))));
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ReportCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run report(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    @Test
    void theTableShowsBothSectionsAlignedWithinAHundredColumns() {
        Run r = report();
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(ReportPrinter.WIDTH));
        assertThat(r.out()).doesNotContain("\u001b").contains("Who wants whom: 2 pairs").contains("Incident timeline: 2 incidents");

        String header = lines.stream().filter(l -> l.startsWith("HOLDER")).findFirst().orElseThrow();
        String ru = lines.stream().filter(l -> l.startsWith("RU ")).findFirst().orElseThrow();
        assertThat(ru.split("\\s+")).containsExactly("RU", "trump", "1", "0", "0", "0%", "100%", "2", "2024-07-10", "2024-07-10");
        // right-aligned numbers end under the end of their header
        assertThat(ru.indexOf("100%") + 4).isEqualTo(header.indexOf("DISPUTED") + "DISPUTED".length());

        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("2020")).findFirst().orElseThrow());
        assertThat(lines.get(at).split("\\s+")).containsExactly("2020", "2024-09-02", "IR", "hack_and_leak", "T0123.456",
                "election_infrastructure", "charged");
        assertThat(lines.get(at + 1)).startsWith("      002_tehran.txt: \"=HYPERLINK(");
        String ruEvidence = lines.stream().filter(l -> l.startsWith("      001_moscow.txt")).findFirst().orElseThrow();
        assertThat(ruEvidence).as("long evidence is cut to fit").endsWith("...").hasSize(ReportPrinter.WIDTH)
                .contains("backed Trump; the [2J note ran on");
    }

    @Test
    void timelineRowsComeInTheOrderIncidentsHappened() {
        List<String> lines = report("--what", "timeline").out().lines().toList();
        List<String> years = lines.stream().filter(l -> l.matches("^\\d{4}  .*")).map(l -> l.substring(0, 4)).toList();
        assertThat(years).containsExactly("2020", "2024");
        assertThat(lines).noneMatch(l -> l.startsWith("HOLDER"));
    }

    @Test
    void jsonCarriesEverySectionAndTheFullEvidence() throws Exception {
        Run r = report("--format", "JSON");
        assertThat(r.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("matrix")).hasSize(2);
        JsonNode ir = root.get("matrix").get(0);
        assertThat(ir.get("holder").asText()).isEqualTo("IR");
        assertThat(ir.get("target").asText()).isEqualTo("harris");
        assertThat(ir.get("opposes").asLong()).isEqualTo(1);
        assertThat(ir.get("shareHedged").asDouble()).isEqualTo(1.0);
        assertThat(ir.get("independentSources").asLong()).isEqualTo(1);
        assertThat(ir.get("first").asText()).isEqualTo("2024-09-02");
        JsonNode ru = root.get("timeline").get(1);
        assertThat(ru.get("evidence").asText()).isEqualTo(NASTY);
        assertThat(ru.get("date").asText()).isEqualTo("2024-07-10");
        assertThat(ru.get("year").asInt()).isEqualTo(2024);
        assertThat(ru.get("disarmId").asText()).isEqualTo("T0007");

        JsonNode onlyMatrix = new ObjectMapper().readTree(report("--format", "json", "--what", "matrix").out());
        assertThat(onlyMatrix.has("timeline")).isFalse();
        assertThat(onlyMatrix.get("matrix")).hasSize(2);
    }

    @Test
    void csvIsRfc4180WithAHeaderPerSectionAndNoRunnableFormulas() {
        Run r = report("--format", "csv");
        assertThat(r.exit()).isZero();
        assertThat(r.out().replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\r");
        List<List<String>> records = Rfc4180.parse(r.out());
        assertThat(records.get(0)).containsExactlyElementsOf(ReportPrinter.MATRIX_CSV_HEADER);
        assertThat(records.get(1)).containsExactly("IR", "harris", "0", "1", "0", "1.0000", "0.0000", "1",
                "2024-09-02", "2024-09-02");
        assertThat(records.get(3)).as("the empty line between sections").containsExactly("");
        assertThat(records.get(4)).containsExactlyElementsOf(ReportPrinter.TIMELINE_CSV_HEADER);
        assertThat(records.get(5)).containsExactly("2024-09-02", "2020", "IR", "hack_and_leak",
                "T0123.456", "election_infrastructure", "charged", "002_tehran.txt", "'" + FORMULA);
        assertThat(records.get(6).get(8)).isEqualTo(NASTY);

        List<List<String>> timeline = Rfc4180.parse(report("--format", "csv", "--what", "timeline").out());
        assertThat(timeline).hasSize(3);
        assertThat(timeline.get(0)).containsExactlyElementsOf(ReportPrinter.TIMELINE_CSV_HEADER);
    }

    @Test
    void filtersNarrowBothSections() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode noDisputed = json.readTree(report("--format", "json", "--no-disputed").out());
        assertThat(noDisputed.get("matrix")).hasSize(1);
        assertThat(noDisputed.get("matrix").get(0).get("holder").asText()).isEqualTo("IR");

        JsonNode noHedged = json.readTree(report("--format", "json", "--no-hedged").out());
        assertThat(noHedged.get("matrix")).hasSize(1);
        assertThat(noHedged.get("matrix").get(0).get("holder").asText()).isEqualTo("RU");

        JsonNode july = json.readTree(report("--format", "json", "--from", "2024-07-01", "--to", "2024-07-31").out());
        assertThat(july.get("matrix")).hasSize(1);
        assertThat(july.get("timeline")).hasSize(1);

        JsonNode russia = json.readTree(report("--format", "json", "--holder", "ru").out());
        assertThat(russia.get("matrix")).hasSize(1);
        assertThat(russia.get("timeline")).hasSize(1);
        assertThat(russia.get("timeline").get(0).get("actor").asText()).isEqualTo("RU");

        assertThat(report("--candidate", "Nobody").out()).contains("Who wants whom: no claims match.");
    }

    @Test
    void aMissingStoreIsOneLineSayingWhatToRunAndExitTwo() {
        Path missing = dir.resolve("nowhere/vigil.duckdb");
        Run r = run("--db", missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("no Vigil store at " + missing + ": run 'vigil ingest news DIR' first" + System.lineSeparator());
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void badOptionsAreUsageErrorsThatSayWhatWasExpected() {
        Run format = report("--format", "xml");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("expected table, json or csv, got 'xml'");

        Run date = report("--from", "05/11/2024");
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err()).contains("expected a date like 2024-11-05, got '05/11/2024'");

        Run section = report("--what", "everything");
        assertThat(section.exit()).isEqualTo(2);
        assertThat(section.err()).contains("expected matrix, timeline or all, got 'everything'");

        Run backwards = report("--from", "2024-12-01", "--to", "2024-01-01");
        assertThat(backwards.exit()).isEqualTo(2);
        assertThat(backwards.err()).isEqualTo("--from 2024-12-01 is after --to 2024-01-01: nothing can match; swap the dates"
                + System.lineSeparator());
    }

    @Test
    void theHelpDocumentsTheFormatsAndTheCsvSections() {
        Run help = report("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--format=FORMAT", "--what=SECTION", "--no-hedged", "--no-disputed",
                "RFC 4180", "--what matrix");
    }

    @Test
    void thePrinterHelpersPrintATableWithoutATitleForOtherCommands() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (VigilStore store = VigilStore.openReadOnly(db)) {
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            ReportPrinter.printMatrix(out, store.matrix(ReportFilter.all()), "table");
            ReportPrinter.printTimeline(out, store.timeline(ReportFilter.all()), ReportFormat.TABLE);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("HOLDER").doesNotContain("Who wants whom:").contains("\nYEAR  REPORTED");
    }
}
